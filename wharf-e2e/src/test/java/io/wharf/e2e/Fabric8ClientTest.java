package io.wharf.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
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

/** The fabric8 kubernetes-client (with its default Vert.x HTTP client and WebSocket watches) against Wharf. */
class Fabric8ClientTest extends ServerTestBase {
    static KubernetesClient client;

    @BeforeAll
    static void connect() throws Exception {
        Config config = Config.fromKubeconfig(Files.readString(server.kubeconfig()));
        client = new KubernetesClientBuilder().withConfig(config).build();
    }

    @AfterAll
    static void disconnect() {
        if (client != null) {
            client.close();
        }
    }

    private static String namespace(String prefix) {
        String ns = prefix + "-" + System.nanoTime() % 100000;
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
        return ns;
    }

    private static ConfigMap cm(String name, Map<String, String> labels, String value) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withData(Map.of("key", value)).build();
    }

    @Test
    void createReadUpdateDelete() {
        String ns = namespace("f8-crud");
        ConfigMap created = client.configMaps().inNamespace(ns).resource(cm("one", Map.of("app", "x"), "v1")).create();
        assertThat(created.getMetadata().getUid()).isNotBlank();
        assertThat(created.getMetadata().getResourceVersion()).matches("\\d+");

        ConfigMap read = client.configMaps().inNamespace(ns).withName("one").get();
        assertThat(read.getData()).containsEntry("key", "v1");

        ConfigMap edited = client.configMaps().inNamespace(ns).withName("one").edit(c -> {
            c.getData().put("key", "v2");
            return c;
        });
        assertThat(edited.getData()).containsEntry("key", "v2");
        assertThat(Long.parseLong(edited.getMetadata().getResourceVersion()))
                .isGreaterThan(Long.parseLong(created.getMetadata().getResourceVersion()));

        ConfigMap stale = read;
        stale.getData().put("key", "stale");
        assertThatThrownBy(() -> client.configMaps().inNamespace(ns).resource(stale).update())
                .isInstanceOf(KubernetesClientException.class)
                .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(409));

        assertThat(client.configMaps().inNamespace(ns).withName("one").delete()).hasSize(1);
        assertThat(client.configMaps().inNamespace(ns).withName("one").get()).isNull();
    }

    @Test
    void workloadsAndScale() {
        String ns = namespace("f8-apps");
        Deployment d = new DeploymentBuilder().withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("main").withImage("nginx:1.25").endContainer().endSpec()
                .endTemplate().endSpec().build();
        client.apps().deployments().inNamespace(ns).resource(d).create();
        client.apps().deployments().inNamespace(ns).withName("web").scale(4);
        Deployment scaled = client.apps().deployments().inNamespace(ns).withName("web").get();
        assertThat(scaled.getSpec().getReplicas()).isEqualTo(4);
        assertThat(scaled.getMetadata().getGeneration()).isEqualTo(2L);
    }

    @Test
    void labelAndFieldSelectors() {
        String ns = namespace("f8-select");
        client.configMaps().inNamespace(ns).resource(cm("a", Map.of("tier", "front"), "1")).create();
        client.configMaps().inNamespace(ns).resource(cm("b", Map.of("tier", "back"), "2")).create();
        client.configMaps().inNamespace(ns).resource(cm("c", Map.of("tier", "front", "canary", "true"), "3")).create();
        assertThat(client.configMaps().inNamespace(ns).withLabel("tier", "front").list().getItems())
                .extracting(c -> c.getMetadata().getName()).containsExactly("a", "c");
        assertThat(client.configMaps().inNamespace(ns).withLabel("canary").list().getItems())
                .extracting(c -> c.getMetadata().getName()).containsExactly("c");
        assertThat(client.configMaps().inNamespace(ns).withoutLabel("tier", "front").list().getItems())
                .extracting(c -> c.getMetadata().getName()).containsExactly("b");
        assertThat(client.configMaps().inNamespace(ns).withField("metadata.name", "b").list().getItems())
                .extracting(c -> c.getMetadata().getName()).containsExactly("b");
        assertThat(client.configMaps().inAnyNamespace().withLabel("tier", "back").list().getItems())
                .extracting(c -> c.getMetadata().getNamespace()).contains(ns);
    }

    @Test
    void webSocketWatchDeliversEventsInOrder() throws Exception {
        String ns = namespace("f8-watch");
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch deleted = new CountDownLatch(1);
        try (Watch w = client.configMaps().inNamespace(ns).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {
                events.add(action + ":" + resource.getMetadata().getName() + ":" + resource.getData().get("key"));
                if (action == Action.DELETED) {
                    deleted.countDown();
                }
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        })) {
            client.configMaps().inNamespace(ns).resource(cm("w", Map.of(), "1")).create();
            client.configMaps().inNamespace(ns).withName("w").edit(c -> {
                c.getData().put("key", "2");
                return c;
            });
            client.configMaps().inNamespace(ns).withName("w").delete();
            assertThat(deleted.await(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(events).containsExactly("ADDED:w:1", "MODIFIED:w:2", "DELETED:w:2");
    }

    @Test
    void sharedInformerSyncsAndFollowsChanges() throws Exception {
        String ns = namespace("f8-informer");
        client.configMaps().inNamespace(ns).resource(cm("early", Map.of(), "e")).create();
        CountDownLatch sawLate = new CountDownLatch(1);
        CountDownLatch sawDelete = new CountDownLatch(1);
        SharedIndexInformer<ConfigMap> informer = client.configMaps().inNamespace(ns).inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(ConfigMap obj) {
                if (obj.getMetadata().getName().equals("late")) {
                    sawLate.countDown();
                }
            }

            @Override
            public void onUpdate(ConfigMap oldObj, ConfigMap newObj) {
            }

            @Override
            public void onDelete(ConfigMap obj, boolean deletedFinalStateUnknown) {
                sawDelete.countDown();
            }
        }, 0);
        try {
            informer.start().toCompletableFuture().get(20, TimeUnit.SECONDS);
            assertThat(informer.hasSynced()).isTrue();
            assertThat(informer.getStore().list()).extracting(c -> c.getMetadata().getName()).containsExactly("early");
            client.configMaps().inNamespace(ns).resource(cm("late", Map.of(), "l")).create();
            assertThat(sawLate.await(20, TimeUnit.SECONDS)).isTrue();
            client.configMaps().inNamespace(ns).withName("early").delete();
            assertThat(sawDelete.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(informer.getStore().list()).extracting(c -> c.getMetadata().getName()).containsExactly("late");
        } finally {
            informer.close();
        }
    }
}
