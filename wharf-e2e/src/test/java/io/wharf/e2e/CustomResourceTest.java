package io.wharf.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A user's own CRDs driven through kubectl and through fabric8's generic client. */
class CustomResourceTest extends ServerTestBase {
    static KubernetesClient client;

    @BeforeAll
    static void connect() throws Exception {
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(server.kubeconfig()))).build();
    }

    @AfterAll
    static void disconnect() {
        if (client != null) {
            client.close();
        }
    }

    /** A namespaced CRD with printer columns, a status and a scale subresource. */
    static String crd(String group) {
        return """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: widgets.%1$s
                spec:
                  group: %1$s
                  scope: Namespaced
                  names:
                    plural: widgets
                    singular: widget
                    kind: Widget
                    shortNames: [wdg]
                    categories: [all]
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    subresources:
                      status: {}
                      scale:
                        specReplicasPath: .spec.replicas
                        statusReplicasPath: .status.replicas
                    additionalPrinterColumns:
                    - name: Color
                      type: string
                      jsonPath: .spec.color
                    - name: Replicas
                      type: integer
                      jsonPath: .spec.replicas
                    - name: Ready
                      type: integer
                      jsonPath: .status.replicas
                      priority: 1
                    - name: Age
                      type: date
                      jsonPath: .metadata.creationTimestamp
                    schema:
                      openAPIV3Schema:
                        type: object
                        properties:
                          spec:
                            type: object
                            properties:
                              color: {type: string}
                              replicas: {type: integer}
                          status:
                            type: object
                            properties:
                              replicas: {type: integer}
                """.formatted(group);
    }

    static String widget(String group, String name, String color, int replicas) {
        return """
                apiVersion: %s/v1
                kind: Widget
                metadata:
                  name: %s
                spec:
                  color: %s
                  replicas: %d
                """.formatted(group, name, color, replicas);
    }

    @Test
    void kubectlServesTheNewKindWithItsColumnsNamesAndSubresources() throws Exception {
        String group = "kubectl.example.com";
        String ns = newNamespace("crd");
        kubectl().run("apply", "-f", file("crd/widgets.yaml", crd(group)).toString()).ok();
        kubectl().run("wait", "--for=condition=Established", "crd/widgets." + group, "--timeout=10s").ok();
        kubectl().run("apply", "-n", ns, "-f", file("crd/w1.yaml", widget(group, "w1", "red", 2)).toString()).ok();
        kubectl().run("apply", "-n", ns, "-f", file("crd/w2.yaml", widget(group, "w2", "blue", 3)).toString()).ok();

        assertThat(kubectl().run("api-resources", "--api-group=" + group).ok().out())
                .containsPattern("(?m)^widgets\\s+wdg\\s+" + group.replace(".", "\\.") + "/v1\\s+true\\s+Widget$");
        String table = kubectl().run("get", "widgets", "-n", ns).ok().out();
        assertThat(table.lines().toList().get(0)).matches("NAME\\s+COLOR\\s+REPLICAS\\s+AGE");
        assertThat(table).containsPattern("(?m)^w1\\s+red\\s+2\\s+\\d+s$");
        String wide = kubectl().run("get", "wdg", "-n", ns, "-o", "wide").ok().out();
        assertThat(wide.lines().toList().get(0)).matches("NAME\\s+COLOR\\s+REPLICAS\\s+READY\\s+AGE");
        assertThat(kubectl().run("get", "all", "-n", ns).ok().out()).contains("widget." + group + "/w1", "widget." + group + "/w2");

        kubectl().run("patch", "widget", "w1", "-n", ns, "--subresource=status", "--type=merge",
                "-p", "{\"status\":{\"replicas\":2}}").ok();
        assertThat(kubectl().run("get", "widget", "w1", "-n", ns, "-o", "jsonpath={.status.replicas}").ok().out()).isEqualTo("2");
        kubectl().run("scale", "widget", "w1", "-n", ns, "--replicas=4").ok();
        assertThat(kubectl().run("get", "widget", "w1", "-n", ns, "-o", "jsonpath={.spec.replicas}").ok().out()).isEqualTo("4");

        Kubectl.Result strategic = kubectl().run("patch", "widget", "w1", "-n", ns, "--type=strategic", "-p", "{\"spec\":{\"color\":\"x\"}}");
        assertThat(strategic.exit()).isNotZero();
        assertThat(strategic.err()).contains("the body of the request was in an unknown format");

        kubectl().run("delete", "crd", "widgets." + group).ok();
        assertThat(kubectl().run("get", "crd", "widgets." + group).exit()).isNotZero();
        assertThat(kubectl().run("api-resources", "--api-group=" + group).ok().out()).doesNotContain("widgets");
    }

    @Test
    void fabric8GenericClientCreatesUpdatesStatusAndWatches() throws Exception {
        String group = "fabric8.example.com";
        String ns = newNamespace("crd-f8");
        kubectl().run("apply", "-f", file("crd/f8.yaml", crd(group)).toString()).ok();
        kubectl().run("wait", "--for=condition=Established", "crd/widgets." + group, "--timeout=10s").ok();
        ResourceDefinitionContext widgets = new ResourceDefinitionContext.Builder()
                .withGroup(group).withVersion("v1").withPlural("widgets").withKind("Widget").withNamespaced(true).build();

        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch updated = new CountDownLatch(1);
        SharedIndexInformer<GenericKubernetesResource> informer = client.genericKubernetesResources(widgets).inNamespace(ns)
                .inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(GenericKubernetesResource obj) {
                        seen.add("add:" + obj.getMetadata().getName());
                    }

                    @Override
                    public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
                        if (newObj.get("status") != null) {
                            updated.countDown();
                        }
                    }

                    @Override
                    public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
                        seen.add("delete:" + obj.getMetadata().getName());
                    }
                });
        try {
            GenericKubernetesResource w = new GenericKubernetesResourceBuilder().withApiVersion(group + "/v1").withKind("Widget")
                    .withNewMetadata().withName("gen").withNamespace(ns).endMetadata()
                    .withAdditionalProperties(Map.of("spec", Map.of("color", "green", "replicas", 1))).build();
            GenericKubernetesResource created = client.genericKubernetesResources(widgets).inNamespace(ns).resource(w).create();
            assertThat(created.getMetadata().getUid()).isNotEmpty();
            assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);

            created.setAdditionalProperty("status", Map.of("replicas", 1));
            GenericKubernetesResource withStatus = client.genericKubernetesResources(widgets).inNamespace(ns).resource(created).updateStatus();
            assertThat(withStatus.<Integer>get("status", "replicas")).isEqualTo(1);
            assertThat(withStatus.getMetadata().getGeneration()).as("a status change is not a spec change").isEqualTo(1L);
            assertThat(updated.await(10, TimeUnit.SECONDS)).isTrue();

            List<GenericKubernetesResource> listed = client.genericKubernetesResources(widgets).inNamespace(ns).list().getItems();
            assertThat(listed).extracting(r -> r.getMetadata().getName()).containsExactly("gen");
            client.genericKubernetesResources(widgets).inNamespace(ns).withName("gen").delete();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!seen.contains("delete:gen") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(seen).containsExactly("add:gen", "delete:gen");
        } finally {
            informer.close();
        }
    }
}
