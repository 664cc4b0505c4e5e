package io.wharf.api.protobuf;

import static io.wharf.api.protobuf.ProtoTestSupport.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Media type recognition and the errors the API server turns into 400 and 415 answers. */
class KubernetesProtobufTest {

    private static byte[] framed(Runtime.Unknown unknown) {
        byte[] u = unknown.toByteArray();
        byte[] out = new byte[u.length + 4];
        out[0] = 'k';
        out[1] = '8';
        out[2] = 's';
        System.arraycopy(u, 0, out, 4, u.length);
        return out;
    }

    @Test
    void recognisesTheProtobufMediaTypeWithAnyParameters() {
        assertThat(KubernetesProtobuf.isProtobuf("application/vnd.kubernetes.protobuf")).isTrue();
        assertThat(KubernetesProtobuf.isProtobuf("Application/Vnd.Kubernetes.Protobuf")).isTrue();
        assertThat(KubernetesProtobuf.isProtobuf("application/vnd.kubernetes.protobuf;stream=watch")).isTrue();
        assertThat(KubernetesProtobuf.isProtobuf(" application/vnd.kubernetes.protobuf ; charset=utf-8")).isTrue();
        assertThat(KubernetesProtobuf.isProtobuf("application/json")).isFalse();
        assertThat(KubernetesProtobuf.isProtobuf("application/vnd.kubernetes.protobuf+json")).isFalse();
        assertThat(KubernetesProtobuf.isProtobuf("")).isFalse();
        assertThat(KubernetesProtobuf.isProtobuf(null)).isFalse();
    }

    @Test
    void bodiesWithoutTheMagicPrefixAreRejected() {
        assertThatThrownBy(() -> KubernetesProtobuf.decode(new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k8s\\0");
        assertThatThrownBy(() -> KubernetesProtobuf.decode("{\"kind\":\"Pod\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Kubernetes protobuf body");
    }

    @Test
    void malformedEnvelopesAreRejected() {
        assertThatThrownBy(() -> KubernetesProtobuf.decode(new byte[] {'k', '8', 's', 0, (byte) 0x0a, (byte) 0x7f, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed");
        assertThatThrownBy(() -> KubernetesProtobuf.decode(framed(Runtime.Unknown.newBuilder()
                .setRaw(ByteString.copyFromUtf8("x")).build())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apiVersion and kind");
        assertThatThrownBy(() -> KubernetesProtobuf.decode(framed(Runtime.Unknown.newBuilder()
                .setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion("v1").setKind("Pod"))
                .setContentEncoding("gzip").build())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gzip");
    }

    @Test
    void malformedObjectBytesAreRejected() {
        byte[] body = framed(Runtime.Unknown.newBuilder()
                .setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion("v1").setKind("Pod"))
                .setRaw(ByteString.copyFrom(new byte[] {0x0a, 0x10, 0x01})).build());

        assertThatThrownBy(() -> KubernetesProtobuf.decode(body))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed protobuf Pod");
    }

    @Test
    void kindsWithoutAMessageAreRejected() {
        byte[] widget = envelope("example.com/v1", "Widget", V1.Pod.getDefaultInstance());

        assertThatThrownBy(() -> KubernetesProtobuf.decode(widget))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no protobuf message for kind Widget in example.com/v1");
    }

    @Test
    void emptyQuantitiesReadAsZero() {
        byte[] body = envelope("v1", "ResourceQuota", V1.ResourceQuota.newBuilder()
                .setSpec(V1.ResourceQuotaSpec.newBuilder()
                        .putHard("pods", io.kubernetes.client.proto.Resource.Quantity.newBuilder().setString("").build())
                        .putHard("cpu", io.kubernetes.client.proto.Resource.Quantity.getDefaultInstance()))
                .build());

        assertThat(KubernetesProtobuf.decode(body).get("spec")).isEqualTo(ProtoTestSupport.json(
                "{'hard':{'pods':'0','cpu':'0'}}"));
    }

    @Test
    void embeddedJsonThatIsNotJsonIsRejected() {
        byte[] body = envelope("apps/v1", "ControllerRevision", io.kubernetes.client.proto.V1Apps.ControllerRevision
                .newBuilder().setData(Runtime.RawExtension.newBuilder().setRaw(ByteString.copyFromUtf8("{oops"))).build());

        assertThatThrownBy(() -> KubernetesProtobuf.decode(body))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("embedded JSON");
    }
}
