package io.wharf.kubelet.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.wharf.kubelet.runtime.ContainerConfig;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvResolverTest {
    private static Service service(String ns, String name, String ip, int port, String portName) {
        return new ServiceBuilder().withNewMetadata().withNamespace(ns).withName(name).endMetadata().withNewSpec().withClusterIP(ip)
                .addNewPort().withName(portName).withPort(port).withProtocol("TCP").endPort().endSpec().build();
    }

    private final EnvResolver resolver = new EnvResolver(new EnvResolver.Sources() {
        @Override
        public List<Service> services(String namespace) {
            return namespace.equals("default") ? List.of(service("default", "kubernetes", "10.96.0.1", 443, "https"))
                    : List.of(service(namespace, "redis-primary", "10.96.0.20", 6379, null));
        }

        @Override
        public ConfigMap configMap(String namespace, String name) {
            return name.equals("settings") ? new ConfigMapBuilder().addToData("LEVEL", "debug").addToData("bad key", "x").build() : null;
        }

        @Override
        public Secret secret(String namespace, String name) {
            return name.equals("creds") ? new SecretBuilder().addToData("password", Base64.getEncoder().encodeToString("s3cret".getBytes())).build() : null;
        }
    });

    private static Map<String, String> asMap(List<ContainerConfig.EnvVar> env) {
        Map<String, String> m = new LinkedHashMap<>();
        env.forEach(v -> m.put(v.name(), v.value()));
        return m;
    }

    private static PodBuilder pod() {
        return new PodBuilder().withNewMetadata().withName("web").withNamespace("shop").withUid("u-1").addToLabels("app", "web").endMetadata()
                .withNewSpec().withNodeName("node-1").withServiceAccountName("default").endSpec();
    }

    @Test
    void resolvesValuesFieldsResourcesReferencesAndServiceLinks() {
        Pod p = pod().editSpec().addNewContainer().withName("app").withImage("x")
                .withNewResources().addToLimits("memory", new Quantity("64Mi")).endResources()
                .addNewEnvFrom().withNewConfigMapRef().withName("settings").endConfigMapRef().withPrefix("CFG_").endEnvFrom()
                .addNewEnv().withName("GREETING").withValue("hello").endEnv()
                .addNewEnv().withName("MESSAGE").withValue("$(GREETING) from $(POD_NAME) $$(GREETING) $(UNKNOWN)").endEnv()
                .addNewEnv().withName("POD_NAME").withNewValueFrom().withNewFieldRef().withFieldPath("metadata.name").endFieldRef().endValueFrom().endEnv()
                .addNewEnv().withName("APP").withNewValueFrom().withNewFieldRef().withFieldPath("metadata.labels['app']").endFieldRef().endValueFrom().endEnv()
                .addNewEnv().withName("NODE").withNewValueFrom().withNewFieldRef().withFieldPath("spec.nodeName").endFieldRef().endValueFrom().endEnv()
                .addNewEnv().withName("HOST_IP").withNewValueFrom().withNewFieldRef().withFieldPath("status.hostIP").endFieldRef().endValueFrom().endEnv()
                .addNewEnv().withName("MEM_MI").withNewValueFrom().withNewResourceFieldRef().withResource("limits.memory")
                .withDivisor(new Quantity("1Mi")).endResourceFieldRef().endValueFrom().endEnv()
                .addNewEnv().withName("CPUS").withNewValueFrom().withNewResourceFieldRef().withResource("limits.cpu").endResourceFieldRef().endValueFrom().endEnv()
                .addNewEnv().withName("PASSWORD").withNewValueFrom().withNewSecretKeyRef().withName("creds").withKey("password").endSecretKeyRef().endValueFrom().endEnv()
                .endContainer().endSpec().build();
        Map<String, String> env = asMap(resolver.resolve(p, p.getSpec().getContainers().get(0), "192.168.1.5", "10.128.0.7",
                Map.of("cpu", new Quantity("4"), "memory", new Quantity("8Gi"))));
        assertThat(env).containsEntry("GREETING", "hello")
                .containsEntry("MESSAGE", "hello from $(POD_NAME) $(GREETING) $(UNKNOWN)") // POD_NAME is defined after MESSAGE
                .containsEntry("POD_NAME", "web").containsEntry("APP", "web").containsEntry("NODE", "node-1")
                .containsEntry("HOST_IP", "192.168.1.5").containsEntry("MEM_MI", "64").containsEntry("CPUS", "4")
                .containsEntry("PASSWORD", "s3cret").containsEntry("CFG_LEVEL", "debug").doesNotContainKey("CFG_bad key");
        assertThat(env).containsEntry("REDIS_PRIMARY_SERVICE_HOST", "10.96.0.20").containsEntry("REDIS_PRIMARY_SERVICE_PORT", "6379")
                .containsEntry("REDIS_PRIMARY_PORT", "tcp://10.96.0.20:6379").containsEntry("REDIS_PRIMARY_PORT_6379_TCP_ADDR", "10.96.0.20")
                .containsEntry("KUBERNETES_SERVICE_HOST", "10.96.0.1").containsEntry("KUBERNETES_SERVICE_PORT_HTTPS", "443");
    }

    @Test
    void withoutServiceLinksOnlyTheKubernetesServiceRemains() {
        Pod p = pod().editSpec().withEnableServiceLinks(false).addNewContainer().withName("app").withImage("x").endContainer().endSpec().build();
        Map<String, String> env = asMap(resolver.resolve(p, p.getSpec().getContainers().get(0), "h", "p", Map.of()));
        assertThat(env).containsKey("KUBERNETES_SERVICE_HOST").doesNotContainKey("REDIS_PRIMARY_SERVICE_HOST");
    }

    @Test
    void missingReferencesFailUnlessOptional() {
        Pod p = pod().editSpec().addNewContainer().withName("app").withImage("x")
                .addNewEnv().withName("A").withNewValueFrom().withNewConfigMapKeyRef().withName("absent").withKey("k").endConfigMapKeyRef().endValueFrom().endEnv()
                .endContainer().endSpec().build();
        assertThatThrownBy(() -> resolver.resolve(p, p.getSpec().getContainers().get(0), "h", "p", Map.of()))
                .isInstanceOf(EnvResolver.ConfigError.class).hasMessage("configmap \"absent\" not found");
        Pod optional = pod().editSpec().addNewContainer().withName("app").withImage("x")
                .addNewEnv().withName("A").withNewValueFrom().withNewConfigMapKeyRef().withName("absent").withKey("k").withOptional(true)
                .endConfigMapKeyRef().endValueFrom().endEnv().endContainer().endSpec().build();
        assertThat(asMap(resolver.resolve(optional, optional.getSpec().getContainers().get(0), "h", "p", Map.of()))).doesNotContainKey("A");
        Pod missingKey = pod().editSpec().addNewContainer().withName("app").withImage("x")
                .addNewEnv().withName("A").withNewValueFrom().withNewSecretKeyRef().withName("creds").withKey("user").endSecretKeyRef().endValueFrom().endEnv()
                .endContainer().endSpec().build();
        assertThatThrownBy(() -> resolver.resolve(missingKey, missingKey.getSpec().getContainers().get(0), "h", "p", Map.of()))
                .hasMessage("couldn't find key user in Secret shop/creds");
    }
}
