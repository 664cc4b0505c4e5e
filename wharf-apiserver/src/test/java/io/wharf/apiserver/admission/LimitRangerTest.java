package io.wharf.apiserver.admission;

import static io.wharf.apiserver.admission.Requests.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.errors.ApiException;
import org.junit.jupiter.api.Test;

class LimitRangerTest {
    private final FakeClusterObjects objects = new FakeClusterObjects();
    private final LimitRanger plugin = new LimitRanger(objects);

    private void limitRange(String name, String limits) {
        objects.put("", "limitranges", yaml("metadata: {name: " + name + ", namespace: ns}\nspec:\n  limits:\n" + limits));
    }

    private ObjectNode admitted(ObjectNode pod) {
        AdmissionRequest r = Requests.create("", "pods", "ns", pod);
        plugin.admit(r);
        plugin.validate(r);
        return pod;
    }

    private ApiException refused(String resource, ObjectNode obj) {
        AdmissionRequest r = Requests.create("", resource, "ns", obj);
        plugin.admit(r);
        return catchThrowableOfType(() -> plugin.validate(r), ApiException.class);
    }

    @Test
    void containerDefaultsFillWhatContainersLeaveOutAndTheAnnotationSaysWhat() {
        limitRange("lr", """
                  - type: Container
                    default: {cpu: 500m, memory: 256Mi}
                    defaultRequest: {cpu: 250m}
                """);
        ObjectNode pod = admitted(yaml("""
                metadata: {name: p}
                spec:
                  initContainers: [{name: i, image: busybox}]
                  containers:
                  - {name: a, image: nginx}
                  - {name: b, image: nginx, resources: {requests: {cpu: 100m}, limits: {memory: 1Gi}}}
                """));
        assertThat(Json.string(pod.at("/spec/containers/0/resources")))
                .isEqualTo("{\"requests\":{\"cpu\":\"250m\"},\"limits\":{\"cpu\":\"500m\",\"memory\":\"256Mi\"}}");
        assertThat(Json.string(pod.at("/spec/containers/1/resources")))
                .isEqualTo("{\"requests\":{\"cpu\":\"100m\"},\"limits\":{\"memory\":\"1Gi\",\"cpu\":\"500m\"}}");
        assertThat(pod.at("/spec/initContainers/0/resources/requests/cpu").asText()).isEqualTo("250m");
        assertThat(pod.at("/metadata/annotations").path(LimitRanger.ANNOTATION).asText()).isEqualTo("LimitRanger plugin set: "
                + "cpu request for container a; cpu, memory limit for container a; cpu limit for container b; "
                + "cpu request for init container i; cpu, memory limit for init container i");
    }

    @Test
    void withoutLimitRangesOrDefaultsThePodIsUntouched() {
        ObjectNode pod = yaml("metadata: {name: p}\nspec: {containers: [{name: a, image: nginx}]}");
        ObjectNode before = pod.deepCopy();
        admitted(pod);
        assertThat(pod).isEqualTo(before);
        limitRange("bounds-only", "  - {type: Container, max: {cpu: '2'}}\n");
        ObjectNode limited = yaml("metadata: {name: p}\nspec: {containers: [{name: a, image: nginx, resources: {limits: {cpu: '1'}}}]}");
        ObjectNode bounded = limited.deepCopy();
        admitted(limited);
        assertThat(limited).isEqualTo(bounded);
    }

    @Test
    void containerBoundsAreCheckedWithUpstreamsMessages() {
        limitRange("lr", "  - {type: Container, min: {memory: 64Mi}, max: {cpu: '1'}}\n");
        ApiException e = refused("pods", yaml("""
                metadata: {name: p}
                spec: {containers: [{name: a, resources: {requests: {cpu: 100m, memory: 32Mi}, limits: {cpu: '2'}}}]}
                """));
        assertThat(e.code()).isEqualTo(403);
        assertThat(e.getMessage()).isEqualTo("pods \"p\" is forbidden: [minimum memory usage per Container is 64Mi, but request is 32Mi, "
                + "maximum cpu usage per Container is 1, but limit is 2]");

        ApiException noLimit = refused("pods", yaml("""
                metadata: {name: q}
                spec: {containers: [{name: a, resources: {requests: {memory: 64Mi}}}]}
                """));
        assertThat(noLimit.getMessage()).isEqualTo("pods \"q\" is forbidden: maximum cpu usage per Container is 1.  No limit is specified");
    }

