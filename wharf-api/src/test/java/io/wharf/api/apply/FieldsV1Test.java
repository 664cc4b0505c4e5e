package io.wharf.api.apply;

import static io.wharf.api.apply.ApplyTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.wharf.api.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldsV1Test {
    private static final String EXAMPLE = "{\"f:metadata\":{\"f:labels\":{\".\":{},\"f:app\":{}}},"
            + "\"f:spec\":{\"f:containers\":{\"k:{\\\"name\\\":\\\"nginx\\\"}\":{\".\":{},\"f:image\":{}}}}}";

    private static PathElement key(String name, String value) {
        return new PathElement.Key(List.of(new PathElement.KeyField(name, TextNode.valueOf(value))));
    }

    @Test
    void decodesMembersParentsAndSelfMarkers() {
        FieldSet set = FieldsV1.decode(json(EXAMPLE));

        assertThat(set.paths()).extracting(FieldPath::toString).containsExactly(
                ".metadata.labels",
                ".metadata.labels.app",
                ".spec.containers[name=\"nginx\"]",
                ".spec.containers[name=\"nginx\"].image");
        assertThat(set.has(FieldPath.of("metadata"))).isFalse();
        assertThat(set.has(FieldPath.of("spec", "containers", key("name", "nginx")))).isTrue();
    }

    @Test
    void encodesTheExactUpstreamForm() {
        FieldSet set = FieldSet.of(
                FieldPath.of("spec", "containers", key("name", "nginx"), "image"),
                FieldPath.of("metadata", "labels", "app"),
                FieldPath.of("spec", "containers", key("name", "nginx")),
                FieldPath.of("metadata", "labels"));

        assertThat(Json.string(FieldsV1.encode(set))).isEqualTo(EXAMPLE);
    }

    @Test
    void roundTripsEveryKindOfElement() {
        String text = "{\"f:a\":{},\"f:b\":{\"i:0\":{},\"i:2\":{}},"
                + "\"f:ports\":{\"k:{\\\"containerPort\\\":80,\\\"protocol\\\":\\\"TCP\\\"}\":{\".\":{},\"f:name\":{}}},"
                + "\"f:set\":{\"v:\\\"x\\\"\":{},\"v:3\":{}}}";
        FieldSet set = FieldsV1.decode(json(text));

        assertThat(Json.string(FieldsV1.encode(set))).isEqualTo(
                "{\"f:a\":{},\"f:b\":{\"i:0\":{},\"i:2\":{}},"
                        + "\"f:ports\":{\"k:{\\\"containerPort\\\":80,\\\"protocol\\\":\\\"TCP\\\"}\":{\".\":{},\"f:name\":{}}},"
                        + "\"f:set\":{\"v:3\":{},\"v:\\\"x\\\"\":{}}}");
    }

    @Test
    void ordersFieldsBeforeKeysBeforeValuesBeforeIndexes() {
        FieldSet set = FieldSet.of(
                FieldPath.of(new PathElement.Index(1)),
                FieldPath.of(new PathElement.Value(TextNode.valueOf("v"))),
                FieldPath.of(key("name", "k")),
                FieldPath.of("z"));

        assertThat(List.copyOf(FieldsV1.encode(set).properties().stream().map(e -> e.getKey()).toList()))
                .containsExactly("f:z", "k:{\"name\":\"k\"}", "v:\"v\"", "i:1");
    }

    @Test
    void writesKeyFieldsSortedAndEscapedAsGoDoes() {
        PathElement k = new PathElement.Key(List.of(
                new PathElement.KeyField("protocol", TextNode.valueOf("TCP")),
                new PathElement.KeyField("containerPort", IntNode.valueOf(80))));
        assertThat(FieldsV1.encode(k)).isEqualTo("k:{\"containerPort\":80,\"protocol\":\"TCP\"}");
        assertThat(FieldsV1.encode(new PathElement.Value(TextNode.valueOf("a<b&c")))).isEqualTo("v:\"a\\u003cb\\u0026c\"");
    }

    @Test
    void sortsKeyFieldsWhenReading() {
        PathElement read = FieldsV1.decodeElement("k:{\"protocol\":\"TCP\",\"containerPort\":80}");
        assertThat(read.toString()).isEqualTo("[containerPort=80,protocol=\"TCP\"]");
    }

    @Test
    void dropsElementsOfUnknownKinds() {
        FieldSet set = FieldsV1.decode(json("{\"f:a\":{\"x:future\":{}},\"z:other\":{}}"));
        assertThat(set.paths()).extracting(FieldPath::toString).containsExactly(".a");
    }

    @Test
    void anEmptyObjectIsAMemberAndADotMakesAParentAMember() {
        FieldSet set = FieldsV1.decode(json("{\"f:a\":{\".\":{},\"f:b\":{}},\"f:c\":{\"f:d\":{}}}"));
        assertThat(set.paths()).extracting(FieldPath::toString).containsExactly(".a", ".a.b", ".c.d");
    }

    @Test
    void rejectsMalformedKeys() {
        assertThatThrownBy(() -> FieldsV1.decode(json("{\"f\":{}}"))).isInstanceOf(FieldsV1.FormatException.class)
                .hasMessageContaining("2 characters");
        assertThatThrownBy(() -> FieldsV1.decode(json("{\"fx\":{}}"))).hasMessageContaining("missing colon");
        assertThatThrownBy(() -> FieldsV1.decode(json("{\"k:{\\\"a\\\"\":{}}"))).isInstanceOf(FieldsV1.FormatException.class);
        assertThatThrownBy(() -> FieldsV1.decode(json("{\"i:x\":{}}"))).hasMessageContaining("invalid index");
        assertThatThrownBy(() -> FieldsV1.decode(json("{\"f:a\":[]}"))).isInstanceOf(FieldsV1.FormatException.class);
    }

    @Test
    void theEmptySetIsTheEmptyObject() {
        assertThat(Json.string(FieldsV1.encode(FieldSet.empty()))).isEqualTo("{}");
        assertThat(FieldsV1.decode(json("{}")).isEmpty()).isTrue();
        assertThat(FieldsV1.decode(null).isEmpty()).isTrue();
    }
}
