package io.wharf.api.validation;

import static io.wharf.api.validation.UnknownFieldsTest.tree;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoValueTextTest {

    @Test
    void mapsPrintWithSortedKeysAndListsWithSpaces() {
        assertThat(GoValueText.of(tree("""
                {"spec": {"paused": false, "template": {"spec": {"containers": [{"name": "nginx", "imagePullPolicy": "Never"}]}},
                 "replicas": 3, "selector": null}, "metadata": {"labels": {"b": "x y", "a": ""}}}""")))
                .isEqualTo("map[metadata:map[labels:map[a: b:x y]] spec:map[paused:false replicas:3 selector:<nil> "
                        + "template:map[spec:map[containers:[map[imagePullPolicy:Never name:nginx]]]]]]");
        assertThat(GoValueText.of(tree("[]"))).isEqualTo("[]");
        assertThat(GoValueText.of(tree("{}"))).isEqualTo("map[]");
    }

    @Test
    void integersStayIntegersAndOtherNumbersPrintAsGoPrintsAFloat64() {
        assertThat(GoValueText.of(tree("[1, -7, 1.5, 1.0, 1e3, 1e6, 1234567.5, 0.0001, 0.00001, 123456789012345678901234]")))
                .isEqualTo("[1 -7 1.5 1 1000 1e+06 1.2345675e+06 0.0001 1e-05 1.2345678901234569e+23]");
    }
}
