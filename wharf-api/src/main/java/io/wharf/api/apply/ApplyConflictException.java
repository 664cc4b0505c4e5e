package io.wharf.api.apply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An apply that would change fields other managers own, without force. The server answers 409
 * Conflict with this message and one StatusCause per conflict (type {@code FieldManagerConflict},
 * {@link ApplyConflict#causeMessage()}, {@link ApplyConflict#field()}). Conflicts are ordered by
 * owner identifier, then path.
 */
public final class ApplyConflictException extends RuntimeException {
    /** The StatusCause type upstream uses for each conflict. */
    public static final String CAUSE_TYPE = "FieldManagerConflict";

    private final List<ApplyConflict> conflicts;

    public ApplyConflictException(List<ApplyConflict> conflicts) {
        super(message(conflicts));
        this.conflicts = List.copyOf(conflicts);
    }

    public List<ApplyConflict> conflicts() {
        return conflicts;
    }

    private static String message(List<ApplyConflict> conflicts) {
        if (conflicts.isEmpty()) {
            throw new IllegalArgumentException("no conflicts");
        }
        if (conflicts.size() == 1) {
            ApplyConflict c = conflicts.get(0);
            return "Apply failed with 1 conflict: conflict with " + c.describeManager() + ": " + c.field();
        }
        Map<String, List<ApplyConflict>> byOwner = new LinkedHashMap<>();
        conflicts.stream()
                .sorted((a, b) -> a.owner().compareTo(b.owner()))
                .forEach(c -> byOwner.computeIfAbsent(c.owner().identifier(), k -> new ArrayList<>()).add(c));
        List<String> lines = new ArrayList<>();
        for (List<ApplyConflict> group : byOwner.values()) {
            lines.add("conflicts with " + group.get(0).describeManager() + ":");
            for (ApplyConflict c : group) {
                lines.add("- " + c.field());
            }
        }
        return "Apply failed with " + conflicts.size() + " conflicts: " + String.join("\n", lines);
    }
}
