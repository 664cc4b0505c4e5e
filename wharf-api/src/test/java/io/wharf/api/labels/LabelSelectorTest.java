package io.wharf.api.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {
    private static boolean matches(String selector, Map<String, String> labels) {
        return LabelSelector.parse(selector).matches(labels);
    }

    @Test
    void matchesLikeUpstream() {
        assertThat(matches("", Map.of("x", "y"))).isTrue();
        assertThat(matches("x=y", Map.of("x", "y"))).isTrue();
        assertThat(matches("x=y,z=w", Map.of("x", "y", "z", "w"))).isTrue();
        assertThat(matches("x!=y,z!=w", Map.of("x", "z", "z", "a"))).isTrue();
        assertThat(matches("notin=in", Map.of("notin", "in"))).isTrue();
        assertThat(matches("x", Map.of("x", "z"))).isTrue();
        assertThat(matches("!x", Map.of("y", "z"))).isTrue();
        assertThat(matches("x>1", Map.of("x", "2"))).isTrue();
        assertThat(matches("x<1", Map.of("x", "0"))).isTrue();
        assertThat(matches("x<1", Map.of("x", "-5"))).isTrue();
        assertThat(matches("x=z", Map.of())).isFalse();
        assertThat(matches("x=y", Map.of("x", "z"))).isFalse();
        assertThat(matches("x=y,z=w", Map.of("x", "w", "z", "w"))).isFalse();
        assertThat(matches("x!=y,z!=w", Map.of("x", "z", "z", "w"))).isFalse();
        assertThat(matches("x", Map.of("y", "z"))).isFalse();
        assertThat(matches("!x", Map.of("x", "z"))).isFalse();
        assertThat(matches("x>1", Map.of("x", "0"))).isFalse();
        assertThat(matches("x<1", Map.of("x", "2"))).isFalse();
    }

    @Test
    void setBasedRequirements() {
        Map<String, String> labels = Map.of("foo", "bar", "baz", "blah");
        assertThat(matches("foo in (bar,other)", labels)).isTrue();
        assertThat(matches("foo notin (bar)", labels)).isFalse();
        assertThat(matches("missing notin (bar)", labels)).isTrue();
        assertThat(matches("missing in (bar)", labels)).isFalse();
        assertThat(matches("foo in (),baz", labels)).isFalse();
        assertThat(matches("foo=bar,baz=blah", labels)).isTrue();
        assertThat(matches("foo=blah", labels)).isFalse();
        assertThat(matches("e in ()", Map.of("e", ""))).isTrue();
    }

    @Test
    void greaterAndLessThanNeedIntegerLabels() {
        assertThat(matches("x>1", Map.of("x", "a"))).isFalse();
        assertThat(matches("x<1", Map.of("x", "a"))).isFalse();
        assertThat(matches("x>1", Map.of())).isFalse();
        assertThat(matches("x>1", Map.of("x", "99999999999999999999"))).isFalse();
        assertThat(matches("x>0", Map.of("x", "+1"))).isTrue();
        assertThat(matches("x<2", Map.of("x", "١"))).isFalse();
    }

    @Test
    void nullLabelsMatchLikeEmpty() {
        assertThat(LabelSelector.parse("!x").matches(null)).isTrue();
        assertThat(LabelSelector.parse("x").matches(null)).isFalse();
    }

    @Test
    void everythingAndNothing() {
        assertThat(LabelSelector.everything().isEverything()).isTrue();
        assertThat(LabelSelector.everything().matches(Map.of("a", "b"))).isTrue();
        assertThat(LabelSelector.parse("").isEverything()).isTrue();
        assertThat(LabelSelector.parse("a").isEverything()).isFalse();
        assertThat(LabelSelector.nothing().isNothing()).isTrue();
        assertThat(LabelSelector.nothing().isEverything()).isFalse();
        assertThat(LabelSelector.nothing().matches(Map.of())).isFalse();
        assertThat(LabelSelector.nothing().toString()).isEmpty();
        assertThat(LabelSelector.nothing().requirements()).isEmpty();
        assertThat(LabelSelector.nothing()).isNotEqualTo(LabelSelector.everything());
    }

    @Test
    void requiredExactValue() {
        assertThat(LabelSelector.parse("a=b,c").requiredExactValue("a")).contains("b");
        assertThat(LabelSelector.parse("a==b").requiredExactValue("a")).contains("b");
        assertThat(LabelSelector.parse("a in (b)").requiredExactValue("a")).contains("b");
        assertThat(LabelSelector.parse("a in (b,c)").requiredExactValue("a")).isEmpty();
        assertThat(LabelSelector.parse("a!=b").requiredExactValue("a")).isEmpty();
        assertThat(LabelSelector.parse("c=d").requiredExactValue("a")).isEmpty();
        // Only the first requirement on the key counts, as upstream.
        assertThat(LabelSelector.parse("a,a=b").requiredExactValue("a")).isEmpty();
        assertThat(LabelSelector.nothing().requiredExactValue("a")).isEmpty();
    }

    @Test
    void fromSetIsEqualityOnEveryEntry() {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("z", "1");
        set.put("a", "2");
        LabelSelector selector = LabelSelector.fromSet(set);
        assertThat(selector.toString()).isEqualTo("a=2,z=1");
        assertThat(selector.matches(Map.of("a", "2", "z", "1", "other", "x"))).isTrue();
        assertThat(selector.matches(Map.of("a", "2"))).isFalse();
        assertThat(LabelSelector.fromSet(Map.of()).isEverything()).isTrue();
    }

    @Test
    void requirementsCanBeBuiltDirectly() {
        Requirement r = Requirement.create("tier", Operator.NOT_IN, List.of("b", "a"));
        assertThat(r.values()).containsExactly("b", "a");
        assertThat(r.toString()).isEqualTo("tier notin (a,b)");
        assertThat(LabelSelector.of(List.of(r, Requirement.create("app", Operator.EXISTS, List.of()))).toString())
                .isEqualTo("app,tier notin (a,b)");
        assertThat(LabelSelector.of(List.of())).isEqualTo(LabelSelector.everything());
    }

    @Test
    void requirementValidationMessages() {
        assertThatThrownBy(() -> Requirement.create("x", Operator.GREATER_THAN, List.of("1", "2")))
                .hasMessage("values: Invalid value: []string{\"1\", \"2\"}: for 'Gt', 'Lt' operators, exactly one value is required");
        assertThatThrownBy(() -> Requirement.create("x", Operator.EQUALS, List.of()))
                .hasMessage("values: Invalid value: []string(nil): exact-match compatibility requires one single value");
        assertThatThrownBy(() -> Requirement.create("x", Operator.IN, List.of()))
                .hasMessage("values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty");
        assertThatThrownBy(() -> Requirement.create("x", Operator.EXISTS, List.of("a")))
                .hasMessage("values: Invalid value: []string{\"a\"}: values set must be empty for exists and does not exist");
        assertThatThrownBy(() -> Requirement.create("", Operator.EXISTS, List.of()))
                .hasMessageStartingWith("key: Invalid value: \"\": name part must be non-empty; name part must consist of");
    }

    @Test
    void valueSemantics() {
        assertThat(LabelSelector.parse("a=b,c")).isEqualTo(LabelSelector.parse("c,a=b"));
        assertThat(LabelSelector.parse("a=b,c").hashCode()).isEqualTo(LabelSelector.parse("c, a=b").hashCode());
        assertThat(LabelSelector.parse("a=b")).isNotEqualTo(LabelSelector.parse("a==b"));
        Map<String, String> labels = new HashMap<>(Map.of("a", "b"));
        LabelSelector selector = LabelSelector.parse("a=b");
        labels.put("a", "c");
        assertThat(selector.matches(labels)).isFalse();
        assertThatThrownBy(() -> selector.requirements().add(null)).isInstanceOf(UnsupportedOperationException.class);
    }
}
