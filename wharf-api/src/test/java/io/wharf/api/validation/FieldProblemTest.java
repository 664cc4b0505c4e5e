package io.wharf.api.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldProblemTest {
    @Test
    void rendersLikeUpstreamFieldErrors() {
        assertThat(FieldProblem.invalid("metadata.name", "Bad", "must be lower case").message())
                .isEqualTo("metadata.name: Invalid value: \"Bad\": must be lower case");
        assertThat(FieldProblem.required("spec.containers", "").message())
                .isEqualTo("spec.containers: Required value");
        assertThat(FieldProblem.forbidden("spec.x", "may not be set").message())
                .isEqualTo("spec.x: Forbidden: may not be set");
        assertThat(FieldProblem.tooLong("metadata.annotations", 262144).message())
                .isEqualTo("metadata.annotations: Too long: may not be more than 262144 bytes");
        assertThat(FieldProblem.notSupported("spec.restartPolicy", "Sometimes", List.of("Always", "Never")).message())
                .isEqualTo("spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"Never\"");
        assertThat(new FieldProblem(FieldProblem.Type.DUPLICATE, "spec.ports[1]", 80L, "").message())
                .isEqualTo("spec.ports[1]: Duplicate value: 80");
    }

    @Test
    void rendersBadValuesTheGoWay() {
        assertThat(FieldProblem.invalid("p", null, "d").body()).isEqualTo("Invalid value: \"null\": d");
        assertThat(FieldProblem.invalid("p", true, "d").body()).isEqualTo("Invalid value: true: d");
        assertThat(FieldProblem.invalid("p", 1.5, "d").body()).isEqualTo("Invalid value: 1.5: d");
        assertThat(FieldProblem.invalid("p", 2.0, "d").body()).isEqualTo("Invalid value: 2: d");
        assertThat(FieldProblem.invalid("p", 1e21, "d").body()).isEqualTo("Invalid value: 1e+21: d");
        assertThat(FieldProblem.invalid("p", 0.00001, "d").body()).isEqualTo("Invalid value: 1e-05: d");
        assertThat(FieldProblem.invalid("p", new BigDecimal("0.25"), "d").body()).isEqualTo("Invalid value: 0.25: d");
        assertThat(FieldProblem.invalid("p", List.of("a", "b"), "d").body())
                .isEqualTo("Invalid value: []string{\"a\", \"b\"}: d");
        assertThat(FieldProblem.invalid("p", List.of(), "d").body()).isEqualTo("Invalid value: []string(nil): d");
        assertThat(FieldProblem.invalid("p", "x", "").body()).isEqualTo("Invalid value: \"x\"");
    }

    @Test
    void causeTypes() {
        assertThat(FieldProblem.invalid("p", "x", "d").type().causeType()).isEqualTo("FieldValueInvalid");
        assertThat(FieldProblem.tooLong("p", 1).type().causeType()).isEqualTo("FieldValueTooLong");
        assertThat(new FieldProblem("p", "x", "d").type()).isEqualTo(FieldProblem.Type.INVALID);
    }

    @Test
    void prefixesPaths() {
        FieldProblem atMap = FieldProblem.invalid("", "k", "d");
        assertThat(atMap.withPathPrefix("metadata.labels").path()).isEqualTo("metadata.labels");
        assertThat(FieldProblem.invalid("[k]", "v", "d").withPathPrefix("metadata.labels").path())
                .isEqualTo("metadata.labels[k]");
        assertThat(FieldProblem.invalid("key", "v", "d").withPathPrefix("spec.selector").path())
                .isEqualTo("spec.selector.key");
        assertThat(FieldProblem.invalid("key", "v", "d").withPathPrefix("").path()).isEqualTo("key");
    }

    @Test
    void aggregatesLikeUpstream() {
        FieldProblem a = FieldProblem.invalid("a", "x", "one");
        FieldProblem b = FieldProblem.invalid("b", "y", "two");
        assertThat(FieldProblem.aggregateMessage(List.of(a))).isEqualTo("a: Invalid value: \"x\": one");
        assertThat(FieldProblem.aggregateMessage(List.of(a, a))).isEqualTo("a: Invalid value: \"x\": one");
        assertThat(FieldProblem.aggregateMessage(List.of(a, b, a)))
                .isEqualTo("[a: Invalid value: \"x\": one, b: Invalid value: \"y\": two]");
        assertThatThrownBy(() -> FieldProblem.aggregateMessage(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
