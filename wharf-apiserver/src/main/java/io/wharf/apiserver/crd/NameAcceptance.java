package io.wharf.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.apiserver.crd.CrdConditions.Condition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which of the names a CRD asks for it may have. Within one API group every resource name
 * (plural, singular, short name) and every kind (kind, list kind) belongs to one CRD; a name that is
 * already taken is refused and the previously accepted one stays, so a rename never takes what
 * another definition serves. Categories are not contested.
 */
final class NameAcceptance {
    /** The outcome: the names to serve under and the two conditions to record. */
    record Decision(CrdNames accepted, Condition namesAccepted, Condition established) {
    }

    private NameAcceptance() {
    }

    /**
     * @param crd   the definition being decided
     * @param json  its current object (for the Established condition it already has)
     * @param group every definition of the same group, itself included, with the names they hold
     */
    static Decision decide(CrdSpec crd, JsonNode json, Collection<CrdSpec> group) {
        Set<String> resources = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        for (CrdSpec other : group) {
            CrdNames held = other.acceptedNames();
            resources.add(held.plural());
            resources.add(held.singular());
            resources.addAll(held.shortNames());
            kinds.add(held.kind());
            kinds.add(held.listKind());
        }
        CrdNames wanted = crd.names();
        CrdNames held = crd.acceptedNames();
        String conflictReason = null;
        String conflictMessage = null;

        String plural = held.plural();
        String problem = whyRefused(wanted.plural(), held.plural(), resources);
        if (problem == null) {
            plural = wanted.plural();
        } else {
            conflictReason = "PluralConflict";
            conflictMessage = problem;
        }
        String singular = held.singular();
        problem = whyRefused(wanted.singular(), held.singular(), resources);
        if (problem == null) {
            singular = wanted.singular();
        } else {
            conflictReason = "SingularConflict";
            conflictMessage = problem;
        }
        List<String> shortNames = held.shortNames();
        if (!wanted.shortNames().equals(held.shortNames())) {
            List<String> problems = new ArrayList<>();
            for (String s : wanted.shortNames()) {
                if (!held.shortNames().contains(s)) {
                    String p = whyRefused(s, "", resources);
                    if (p != null) {
                        problems.add(p);
                    }
                }
            }
            if (problems.isEmpty()) {
                shortNames = wanted.shortNames();
            } else {
                conflictReason = "ShortNamesConflict";
                // several problems read as one list, the way Go's error aggregates print
                conflictMessage = problems.size() == 1 ? problems.get(0) : "[" + String.join(", ", problems) + "]";
            }
        }
        String kind = held.kind();
        problem = whyRefused(wanted.kind(), held.kind(), kinds);
        if (problem == null) {
            kind = wanted.kind();
        } else {
            conflictReason = "KindConflict";
            conflictMessage = problem;
        }
        String listKind = held.listKind();
        problem = whyRefused(wanted.listKind(), held.listKind(), kinds);
        if (problem == null) {
            listKind = wanted.listKind();
        } else {
            conflictReason = "ListKindConflict";
            conflictMessage = problem;
        }
        CrdNames accepted = new CrdNames(plural, singular, kind, listKind, shortNames, wanted.categories());

        Condition namesAccepted = conflictReason == null
                ? new Condition(CrdConditions.NAMES_ACCEPTED, "True", "NoConflicts", "no conflicts found")
                : new Condition(CrdConditions.NAMES_ACCEPTED, "False", conflictReason, conflictMessage);
        Condition established;
        JsonNode current = CrdConditions.find(json, CrdConditions.ESTABLISHED);
        if (current != null && "True".equals(current.path("status").asText())) {
            established = Condition.of(current); // once established, a later name conflict does not undo it
        } else if (conflictReason == null) {
            established = new Condition(CrdConditions.ESTABLISHED, "True", "InitialNamesAccepted", "the initial names have been accepted");
        } else {
            established = current != null ? Condition.of(current)
                    : new Condition(CrdConditions.ESTABLISHED, "False", "NotAccepted", "not all names are accepted");
        }
        return new Decision(accepted, namesAccepted, established);
    }

    /** Null when {@code wanted} is the name already held or no definition of the group holds it; otherwise why it is refused. */
    private static String whyRefused(String wanted, String held, Set<String> taken) {
        if (wanted.equals(held) || !taken.contains(wanted)) {
            return null;
        }
        return "\"" + wanted + "\" is already in use";
    }
}
