package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.NameValidation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * apiextensions.k8s.io/v1 CustomResourceDefinition, the definition itself: name = plural.group,
 * a dotted group, names, scope, versions (unique DNS-1035 names, exactly one storage version),
 * subresources, printer columns, conversion, stored versions, API approval for Kubernetes-owned
 * groups, and on update the fields that fix the resource's identity. Everything about schemas
 * (their presence, structure, defaults, and preserveUnknownFields) is checked by the server's CRD
 * strategy through {@code io.wharf.api.crd.CrdSchemaValidation}, not here.
 */
final class CustomResourceDefinitionValidation implements KindValidator {
    static final String API_APPROVAL_ANNOTATION = "api-approved.kubernetes.io";
    private static final FieldPath SPEC = FieldPath.of("spec");


    @Override
    public List<FieldProblem> validate(ObjectNode crd) {
        Problems out = new Problems();
        String name = Nodes.text(crd, "metadata", "name");
        JsonNode spec = crd.path("spec");
        if (!name.equals(Nodes.text(spec, "names", "plural") + "." + Nodes.text(spec, "group"))) {
            out.invalid(FieldPath.of("metadata", "name"), name, "must be spec.names.plural+\".\"+spec.group");
        }
        out.addAll(spec(crd, true));
        out.addAll(status(crd));
        apiApproval(out, crd, null);
        return out.list();
    }

    @Override
    public List<FieldProblem> validateUpdate(ObjectNode crd, ObjectNode old) {
        JsonNode oldSpec = old.path("spec");
        JsonNode oldConversion = oldSpec.path("conversion");
        // Definitions stored before review versions were checked may keep theirs.
        boolean requireRecognizedReviewVersion = !Nodes.isSet(oldConversion)
                || CrdConversion.hasAcceptedReviewVersionOrEmpty(Nodes.strings(oldConversion, "webhook", "conversionReviewVersions"));
        Problems out = new Problems();
        out.addAll(spec(crd, requireRecognizedReviewVersion));
        JsonNode spec = crd.path("spec");
        if (isEstablished(old)) {
            // Scope and kind shape stored data, so they are fixed once the API is served.
            FieldChecks.immutableText(out, spec.path("scope"), oldSpec.path("scope"), SPEC.child("scope"));
            FieldChecks.immutableText(out, Nodes.at(spec, "names", "kind"), Nodes.at(oldSpec, "names", "kind"), SPEC.child("names", "kind"));
        }
        // Group and plural make up the resource's name, which never changes.
        FieldChecks.immutableText(out, spec.path("group"), oldSpec.path("group"), SPEC.child("group"));
        FieldChecks.immutableText(out, Nodes.at(spec, "names", "plural"), Nodes.at(oldSpec, "names", "plural"), SPEC.child("names", "plural"));
        out.addAll(status(crd));
        apiApproval(out, crd, old);
        return out.list();
    }

    private static List<FieldProblem> spec(ObjectNode crd, boolean requireRecognizedReviewVersion) {
        Problems out = new Problems();
        JsonNode spec = crd.path("spec");
        CrdInternalView view = new CrdInternalView(spec);
        group(out, Nodes.text(spec, "group"));
        FieldChecks.requiredEnum(out, Nodes.text(spec, "scope"), List.of("Cluster", "Namespaced"), SPEC.child("scope"));
        boolean preserveUnknownFields = Nodes.bool(spec, "preserveUnknownFields");
        versions(out, view);
        String firstVersion = view.versions().isEmpty() ? "" : Nodes.text(view.versions().get(0), "name");
        if (!firstVersion.isEmpty()) {
            // The internal form repeats the first version's name in spec.version, and checks it again there.
            CrdNames.dns1035(out, firstVersion, SPEC.child("version"));
        }
        JsonNode names = spec.path("names");
        for (String field : List.of("plural", "singular", "kind", "listKind")) {
            if (Nodes.text(names, field).isEmpty()) {
                out.required(SPEC.child("names", field), "");
            }
        }
        CrdNames.validate(out, names, SPEC.child("names"));
        if (Nodes.isSet(view.topLevelSubresources())) {
            CrdVersionParts.subresources(out, view.topLevelSubresources(), SPEC.child("subresources"));
        }
        List<JsonNode> columns = view.topLevelColumns();
        for (int i = 0; i < columns.size(); i++) {
            CrdVersionParts.column(out, columns.get(i), SPEC.child("additionalPrinterColumns").index(i));
        }
        JsonNode conversion = spec.path("conversion");
        String strategy = Nodes.text(conversion, "strategy");
        if (Nodes.isSet(conversion) && !strategy.equals("None") && preserveUnknownFields) {
            out.invalid(SPEC.child("conversion", "strategy"), strategy, "must be None if spec.preserveUnknownFields is true");
        }
        CrdConversion.validate(out, conversion, requireRecognizedReviewVersion, SPEC.child("conversion"));
        return out.list();
    }

    private static void group(Problems out, String group) {
        FieldPath path = SPEC.child("group");
        if (group.isEmpty()) {
            out.required(path, "");
            return;
        }
        List<String> errors = NameValidation.isDNS1123Subdomain(group);
        if (!errors.isEmpty()) {
            out.invalid(path, group, String.join(",", errors));
        } else if (!group.contains(".")) {
            out.invalid(path, group, "should be a domain with at least one dot");
        }
    }

