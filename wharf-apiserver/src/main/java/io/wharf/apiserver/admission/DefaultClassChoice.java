package io.wharf.apiserver.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which of several classes marked default wins (StorageClasses, IngressClasses): the newest, and
 * among those created in the same second, the first by name, as upstream picks.
 */
final class DefaultClassChoice {
    private DefaultClassChoice() {
    }

    static Optional<ObjectNode> pick(List<ObjectNode> classes, Predicate<ObjectNode> isDefault) {
        Comparator<ObjectNode> newestFirst = Comparator.comparing(DefaultClassChoice::created).reversed();
        return classes.stream().filter(isDefault)
                .min(newestFirst.thenComparing(c -> Json.text(c, "metadata", "name")));
    }

    /** An annotation is "true", exactly (upstream compares the string). */
    static boolean annotationTrue(ObjectNode obj, String annotation) {
        return "true".equals(Json.text(obj, "metadata", "annotations", annotation));
    }

    private static Instant created(ObjectNode obj) {
        String t = Json.text(obj, "metadata", "creationTimestamp");
        return t == null ? Instant.EPOCH : Instant.parse(t);
    }
}
