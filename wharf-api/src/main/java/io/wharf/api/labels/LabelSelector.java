package io.wharf.api.labels;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An immutable label selector: the AND of its requirements, kept sorted by key as upstream does so
 * that equal selectors print the same. Besides selectors built from requirements there is the
 * selector that matches nothing, which is what a missing (nil) metav1.LabelSelector means.
 */
public final class LabelSelector {
    private static final LabelSelector EVERYTHING = new LabelSelector(List.of(), false);
    private static final LabelSelector NOTHING = new LabelSelector(List.of(), true);

    private final List<Requirement> requirements;
    private final boolean nothing;

    private LabelSelector(List<Requirement> requirements, boolean nothing) {
        this.requirements = requirements;
        this.nothing = nothing;
    }

    /** Matches every label set; the empty string and an empty {@code {}} selector mean this. */
    public static LabelSelector everything() {
        return EVERYTHING;
    }

    /** Matches no label set; a missing (nil) selector object means this. */
    public static LabelSelector nothing() {
        return NOTHING;
    }

    /**
     * Parses the string syntax used by {@code ?labelSelector=} and {@code kubectl -l}. Throws
     * {@link IllegalArgumentException} with upstream's message when the string is not a valid selector.
     */
    public static LabelSelector parse(String selector) {
        Objects.requireNonNull(selector, "selector");
        return of(SelectorParser.parse(selector));
    }

    /**
     * Converts a metav1.LabelSelector object ({@code matchLabels}, {@code matchExpressions}) as
     * upstream's {@code LabelSelectorAsSelector}: a null or missing node selects nothing, an object
     * without requirements selects everything. Throws {@link IllegalArgumentException} with upstream's
     * message for an unknown operator or an invalid requirement.
     */
    public static LabelSelector fromJson(JsonNode labelSelector) {
        return LabelSelectorObject.toSelector(labelSelector);
    }

    /**
     * Equality on every entry of the map, as upstream's {@code SelectorFromSet} (used for a
     * Service's or ReplicationController's plain map selector). Not validated; empty selects everything.
     */
    public static LabelSelector fromSet(Map<String, String> labels) {
        List<Requirement> requirements = new ArrayList<>();
        labels.forEach((k, v) -> requirements.add(Requirement.createUnchecked(k, Operator.EQUALS, List.of(v))));
        return of(requirements);
    }

    /** A selector of the given requirements (sorted by key, stable for equal keys). */
    public static LabelSelector of(List<Requirement> requirements) {
        if (requirements.isEmpty()) {
            return EVERYTHING;
        }
        List<Requirement> sorted = new ArrayList<>(requirements);
        sorted.sort(Comparator.comparing(Requirement::key));
        return new LabelSelector(List.copyOf(sorted), false);
    }

    public boolean matches(Map<String, String> labels) {
        if (nothing) {
            return false;
        }
        Map<String, String> actual = labels == null ? Map.of() : labels;
        for (Requirement r : requirements) {
            if (!r.matches(actual)) {
                return false;
            }
        }
        return true;
    }

    /** True when the selector does not restrict anything (upstream's {@code Empty()}). */
    public boolean isEverything() {
        return !nothing && requirements.isEmpty();
    }

    public boolean isNothing() {
        return nothing;
    }

    /** The requirements sorted by key; empty for both everything and nothing. */
    public List<Requirement> requirements() {
        return requirements;
    }

    /**
     * The single value {@code key} must have for a label set to match ({@code k=v}, {@code k==v} or
     * {@code k in (v)}), judged from the first requirement on that key, as upstream's {@code RequiresExactMatch}.
     */
    public Optional<String> requiredExactValue(String key) {
        for (Requirement r : requirements) {
            if (r.key().equals(key)) {
                boolean exact = r.operator() == Operator.EQUALS || r.operator() == Operator.DOUBLE_EQUALS
                        || r.operator() == Operator.IN;
                return exact && r.values().size() == 1 ? Optional.of(r.values().get(0)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Upstream's canonical string; "" for both everything and nothing. */
    @Override
    public String toString() {
        return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelSelector s && nothing == s.nothing && requirements.equals(s.requirements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requirements, nothing);
    }
}
