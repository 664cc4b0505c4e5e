package io.wharf.apiserver.admission;

import static io.wharf.apiserver.admission.Requests.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class DefaultIngressClassTest {
    private final FakeClusterObjects objects = new FakeClusterObjects();
    private final DefaultIngressClass plugin = new DefaultIngressClass(objects);

    private void ingressClass(String name, String created, boolean isDefault) {
        objects.put("networking.k8s.io", "ingressclasses", yaml("metadata: {name: " + name + ", creationTimestamp: '" + created
                + "', annotations: {ingressclass.kubernetes.io/is-default-class: '" + isDefault + "'}}\nspec: {controller: x/y}"));
    }

    private ObjectNode admitted(String ingress) {
        ObjectNode ing = yaml(ingress);
        plugin.admit(Requests.create("networking.k8s.io", "ingresses", "ns", ing));
        return ing;
    }

    @Test
    void anIngressWithoutAClassGetsTheNewestDefault() {
        ingressClass("old", "2024-01-01T00:00:00Z", true);
        ingressClass("new", "2024-02-01T00:00:00Z", true);
        ingressClass("newer-but-not-default", "2024-03-01T00:00:00Z", false);
        assertThat(admitted("metadata: {name: i}\nspec: {}").at("/spec/ingressClassName").asText()).isEqualTo("new");
    }

    @Test
    void aNamedClassOrTheOldAnnotationIsKept() {
        ingressClass("new", "2024-02-01T00:00:00Z", true);
        assertThat(admitted("metadata: {name: i}\nspec: {ingressClassName: nginx}").at("/spec/ingressClassName").asText())
                .isEqualTo("nginx");
        assertThat(admitted("metadata: {name: i, annotations: {kubernetes.io/ingress.class: nginx}}\nspec: {}")
                .at("/spec").has("ingressClassName")).isFalse();
    }

    @Test
    void noDefaultNoChange() {
        ingressClass("plain", "2024-02-01T00:00:00Z", false);
        assertThat(admitted("metadata: {name: i}\nspec: {}").at("/spec").has("ingressClassName")).isFalse();
    }
}
