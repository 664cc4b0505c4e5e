package io.wharf.api.validation;

import static io.wharf.api.validation.UnknownFieldsTest.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.patch.JsonMergePatch;
import io.wharf.api.patch.JsonPatch;
import org.junit.jupiter.api.Test;

class PatchedJsonTextTest {
    private static final String CURRENT = """
            {"kind": "Deployment", "apiVersion": "apps/v1", "metadata": {"name": "d", "labels": {"z": "1", "a": "2"}},
             "spec": {"replicas": 1, "selector": {"matchLabels": {"z": "1", "a": "2"}},
              "template": {"spec": {"containers": [{"name": "c", "image": "i"}]}}}}""";

    @Test
    void aMergePatchSortsWhatItReachedAndLeavesTheRestAsItWas() {
        JsonNode patch = tree("""
                {"spec": {"template": {"spec": {"containers": [{"name": "c", "image": "<i>", "unknownNested": 1}]}}, "zz": 2}}""");
        JsonNode patched = JsonMergePatch.apply(tree(CURRENT), patch);
        assertThat(PatchedJsonText.ofMergePatch(patched, patch)).isEqualTo(
                "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"d\",\"labels\":{\"z\":\"1\",\"a\":\"2\"}},"
                        + "\"spec\":{\"replicas\":1,\"selector\":{\"matchLabels\":{\"z\":\"1\",\"a\":\"2\"}},"
                        + "\"template\":{\"spec\":{\"containers\":[{\"image\":\"\\u003ci\\u003e\",\"name\":\"c\",\"unknownNested\":1}]}},"
                        + "\"zz\":2}}");
    }

    @Test
    void aJsonPatchSortsTheObjectsAlongItsPaths() {
        JsonNode ops = tree("""
                [{"op": "add", "path": "/spec/template/spec/containers/0/zz", "value": {"b": 1, "a": "x&y"}}]""");
        JsonNode patched = JsonPatch.apply(tree(CURRENT), ops);
        assertThat(PatchedJsonText.ofJsonPatch(patched, ops)).isEqualTo(
                "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"d\",\"labels\":{\"z\":\"1\",\"a\":\"2\"}},"
                        + "\"spec\":{\"replicas\":1,\"selector\":{\"matchLabels\":{\"z\":\"1\",\"a\":\"2\"}},"
                        + "\"template\":{\"spec\":{\"containers\":[{\"image\":\"i\",\"name\":\"c\",\"zz\":{\"b\":1,\"a\":\"x\\u0026y\"}}]}}}}");
    }

    @Test
    void stringsAreWrittenAsGosEncoderWritesThem() {
        StringBuilder out = new StringBuilder();
        PatchedJsonText.string(out, "q\"b\\n\n\t\u0001\u2028<>&é");
        assertThat(out.toString()).isEqualTo("\"q\\\"b\\\\n\\n\\t\\u0001\\u2028\\u003c\\u003e\\u0026é\"");
    }
}
