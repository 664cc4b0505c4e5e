package io.wharf.api.validation;

import static io.wharf.api.validation.UnknownFieldsTest.kind;
import static io.wharf.api.validation.UnknownFieldsTest.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class NullValuesTest {

    @Test
    void nullFieldsAreDroppedAsGoLeavesTheirFieldsUnset() {
        JsonNode pod = tree("""
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "labels": null, "namespace": null},
                 "spec": {"nodeName": null, "hostNetwork": null, "containers": [{"name": "c", "image": null,
                  "resources": null, "ports": null}]}, "status": null}""");
        NullValues.apply(pod, kind("", "v1", "Pod"));
        assertThat(pod.toString()).isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},"
                + "\"spec\":{\"containers\":[{\"name\":\"c\"}]}}");
    }

    @Test
    void nullElementsAndMapValuesBecomeTheZeroValueOfTheirType() {
        JsonNode pod = tree("""
                {"metadata": {"labels": {"a": null}, "finalizers": ["f", null]},
                 "spec": {"containers": [null, {"name": "c", "args": [null],
                   "resources": {"limits": {"cpu": null}}}],
                  "tolerations": [{"tolerationSeconds": 5}]}}""");
        NullValues.apply(pod, kind("", "v1", "Pod"));
        assertThat(pod.toString()).isEqualTo("{\"metadata\":{\"labels\":{\"a\":\"\"},\"finalizers\":[\"f\",\"\"]},"
                + "\"spec\":{\"containers\":[{},{\"name\":\"c\",\"args\":[\"\"],\"resources\":{\"limits\":{\"cpu\":\"0\"}}}],"
                + "\"tolerations\":[{\"tolerationSeconds\":5}]}}");
    }

    @Test
    void nullsWhoseZeroValueIsNullStayAndUnknownAndFreeFormFieldsAreLeftAlone() {
        JsonNode secret = tree("""
                {"metadata": {"name": "s", "unknown": null}, "data": {"k": null}}""");
        NullValues.apply(secret, kind("", "v1", "Secret"));
        // a nil []byte is written as null
        assertThat(secret.toString()).isEqualTo("{\"metadata\":{\"name\":\"s\",\"unknown\":null},\"data\":{\"k\":null}}");

        JsonNode revision = tree("{\"data\": {\"spec\": null, \"list\": [null]}, \"revision\": 1}");
        NullValues.apply(revision, kind("apps", "v1", "ControllerRevision"));
        assertThat(revision.toString()).isEqualTo("{\"data\":{\"spec\":null,\"list\":[null]},\"revision\":1}");
    }
}
