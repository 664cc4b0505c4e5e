package io.wharf.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.schema.Definition;
import io.wharf.api.schema.SchemaRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Custom resources decoded as upstream does, with the body of its field validation test for custom resources. */
class UnstructuredDecodingTest {
    private static final Definition OBJECT_META =
            SchemaRegistry.builtin().definition("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta").orElseThrow();

    private static final String BODY = """
            {"apiVersion": "example.com/v1", "kind": "Widget",
             "metadata": {"name": "dupename", "name": "w", "unknownMeta": "metaVal", "resourceVersion": "1"},
             "spec": {"unknown1": "val1", "unknownDupe": "valDupe", "unknownDupe": "valDupe2",
              "knownField1": "val1", "knownField1": "val2",
              "ports": [{"name": "portName", "containerPort": 8080, "protocol": "TCP", "hostPort": 8081, "hostPort": 8082,
                "unknownNested": "val"}]}}""";

    /** Stands in for a structural schema: drops the fields it is told are unknown, in that order. */
    private static FieldPruner pruning(String... paths) {
        return object -> {
            List<String> removed = new ArrayList<>();
            for (String path : paths) {
                String[] parts = path.split("\\.");
                JsonNode parent = object;
                for (int i = 0; i < parts.length - 1; i++) {
                    String p = parts[i];
                    parent = p.endsWith("]") ? parent.get(p.substring(0, p.indexOf('['))).get(0) : parent.get(p);
                }
                if (((ObjectNode) parent).remove(parts[parts.length - 1]) != null) {
                    removed.add(path);
                }
            }
            return removed;
        };
    }

    private static DecodedBody decode(FieldValidation v) throws IOException {
        LenientDocument doc = LenientParser.jsonUntyped(BODY.getBytes(StandardCharsets.UTF_8));
        return UnstructuredDecoding.decode(doc, v, OBJECT_META,
                pruning("spec.ports[0].unknownNested", "spec.unknown1", "spec.unknownDupe"));
    }

    @Test
    void everyRepeatedKeyComesFirstThenMetadatasUnknownFieldsThenThePrunedOnes() throws IOException {
        DecodedBody d = decode(FieldValidation.STRICT);
        assertThat(d.verdict().rejected()).isTrue();
        assertThat(d.verdict().strictError()).isEqualTo("strict decoding error: duplicate field \"metadata.name\", "
                + "duplicate field \"spec.unknownDupe\", duplicate field \"spec.knownField1\", "
                + "duplicate field \"spec.ports[0].hostPort\", unknown field \"metadata.unknownMeta\", "
                + "unknown field \"spec.ports[0].unknownNested\", unknown field \"spec.unknown1\", "
                + "unknown field \"spec.unknownDupe\"");
    }

    @Test
    void unknownFieldsAreDroppedWhateverTheDirective() throws IOException {
        for (FieldValidation v : FieldValidation.values()) {
            DecodedBody d = decode(v);
            assertThat(d.value().toString()).as(v.parameter()).isEqualTo("{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\","
                    + "\"metadata\":{\"name\":\"w\",\"resourceVersion\":\"1\"},\"spec\":{\"knownField1\":\"val2\","
                    + "\"ports\":[{\"name\":\"portName\",\"containerPort\":8080,\"protocol\":\"TCP\",\"hostPort\":8082}]}}");
        }
        assertThat(decode(FieldValidation.IGNORE).verdict().errors()).isEmpty();
        assertThat(decode(FieldValidation.WARN).verdict().warnings()).hasSize(8).startsWith("duplicate field \"metadata.name\"");
    }

    @Test
    void metadataFindingsAreSortedAndNotRepeatedWhenThePrunerAlsoNamesThem() {
        ObjectNode obj = (ObjectNode) UnknownFieldsTest.tree(
                "{\"metadata\": {\"zeta\": 1, \"name\": \"n\", \"alpha\": 2}, \"spec\": {\"x\": 1}}");
        List<String> errors = UnstructuredDecoding.pruneUnknownFields(obj, OBJECT_META, o -> List.of("metadata.alpha", ".spec.x"));
        assertThat(errors).containsExactly("unknown field \"metadata.alpha\"", "unknown field \"metadata.zeta\"",
                "unknown field \"spec.x\"");
        assertThat(obj.get("metadata").toString()).isEqualTo("{\"name\":\"n\"}");
    }
}
