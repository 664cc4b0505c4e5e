package io.wharf.apiserver.admission;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The message of several errors reported as one, as upstream's error aggregate prints it. */
final class AggregateMessage {
    private AggregateMessage() {
    }

    /** One message as itself; several (repeats dropped) as {@code [a, b]}. */
    static String of(List<String> messages) {
        Set<String> distinct = new LinkedHashSet<>(messages);
        if (distinct.size() == 1) {
            return distinct.iterator().next();
        }
        return "[" + String.join(", ", distinct) + "]";
    }
}