    @Test
    void theLimitToRequestRatioIsBounded() {
        limitRange("lr", "  - {type: Container, maxLimitRequestRatio: {cpu: '2'}}\n");
        ApiException e = refused("pods", yaml("""
                metadata: {name: p}
                spec: {containers: [{name: a, resources: {requests: {cpu: 100m}, limits: {cpu: 300m}}}]}
                """));
        assertThat(e.getMessage()).isEqualTo("pods \"p\" is forbidden: cpu max limit to request ratio per Container is 2, "
                + "but provided ratio is 3.000000");
        assertThatCode(() -> admitted(yaml("""
                metadata: {name: ok}
                spec: {containers: [{name: a, resources: {requests: {cpu: 100m}, limits: {cpu: 200m}}}]}
                """))).doesNotThrowAnyException();
    }

    @Test
    void podBoundsApplyToTheSumOfContainersAndRunningSidecars() {
        limitRange("lr", "  - {type: Pod, max: {cpu: '1'}}\n");
        ApiException e = refused("pods", yaml("""
                metadata: {name: p}
                spec:
                  initContainers: [{name: side, restartPolicy: Always, resources: {limits: {cpu: 500m}}}]
                  containers: [{name: a, resources: {limits: {cpu: 600m}}}]
                """));
        assertThat(e.getMessage()).isEqualTo("pods \"p\" is forbidden: maximum cpu usage per Pod is 1, but limit is 1100m");
        // a plain init container runs alone, so only the larger phase counts
        assertThatCode(() -> admitted(yaml("""
                metadata: {name: ok}
                spec:
                  initContainers: [{name: setup, resources: {limits: {cpu: 900m}}}]
                  containers: [{name: a, resources: {limits: {cpu: 600m}}}]
                """))).doesNotThrowAnyException();
    }

    @Test
    void claimsAreBoundedOnTheirRequestedStorage() {
        limitRange("lr", "  - {type: PersistentVolumeClaim, min: {storage: 1Gi}, max: {storage: 10Gi}}\n");
        ApiException small = refused("persistentvolumeclaims", yaml("metadata: {name: c}\nspec: {resources: {requests: {storage: 500Mi}}}"));
        assertThat(small.getMessage()).isEqualTo("persistentvolumeclaims \"c\" is forbidden: "
                + "minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 500Mi");
        ApiException big = refused("persistentvolumeclaims", yaml("metadata: {name: c}\nspec: {resources: {requests: {storage: 20Gi}}}"));
        assertThat(big.getMessage()).isEqualTo("persistentvolumeclaims \"c\" is forbidden: "
                + "maximum storage usage per PersistentVolumeClaim is 10Gi, but request is 20Gi");
        ObjectNode resized = yaml("metadata: {name: c, resourceVersion: '5'}\nspec: {resources: {requests: {storage: 20Gi}}}");
        ObjectNode old = yaml("metadata: {name: c, resourceVersion: '5'}\nspec: {resources: {requests: {storage: 5Gi}}}");
        ApiException grown = catchThrowableOfType(() -> plugin.validate(Requests.update("", "persistentvolumeclaims", "ns", resized, old)),
                ApiException.class);
        assertThat(grown.code()).as("claim updates are bounded too").isEqualTo(403);
    }

    @Test
    void podUpdatesSubresourcesAndObjectsBeingDeletedAreLeftAlone() {
        limitRange("lr", "  - {type: Container, max: {cpu: '1'}, default: {cpu: 500m}}\n");
        ObjectNode pod = yaml("metadata: {name: p}\nspec: {containers: [{name: a, resources: {limits: {cpu: '4'}}}]}");
        AdmissionRequest update = Requests.update("", "pods", "ns", pod, pod.deepCopy());
        assertThatCode(() -> {
            plugin.admit(update);
            plugin.validate(update);
        }).doesNotThrowAnyException();
        AdmissionRequest status = Requests.subresourceUpdate("", "pods", "status", "ns", pod, pod.deepCopy());
        assertThatCode(() -> plugin.validate(status)).doesNotThrowAnyException();
        ObjectNode claim = yaml("metadata: {name: c}\nspec: {resources: {requests: {storage: 1Gi}}}");
        limitRange("claims", "  - {type: PersistentVolumeClaim, max: {storage: 100Mi}}\n");
        ObjectNode deleting = yaml("metadata: {name: c, deletionTimestamp: '2024-05-01T12:00:00Z'}\nspec: {}");
        assertThatCode(() -> plugin.validate(Requests.update("", "persistentvolumeclaims", "ns", claim, deleting)))
                .doesNotThrowAnyException();
    }
}
