package io.wharf.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The oldest and newest kubectl Wharf supports (1.27 and 1.33) doing the everyday things. */
class KubectlVersionsTest extends ServerTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"1.27", "1.33"})
    void everydayCommandsWork(String version) {
        Kubectl k = Kubectl.version(version, server.kubeconfig());
        assertThat(k.run("version").ok().out()).contains("Server Version").contains("v1.32.0+wharf");
        String ns = "v" + version.replace(".", "-");
        k.feed("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ns + "\n", "create", "-f", "-").ok();
        k.feed("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: %s, labels: {app: web}}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: main, image: "nginx:1.25"}]}
                """.formatted(ns), "create", "-f", "-").ok();
        assertThat(k.run("get", "deployments", "-n", ns).ok().out()).containsPattern("web\\s+0/1");
        assertThat(k.run("get", "deploy", "web", "-n", ns, "-o", "jsonpath={.metadata.name}").ok().out()).isEqualTo("web");
        assertThat(k.run("api-resources").ok().out()).contains("deployments");
        k.run("label", "deploy", "web", "-n", ns, "checked=yes").ok();
        k.run("scale", "deploy", "web", "-n", ns, "--replicas=2").ok();
        assertThat(k.run("get", "deploy", "web", "-n", ns, "-o", "jsonpath={.spec.replicas} {.metadata.labels.checked}").ok().out())
                .isEqualTo("2 yes");
        assertThat(k.run("describe", "deploy", "web", "-n", ns).ok().out()).contains("Replicas:");
        k.run("delete", "deploy", "web", "-n", ns).ok();
        k.run("delete", "namespace", ns, "--timeout=60s").ok();
    }
}
