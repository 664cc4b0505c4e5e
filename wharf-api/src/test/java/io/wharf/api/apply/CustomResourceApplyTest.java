package io.wharf.api.apply;

import static io.wharf.api.apply.ApplyTestSupport.T0;
import static io.wharf.api.apply.ApplyTestSupport.T1;
import static io.wharf.api.apply.ApplyTestSupport.fieldsOf;
import static io.wharf.api.apply.ApplyTestSupport.stored;
import static io.wharf.api.apply.ApplyTestSupport.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import org.junit.jupiter.api.Test;

/**
 * Kinds without a schema (custom resources until their CRD schema is wired): everything but the
 * metadata is deduced, so maps are granular and owned as map keys, lists are atomic; the metadata
 * keeps ObjectMeta's list and map types.
 */
class CustomResourceApplyTest {
    private final FieldManager fields = new FieldManager();
    private final WriteTarget widgets = new WriteTarget(null, "example.com/v1", "Widget", "",
            ResetFields.of(null, true, ""));

    private static final String HEAD = """
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: w
              namespace: default
            """;

    @Test
    void deducedMapsAreGranularAndListsAtomic() {
        ObjectNode live = stored(fields.apply(null, yaml(HEAD + """
                  finalizers: [example.com/a]
                spec:
                  size: 3
                  tags: [a, b]
                  nested: {k: v}
                status:
                  ready: true
                """), "a", false, widgets, T0).object());

        assertThat(fieldsOf(live, "a", "Apply")).isEqualTo("{\"f:metadata\":{\"f:finalizers\":{\"v:\\\"example.com/a\\\"\":{}}},"
                + "\"f:spec\":{\".\":{},\"f:nested\":{\".\":{},\"f:k\":{}},\"f:size\":{},\"f:tags\":{}}}");

        ObjectNode r = fields.apply(live, yaml(HEAD + """
                spec:
                  tags: [c]
                  nested: {j: w}
                """), "b", true, widgets, T1).object();
        assertThat(Json.string(r.at("/spec/tags"))).isEqualTo("[\"c\"]");
        assertThat(r.at("/spec/nested").size()).isEqualTo(2);
        assertThat(fieldsOf(r, "a", "Apply")).doesNotContain("f:tags");
    }
}
