package io.wharf.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The everyday declarative workflow through the real kubectl: apply, edit the file, apply, prune, diff, patch, replace, explain. */
class DeclarativeWorkflowTest extends ServerTestBase {

    static String deployment(String name, String labels, String env, int replicas) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %1$s
                  labels: {%2$s}
                spec:
                  replicas: %4$d
                  selector:
                    matchLabels: {app: %1$s}
                  template:
                    metadata:
                      labels: {app: %1$s}
                    spec:
                      containers:
                      - name: web
                        image: nginx:1.25
                        env: [%3$s]
                """.formatted(name, labels, env, replicas);
    }

    private static String get(String ns, String what, String jsonpath) {
        return kubectl().run("get", what, "-n", ns, "-o", "jsonpath=" + jsonpath).ok().out();
    }

    @Test
    void applyEditTheFileApplyRemovesWhatTheFileDroppedAndKeepsOthersChanges() throws Exception {
        String ns = newNamespace("apply");
        Path manifest = file("apply/web.yaml", deployment("web", "tier: front, team: a",
                "{name: A, value: '1'}, {name: B, value: '2'}", 1));
        kubectl().run("apply", "-n", ns, "-f", manifest.toString()).ok();
        assertThat(get(ns, "deploy/web", "{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}"))
                .contains("\"name\":\"web\"");
        // someone else changes fields the file never had
        kubectl().run("label", "deploy/web", "-n", ns, "owner=ops").ok();
        kubectl().run("set", "image", "deploy/web", "-n", ns, "web=nginx:1.27").ok();

        Files.writeString(manifest, deployment("web", "tier: back", "{name: A, value: '1'}", 3).replace("nginx:1.25", "nginx:1.27"));
        assertThat(kubectl().run("apply", "-n", ns, "-f", manifest.toString()).ok().out()).contains("deployment.apps/web configured");

        assertThat(get(ns, "deploy/web", "{.metadata.labels}")).isEqualTo("{\"owner\":\"ops\",\"tier\":\"back\"}");
        assertThat(get(ns, "deploy/web", "{.spec.template.spec.containers[0].env[*].name}")).isEqualTo("A");
        assertThat(get(ns, "deploy/web", "{.spec.replicas}")).isEqualTo("3");
        assertThat(get(ns, "deploy/web", "{.metadata.generation}")).isEqualTo("3");
        assertThat(kubectl().run("apply", "-n", ns, "-f", manifest.toString()).ok().out()).contains("deployment.apps/web unchanged");
    }

    @Test
    void applyPruneDeletesLabelledObjectsNoLongerInTheDirectory() throws Exception {
        String ns = newNamespace("prune");
        Path dir = workDir.resolve("prune-" + ns);
        Files.createDirectories(dir);
        for (String n : new String[] {"one", "two"}) {
            Files.writeString(dir.resolve(n + ".yaml"), """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: %s
                      labels: {set: pruned}
                    data: {k: v}
                    """.formatted(n));
        }
        kubectl().run("apply", "-n", ns, "--prune", "-l", "set=pruned", "-f", dir.toString()).ok();
        kubectl().run("create", "configmap", "bystander", "-n", ns).ok();
        Files.delete(dir.resolve("two.yaml"));
        String out = kubectl().run("apply", "-n", ns, "--prune", "-l", "set=pruned", "-f", dir.toString()).ok().out();
        assertThat(out).contains("configmap/one unchanged").contains("configmap/two pruned");
        assertThat(kubectl().run("get", "cm", "-n", ns, "-o", "name").ok().out().lines())
                .contains("configmap/one", "configmap/bystander").doesNotContain("configmap/two");
    }

    @Test
    void diffShowsWhatApplyWouldChangeWithoutChangingIt() throws Exception {
        String ns = newNamespace("diff");
        Path manifest = file("diff/web.yaml", deployment("web", "tier: front", "{name: A, value: '1'}", 1));
        kubectl().run("apply", "-n", ns, "-f", manifest.toString()).ok();
        Kubectl.Result same = kubectl().run("diff", "-n", ns, "-f", manifest.toString());
        assertThat(same.exit()).as(same.err()).isZero();
        assertThat(same.out()).isEmpty();

        Files.writeString(manifest, deployment("web", "tier: front", "{name: A, value: '2'}", 5));
        Kubectl.Result changed = kubectl().run("diff", "-n", ns, "-f", manifest.toString());
        assertThat(changed.exit()).as(changed.err()).isEqualTo(1);
        assertThat(changed.out()).contains("-  replicas: 1", "+  replicas: 5", "+          value: \"2\"");
        assertThat(get(ns, "deploy/web", "{.spec.replicas}")).as("diff changes nothing").isEqualTo("1");
    }

    @Test
    void patchInEachFormat() throws Exception {
        String ns = newNamespace("patch");
        kubectl().feed(deployment("web", "tier: front", "{name: A, value: '1'}", 1), "create", "-n", ns, "-f", "-").ok();
        // strategic: the container list merges by name, so the image changes and env stays
        kubectl().run("patch", "deploy/web", "-n", ns, "--type=strategic",
                "-p", "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:1.26\"}]}}}}").ok();
        assertThat(get(ns, "deploy/web", "{.spec.template.spec.containers[0].image} {.spec.template.spec.containers[0].env[0].name}"))
                .isEqualTo("nginx:1.26 A");
        // merge: a list is replaced as a whole
        kubectl().run("patch", "deploy/web", "-n", ns, "--type=merge",
                "-p", "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:1.27\"}]}}}}").ok();
        assertThat(get(ns, "deploy/web", "{.spec.template.spec.containers[0].image}|{.spec.template.spec.containers[0].env}"))
                .isEqualTo("nginx:1.27|");
        // json: operations with a test that guards them
        kubectl().run("patch", "deploy/web", "-n", ns, "--type=json",
                "-p", "[{\"op\":\"test\",\"path\":\"/spec/replicas\",\"value\":1},{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":2}]").ok();
        assertThat(get(ns, "deploy/web", "{.spec.replicas}")).isEqualTo("2");
        Kubectl.Result failedTest = kubectl().run("patch", "deploy/web", "-n", ns, "--type=json",
                "-p", "[{\"op\":\"test\",\"path\":\"/spec/replicas\",\"value\":9},{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":7}]");
        assertThat(failedTest.exit()).isNotZero();
        assertThat(get(ns, "deploy/web", "{.spec.replicas}")).isEqualTo("2");
    }

    @Test
    void replaceForceDeletesAndRecreates() throws Exception {
        String ns = newNamespace("force");
        Path manifest = file("force/cm.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: forced
                data: {k: one}
                """);
        kubectl().run("create", "-n", ns, "-f", manifest.toString()).ok();
        String uid = get(ns, "cm/forced", "{.metadata.uid}");
        Files.writeString(manifest, Files.readString(manifest).replace("one", "two"));
        String out = kubectl().run("replace", "--force", "-n", ns, "-f", manifest.toString()).ok().out();
        assertThat(out).contains("configmap \"forced\" deleted").contains("configmap/forced replaced");
        assertThat(get(ns, "cm/forced", "{.data.k}")).isEqualTo("two");
        assertThat(get(ns, "cm/forced", "{.metadata.uid}")).isNotEqualTo(uid);
    }

    @Test
    void explainDescribesKindsAndNestedFields() {
        String pod = kubectl().run("explain", "pods").ok().out();
        assertThat(pod).contains("KIND:       Pod", "VERSION:    v1", "spec\t<PodSpec>");
        String containers = kubectl().run("explain", "pods.spec.containers").ok().out();
        assertThat(containers).contains("FIELD: containers <[]Container>", "image\t<string>", "name\t<string> -required-");
        String recursive = kubectl().run("explain", "deployments.spec.strategy", "--recursive").ok().out();
        assertThat(recursive).contains("rollingUpdate\t<RollingUpdateDeployment>", "maxSurge\t<IntOrString>");
        String versioned = kubectl().run("explain", "hpa.spec", "--api-version=autoscaling/v1").ok().out();
        assertThat(versioned).contains("VERSION:    v1", "targetCPUUtilizationPercentage\t<integer>");
        String unknown = kubectl().run("explain", "pods.spec.nosuchfield").err();
        assertThat(unknown).contains("field \"nosuchfield\" does not exist");
    }
}
