package io.wharf.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A fabric8 informer whose watch is cut off while more changes happen than the server's watch
 * window holds: when it comes back, its watch gets 410 Expired, it relists, and its cache ends up
 * exactly the server's state. The server runs with a window of {@link #WINDOW} events so the gap
 * is made by a few dozen writes, and the informer reaches it through a relay the test can cut, so
 * the gap does not depend on timing.
 */
class InformerRelistTest {
    private static final int WINDOW = 30;

    static Path workDir;
    static WharfProcess server;
    static InterruptibleProxy relay;
    /** Straight to the server, for the test's own writes and checks. */
    static KubernetesClient direct;
    /** Through the relay, for the informer. */
    static KubernetesClient relayed;

    @BeforeAll
    static void start() throws Exception {
        workDir = Files.createTempDirectory("wharf-e2e-relist");
        server = WharfProcess.start(workDir.resolve("data"), "--watch-cache-capacity", String.valueOf(WINDOW));
        String kubeconfig = Files.readString(server.kubeconfig());
        direct = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig)).build();
        URI url = URI.create(server.url());
        relay = new InterruptibleProxy(url.getHost(), url.getPort());
        Config viaRelay = Config.fromKubeconfig(kubeconfig);
        viaRelay.setMasterUrl("https://" + url.getHost() + ":" + relay.port());
        viaRelay.setWatchReconnectInterval(100); // retries while cut off back off from 0.1 s, not 1 s
        relayed = new KubernetesClientBuilder().withConfig(viaRelay).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (relayed != null) {
            relayed.close();
        }
        if (direct != null) {
            direct.close();
        }
        if (relay != null) {
            relay.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static ConfigMap cm(String name, String value) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().withData(Map.of("k", value)).build();
    }

    private static void namespace(String name) {
        direct.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
    }

    @Test
    void anInformerCutOffPastTheWatchWindowRelistsToTheServersState() throws Exception {
        String ns = "relist";
        String other = "relist-filler";
        namespace(ns);
        namespace(other);
        for (int i = 0; i < 6; i++) {
            direct.configMaps().inNamespace(ns).resource(cm("before-" + i, "v1")).create();
        }
        Map<String, Boolean> deletions = new ConcurrentHashMap<>(); // name -> deletedFinalStateUnknown
        SharedIndexInformer<ConfigMap> informer = relayed.configMaps().inNamespace(ns).runnableInformer(0);
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(ConfigMap obj) {
            }

            @Override
            public void onUpdate(ConfigMap oldObj, ConfigMap newObj) {
            }

            @Override
            public void onDelete(ConfigMap obj, boolean deletedFinalStateUnknown) {
                deletions.put(obj.getMetadata().getName(), deletedFinalStateUnknown);
            }
        });
        try {
            informer.start().toCompletableFuture().get(60, TimeUnit.SECONDS);
            // a change seen through the watch: the informer is following live events before the cut
            direct.configMaps().inNamespace(ns).resource(cm("probe", "v1")).create();
            eventually(() -> informer.getStore().getByKey(ns + "/probe") != null);
            String lastSeen = informer.lastSyncResourceVersion();

            relay.interrupt();
            for (int i = 0; i < 3; i++) {
                direct.configMaps().inNamespace(ns).withName("before-" + i).delete();
            }
            direct.configMaps().inNamespace(ns).withName("before-3").edit(c -> {
                c.getData().put("k", "v2");
                return c;
            });
            for (int i = 0; i < 3; i++) {
                direct.configMaps().inNamespace(ns).resource(cm("during-" + i, "v1")).create();
            }
            for (int i = 0; i < WINDOW + 10; i++) {
                direct.configMaps().inNamespace(other).resource(cm("filler-" + i, "v1")).create();
            }
            assertThat(watchOutcome(ns, lastSeen)).as("a watch from the informer's last resourceVersion").isEqualTo(410);
            relay.restore();

            eventually(() -> contents(informer.getStore().list()).equals(serverState(ns)));
            assertThat(contents(informer.getStore().list()))
                    .containsKeys("before-3", "before-4", "before-5", "during-0", "during-1", "during-2", "probe")
                    .doesNotContainKeys("before-0", "before-1", "before-2");
            assertThat(deletions).as("deletions learnt from the relist, not from watch events")
                    .isEqualTo(Map.of("before-0", true, "before-1", true, "before-2", true));
        } finally {
            informer.close();
        }
    }

    /** Name to resourceVersion and data, which is what a cache that is equal to the server's state shows. */
    private static Map<String, String> contents(java.util.List<ConfigMap> items) {
        Map<String, String> m = new TreeMap<>();
        items.forEach(c -> m.put(c.getMetadata().getName(), c.getMetadata().getResourceVersion() + " " + c.getData()));
        return m;
    }

    private static Map<String, String> serverState(String ns) {
        return contents(direct.configMaps().inNamespace(ns).list().getItems());
    }

    /** The HTTP code a watch from {@code resourceVersion} ends with (0 when it ends without error). */
    private static int watchOutcome(String ns, String resourceVersion) throws Exception {
        CompletableFuture<Integer> outcome = new CompletableFuture<>();
        try (Watch w = direct.configMaps().inNamespace(ns).watch(new ListOptionsBuilder().withResourceVersion(resourceVersion).build(),
                new Watcher<ConfigMap>() {
                    @Override
                    public void eventReceived(Action action, ConfigMap resource) {
                        outcome.completeExceptionally(new AssertionError("an event instead of 410: " + action + " " + resource));
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                        outcome.complete(cause.isHttpGone() ? 410 : -1);
                    }

                    @Override
                    public void onClose() {
                        outcome.complete(0);
                    }
                })) {
            return outcome.get(60, TimeUnit.SECONDS);
        }
    }

    /** Polls until the condition holds; the bound only keeps a broken client or server from hanging the build. */
    private static void eventually(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("condition reached within 60 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