    private static void versions(Problems out, CrdInternalView view) {
        int storageVersions = 0;
        Set<String> names = new HashSet<>();
        boolean unique = true;
        List<JsonNode> versions = view.versions();
        for (int i = 0; i < versions.size(); i++) {
            JsonNode version = versions.get(i);
            FieldPath path = SPEC.child("versions").index(i);
            if (Nodes.bool(version, "storage")) {
                storageVersions++;
            }
            String name = Nodes.text(version, "name");
            unique &= names.add(name);
            CrdNames.dns1035(out, name, path.child("name"));
            CrdVersionParts.deprecationWarning(out, version, path.child("deprecationWarning"));
            if (Nodes.isSet(view.versionSubresources(i))) {
                CrdVersionParts.subresources(out, view.versionSubresources(i), path.child("subresources"));
            }
            List<JsonNode> columns = view.versionColumns(i);
            for (int j = 0; j < columns.size(); j++) {
                CrdVersionParts.column(out, columns.get(j), path.child("additionalPrinterColumns").index(j));
            }
        }
        if (!unique) {
            out.invalid(SPEC.child("versions"), view.versionsValue(), "must contain unique version names");
        }
        if (storageVersions != 1) {
            out.invalid(SPEC.child("versions"), view.versionsValue(), "must have exactly one version marked as storage version");
        }
    }

    private static List<FieldProblem> status(ObjectNode crd) {
        Problems out = new Problems();
        CrdNames.validate(out, Nodes.at(crd, "status", "acceptedNames"), FieldPath.of("status", "acceptedNames"));
        FieldPath path = FieldPath.of("status", "storedVersions");
        List<String> stored = Nodes.strings(crd, "status", "storedVersions");
        if (stored.isEmpty()) {
            out.invalid(path, stored, "must have at least one stored version");
            return out.list();
        }
        Map<String, Integer> remaining = new LinkedHashMap<>();
        for (int i = 0; i < stored.size(); i++) {
            remaining.put(stored.get(i), i);
        }
        for (JsonNode version : Nodes.items(crd, "spec", "versions")) {
            String name = Nodes.text(version, "name");
            boolean isStored = remaining.containsKey(name);
            if (Nodes.bool(version, "storage") && !isStored) {
                out.invalid(path, stored, "must have the storage version " + name);
            }
            remaining.remove(name);
        }
        remaining.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> out.invalid(
                path.index(e.getValue()), e.getKey(), "missing from spec.versions; " + e.getKey()
                        + " was previously a storage version, and must remain in spec.versions until a storage migration ensures no data remains persisted in "
                        + e.getKey() + " and removes " + e.getKey() + " from status.storedVersions"));
        return out.list();
    }

    /** Groups under k8s.io and kubernetes.io need the API review annotation. */
    private static void apiApproval(Problems out, ObjectNode crd, ObjectNode old) {
        String group = Nodes.text(crd, "spec", "group");
        boolean protectedGroup = group.equals("k8s.io") || group.endsWith(".k8s.io")
                || group.equals("kubernetes.io") || group.endsWith(".kubernetes.io");
        if (!protectedGroup) {
            return;
        }
        ApprovalState state = approvalState(crd);
        if (old != null && approvalState(old) == state) {
            return;
        }
        FieldPath path = FieldPath.of("metadata", "annotations").key(API_APPROVAL_ANNOTATION);
        String value = Nodes.text(crd, "metadata", "annotations", API_APPROVAL_ANNOTATION);
        String quoted = "\"" + API_APPROVAL_ANNOTATION + "\"";
        switch (state) {
            case MISSING -> out.required(path, "protected groups must have approval annotation " + quoted
                    + ", see https://github.com/kubernetes/enhancements/pull/1111");
            case INVALID -> out.invalid(path, value, "protected groups must have approval annotation " + quoted
                    + " with either a URL or a reason starting with \"unapproved\", see https://github.com/kubernetes/enhancements/pull/1111");
            default -> {
                // approved or knowingly bypassed
            }
        }
    }

    private enum ApprovalState { INVALID, APPROVED, BYPASSED, MISSING }

    private static ApprovalState approvalState(ObjectNode crd) {
        String annotation = Nodes.text(crd, "metadata", "annotations", API_APPROVAL_ANNOTATION);
        if (annotation.isEmpty()) {
            return ApprovalState.MISSING;
        }
        if (annotation.startsWith("unapproved")) {
            return ApprovalState.BYPASSED;
        }
        try {
            URI uri = new URI(annotation);
            if (uri.getScheme() != null && uri.getRawAuthority() != null && !uri.getRawAuthority().isEmpty()) {
                return ApprovalState.APPROVED;
            }
        } catch (URISyntaxException e) {
            // not a URL
        }
        return ApprovalState.INVALID;
    }

    private static boolean isEstablished(ObjectNode crd) {
        for (JsonNode condition : Nodes.items(crd, "status", "conditions")) {
            if (Nodes.text(condition, "type").equals("Established")) {
                return Nodes.text(condition, "status").equals("True");
            }
        }
        return false;
    }
}
