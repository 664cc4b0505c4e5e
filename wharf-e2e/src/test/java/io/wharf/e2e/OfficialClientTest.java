package io.wharf.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import io.kubernetes.client.util.Watch;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official Kubernetes Java client (client-java, OkHttp and chunked HTTP watches) against Wharf. */
class OfficialClientTest extends ServerTestBase {
    static ApiClient client;
    static CoreV1Api core;

    @BeforeAll
    static void connect() throws Exception {
        KubeConfig config = KubeConfig.loadKubeConfig(new StringReader(Files.readString(server.kubeconfig())));
        client = ClientBuilder.kubeconfig(config).build();
        client.setReadTimeout(0);
        core = new CoreV1Api(client);
    }

    private static String namespace(String prefix) throws ApiException {
        String ns = prefix + "-" + System.nanoTime() % 100000;
        core.createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name(ns))).execute();
        return ns;
    }

    @Test
    void createReadUpdateDelete() throws Exception {
        String ns = namespace("cj-crud");
        V1ConfigMap created = core.createNamespacedConfigMap(ns, new V1ConfigMap()
                .metadata(new V1ObjectMeta().name("one").labels(Map.of("app", "x"))).data(Map.of("k", "v1"))).execute();
        assertThat(created.getMetadata().getUid()).isNotBlank();

        V1ConfigMap read = core.readNamespacedConfigMap("one", ns).execute();
        read.setData(Map.of("k", "v2"));
        V1ConfigMap replaced = core.replaceNamespacedConfigMap("one", ns, read).execute();
        assertThat(replaced.getData()).containsEntry("k", "v2");

        assertThatThrownBy(() -> core.replaceNamespacedConfigMap("one", ns, read).execute())
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).getCode()).isEqualTo(409));

        assertThat(core.listNamespacedConfigMap(ns).labelSelector("app=x").execute().getItems())
                .extracting(c -> c.getMetadata().getName()).containsExactly("one");

        core.deleteNamespacedConfigMap("one", ns).execute();
        assertThatThrownBy(() -> core.readNamespacedConfigMap("one", ns).execute())
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).getCode()).isEqualTo(404));
    }

    @Test
    void servicesGetClusterIpsAndDeleteReturnsTheObject() throws Exception {
        String ns = namespace("cj-svc");
        V1Service svc = core.createNamespacedService(ns, new V1Service().metadata(new V1ObjectMeta().name("web"))
                .spec(new V1ServiceSpec().selector(Map.of("app", "web")).ports(List.of(new V1ServicePort().port(80))))).execute();
        assertThat(svc.getSpec().getClusterIP()).startsWith("10.");
        V1Service deleted = core.deleteNamespacedService("web", ns).execute();
        assertThat(deleted.getMetadata().getName()).isEqualTo("web");
    }

    @Test
    void typedWorkloads() throws Exception {
        String ns = namespace("cj-apps");
        AppsV1Api apps = new AppsV1Api(client);
        V1Deployment d = new V1Deployment().metadata(new V1ObjectMeta().name("api"))
                .spec(new V1DeploymentSpec().replicas(2).selector(new V1LabelSelector().matchLabels(Map.of("app", "api")))
                        .template(new V1PodTemplateSpec().metadata(new V1ObjectMeta().labels(Map.of("app", "api")))
                                .spec(new V1PodSpec().containers(List.of(new V1Container().name("main").image("nginx:1.25"))))));
        V1Deployment created = apps.createNamespacedDeployment(ns, d).execute();
        assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);
        assertThat(apps.listNamespacedDeployment(ns).execute().getItems()).hasSize(1);
    }

    @Test
    void chunkedWatchStreamsEvents() throws Exception {
        String ns = namespace("cj-watch");
        String rv = core.listNamespacedConfigMap(ns).execute().getMetadata().getResourceVersion();
        List<String> seen = new ArrayList<>();
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(300);
                core.createNamespacedConfigMap(ns, new V1ConfigMap().metadata(new V1ObjectMeta().name("w")).data(Map.of("k", "1"))).execute();
                core.deleteNamespacedConfigMap("w", ns).execute();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (Watch<V1ConfigMap> watch = Watch.createWatch(client,
                core.listNamespacedConfigMap(ns).watch(true).resourceVersion(rv).timeoutSeconds(20).buildCall(null),
                new TypeToken<Watch.Response<V1ConfigMap>>() { }.getType())) {
            writer.start();
            for (Watch.Response<V1ConfigMap> e : watch) {
                seen.add(e.type + ":" + e.object.getMetadata().getName());
                if (e.type.equals("DELETED")) {
                    break;
                }
            }
        }
        writer.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(seen).containsExactly("ADDED:w", "DELETED:w");
    }
}
