package io.wharf.api.protobuf;

import static io.wharf.api.protobuf.ProtoTestSupport.epoch;
import static io.wharf.api.protobuf.ProtoTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Encoded bodies read back with client-java-proto's own generated classes. */
class EncodeTest {

    private static Runtime.Unknown unknown(byte[] body) throws Exception {
        assertThat(Arrays.copyOf(body, 4)).containsExactly('k', '8', 's', 0);
        return Runtime.Unknown.parseFrom(Arrays.copyOfRange(body, 4, body.length));
    }

    @Test
    void envelopeNamesTheKind() throws Exception {
        Runtime.Unknown u = unknown(KubernetesProtobuf.encode(json("{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'x'}}")));

        assertThat(u.getTypeMeta().getApiVersion()).isEqualTo("v1");
        assertThat(u.getTypeMeta().getKind()).isEqualTo("Namespace");
        assertThat(u.getContentEncoding()).isEmpty();
        assertThat(V1.Namespace.parseFrom(u.getRaw()).getMetadata().getName()).isEqualTo("x");
    }

    @Test
    void inlineFieldsAndIntOrStringGoWhereProtobufNestsThem() throws Exception {
        byte[] body = KubernetesProtobuf.encode(json("""
                {'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},
                 'spec':{'volumes':[{'name':'cfg','configMap':{'name':'app-config','defaultMode':420}}],
                   'containers':[{'name':'c','image':'i',
                     'livenessProbe':{'httpGet':{'port':'http'},'periodSeconds':5},
                     'readinessProbe':{'tcpSocket':{'port':8080}}}]}}
                """));
        V1.Pod pod = V1.Pod.parseFrom(unknown(body).getRaw());

        V1.ConfigMapVolumeSource cm = pod.getSpec().getVolumes(0).getVolumeSource().getConfigMap();
        assertThat(cm.getLocalObjectReference().getName()).isEqualTo("app-config");
        assertThat(cm.getDefaultMode()).isEqualTo(420);
        V1.Container c = pod.getSpec().getContainers(0);
        assertThat(c.getLivenessProbe().getHandler().getHttpGet().getPort().getType()).isEqualTo(1);
        assertThat(c.getLivenessProbe().getHandler().getHttpGet().getPort().getStrVal()).isEqualTo("http");
        assertThat(c.getLivenessProbe().getPeriodSeconds()).isEqualTo(5);
        assertThat(c.getReadinessProbe().getHandler().getTcpSocket().getPort().getType()).isZero();
        assertThat(c.getReadinessProbe().getHandler().getTcpSocket().getPort().getIntVal()).isEqualTo(8080);
    }

    @Test
    void timesKeepSecondsAndMicroTimesMicroseconds() throws Exception {
        byte[] body = KubernetesProtobuf.encode(json("""
                {'apiVersion':'v1','kind':'Event','metadata':{'name':'e','creationTimestamp':null},
                 'firstTimestamp':'2024-01-02T04:04:05.5+01:00',
                 'eventTime':'2024-01-02T03:04:05.1234567Z'}
                """));
        V1.Event event = V1.Event.parseFrom(unknown(body).getRaw());

        assertThat(event.getMetadata().hasCreationTimestamp()).isTrue();
        assertThat(event.getMetadata().getCreationTimestamp().getSerializedSize()).isZero();
        assertThat(event.getFirstTimestamp().getSeconds()).isEqualTo(epoch("2024-01-02T03:04:05Z"));
        assertThat(event.getFirstTimestamp().getNanos()).isZero();
        assertThat(event.getEventTime().getSeconds()).isEqualTo(epoch("2024-01-02T03:04:05Z"));
        assertThat(event.getEventTime().getNanos()).isEqualTo(123_456_000);
    }

    @Test
    void listsAndStatus() throws Exception {
        byte[] list = KubernetesProtobuf.encode(json("""
                {'apiVersion':'v1','kind':'PodList','metadata':{'resourceVersion':'5'},
                 'items':[{'apiVersion':'v1','kind':'Pod','metadata':{'name':'a'}},{'metadata':{'name':'b'}}]}
                """));
        V1.PodList pods = V1.PodList.parseFrom(unknown(list).getRaw());
        assertThat(pods.getMetadata().getResourceVersion()).isEqualTo("5");
        assertThat(pods.getItemsList()).extracting(p -> p.getMetadata().getName()).containsExactly("a", "b");

        byte[] status = KubernetesProtobuf.encode(json(
                "{'apiVersion':'v1','kind':'Status','status':'Failure','reason':'NotFound','code':404,"
                        + "'details':{'name':'x','kind':'pods'}}"));
        Runtime.Unknown u = unknown(status);
        assertThat(u.getTypeMeta().getKind()).isEqualTo("Status");
        Meta.Status s = Meta.Status.parseFrom(u.getRaw());
        assertThat(s.getCode()).isEqualTo(404);
        assertThat(s.getReason()).isEqualTo("NotFound");
        assertThat(s.getDetails().getName()).isEqualTo("x");
    }

    @Test
    void watchEventsEmbedTheObjectInItsEnvelope() throws Exception {
        var pod = json("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','resourceVersion':'9'}}");

        Meta.WatchEvent event = Meta.WatchEvent.parseFrom(KubernetesProtobuf.encodeWatchEvent("MODIFIED", pod));

        assertThat(event.getType()).isEqualTo("MODIFIED");
        assertThat(KubernetesProtobuf.decode(event.getObject().getRaw().toByteArray())).isEqualTo(pod);
    }

    @Test
    void fieldsUnknownToTheMessageAreDropped() {
        byte[] body = KubernetesProtobuf.encode(json(
                "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'x','bogus':1},'data':{'a':'b'},'extra':[true]}"));

        assertThat(KubernetesProtobuf.decode(body)).isEqualTo(json(
                "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'x'},'data':{'a':'b'}}"));
    }

    @Test
    void valuesOfTheWrongTypeAreRejectedWithTheirPath() {
        assertThatThrownBy(() -> KubernetesProtobuf.encode(json(
                "{'apiVersion':'apps/v1','kind':'Deployment','spec':{'replicas':'three'}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Deployment.spec.replicas")
                .hasMessageContaining("32-bit integer");
        assertThatThrownBy(() -> KubernetesProtobuf.encode(json(
                "{'apiVersion':'v1','kind':'Service','spec':{'ports':[{'port':80,'targetPort':1.5}]}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Service.spec.ports[0].targetPort");
        assertThatThrownBy(() -> KubernetesProtobuf.encode(json(
                "{'apiVersion':'v1','kind':'Secret','data':{'k':'not base64!'}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Secret.data.k");
        assertThatThrownBy(() -> KubernetesProtobuf.encode(json(
                "{'apiVersion':'v1','kind':'Pod','metadata':{'creationTimestamp':'yesterday'}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Pod.metadata.creationTimestamp");
    }

    @Test
    void objectsWithoutAKnownKindAreRejected() {
        assertThatThrownBy(() -> KubernetesProtobuf.encode(json("{'apiVersion':'v1','metadata':{}}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind");
        assertThatThrownBy(() -> KubernetesProtobuf.encode(json("{'apiVersion':'example.com/v1','kind':'Widget'}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no protobuf message for kind Widget in example.com/v1");
        assertThatThrownBy(() -> KubernetesProtobuf.encode(json("{'apiVersion':'apps/v1','kind':'ObjectMeta'}")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
