package io.wharf.apiserver.admission;

import static io.wharf.apiserver.admission.Requests.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.apiserver.errors.ApiException;
import org.junit.jupiter.api.Test;

class AlwaysPullImagesTest {
    private final AlwaysPullImages plugin = new AlwaysPullImages();

    @Test
    void everyContainerOfANewPodPullsAlways() {
        ObjectNode pod = yaml("""
                metadata: {name: p}
                spec:
                  initContainers: [{name: i, image: busybox, imagePullPolicy: IfNotPresent}]
                  containers: [{name: a, image: nginx, imagePullPolicy: Never}, {name: b, image: redis}]
                """);
        AdmissionRequest r = Requests.create("", "pods", "ns", pod);
        plugin.admit(r);
        assertThat(pod.at("/spec/initContainers/0/imagePullPolicy").asText()).isEqualTo("Always");
        assertThat(pod.at("/spec/containers/0/imagePullPolicy").asText()).isEqualTo("Always");
        assertThat(pod.at("/spec/containers/1/imagePullPolicy").asText()).isEqualTo("Always");
        assertThatCode(() -> plugin.validate(r)).doesNotThrowAnyException();
    }

    @Test
    void validationRefusesAContainerThatWouldNotPull() {
        ObjectNode pod = yaml("metadata: {name: p}\nspec: {containers: [{name: a, image: nginx, imagePullPolicy: IfNotPresent}]}");
        ApiException e = catchThrowableOfType(() -> plugin.validate(Requests.create("", "pods", "ns", pod)), ApiException.class);
        assertThat(e.getMessage()).isEqualTo("pods \"p\" is forbidden: spec.containers[0].imagePullPolicy: "
                + "Unsupported value: \"IfNotPresent\": supported values: \"Always\"");
    }

    @Test
    void updatesWithoutNewImagesAreLeftAlone() {
        ObjectNode old = yaml("metadata: {name: p}\nspec: {containers: [{name: a, image: nginx, imagePullPolicy: IfNotPresent}]}");
        ObjectNode same = old.deepCopy();
        plugin.admit(Requests.update("", "pods", "ns", same, old));
        assertThat(same.at("/spec/containers/0/imagePullPolicy").asText()).isEqualTo("IfNotPresent");
        ObjectNode newImage = yaml("metadata: {name: p}\nspec: {containers: [{name: a, image: nginx:2, imagePullPolicy: IfNotPresent}]}");
        plugin.admit(Requests.update("", "pods", "ns", newImage, old));
        assertThat(newImage.at("/spec/containers/0/imagePullPolicy").asText()).isEqualTo("Always");
    }
}
