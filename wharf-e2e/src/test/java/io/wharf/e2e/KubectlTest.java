package io.wharf.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The everyday kubectl commands against a started Wharf server, with the kubectl on PATH (1.32). */
class KubectlTest extends ServerTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String configMap(String name, String ns, String labels) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %s
                  namespace: %s
                  labels: {%s}
                data:
                  key: value-%s
                """.formatted(name, ns, labels, name);
    }

    private static String deployment(String name, String ns, int replicas) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                  namespace: %s
                  labels: {app: %s}
                spec:
                  replicas: %d
                  selector:
                    matchLabels: {app: %s}
                  template:
                    metadata:
                      labels: {app: %s}
                    spec:
                      containers:
                      - name: main
                        image: nginx:1.25
                        ports:
                        - containerPort: 80
                """.formatted(name, ns, name, replicas, name, name);
    }

    @Test
    void versionReportsTheServersKubernetesVersion() throws Exception {
        String out = kubectl().run("version", "-o", "json").ok().out();
        JsonNode v = JSON.readTree(out);
        assertThat(v.path("serverVersion").path("gitVersion").asText()).startsWith("v1.32.");
        assertThat(v.path("serverVersion").path("major").asText()).isEqualTo("1");
        assertThat(v.path("serverVersion").path("minor").asText()).isEqualTo("32");
    }

    @Test
    void apiResourcesAndVersionsListTheBuiltInApis() {
        String resources = kubectl().run("api-resources").ok().out();
        assertThat(resources).containsPattern("(?m)^pods\\s+po\\s+v1\\s+true\\s+Pod$");
        assertThat(resources).containsPattern("(?m)^deployments\\s+deploy\\s+apps/v1\\s+true\\s+Deployment$");
        assertThat(resources).containsPattern("(?m)^namespaces\\s+ns\\s+v1\\s+false\\s+Namespace$");
        assertThat(resources).containsPattern("(?m)^customresourcedefinitions\\s+crd,crds\\s+apiextensions.k8s.io/v1\\s+false\\s+CustomResourceDefinition$");
        String wide = kubectl().run("api-resources", "-o", "wide", "--api-group=apps").ok().out();
        assertThat(wide).containsPattern("deployments\\s+deploy\\s+apps/v1\\s+true\\s+Deployment\\s+create,delete,deletecollection,get,list,patch,update,watch\\s+all");
        String versions = kubectl().run("api-versions").ok().out();
        assertThat(versions.lines()).contains("v1", "apps/v1", "batch/v1", "autoscaling/v1", "autoscaling/v2", "events.k8s.io/v1",
                "rbac.authorization.k8s.io/v1", "apiextensions.k8s.io/v1");
    }

    @Test
    void clusterInfoNamesTheControlPlane() {
        String out = kubectl().run("cluster-info").ok().out();
        assertThat(out).contains("Kubernetes control plane").contains(server.url());
    }

    @Test
    void systemNamespacesAndTheKubernetesServiceExist() {
        String ns = kubectl().run("get", "namespaces", "-o", "name").ok().out();
        assertThat(ns.lines()).contains("namespace/default", "namespace/kube-system", "namespace/kube-public", "namespace/kube-node-lease");
        String svc = kubectl().run("get", "service", "kubernetes", "-n", "default", "-o", "jsonpath={.spec.clusterIP} {.spec.ports[0].port}").ok().out();
        assertThat(svc).isEqualTo("10.96.0.1 443");
        String ep = kubectl().run("get", "endpoints", "kubernetes", "-n", "default", "-o", "jsonpath={.subsets[0].ports[0].name}").ok().out();
        assertThat(ep).isEqualTo("https");
    }

    @Test
    void createFromAFileADirectoryAndStdin() throws Exception {
        String ns = newNamespace("create");
        Path one = file("create/one.yaml", configMap("one", ns, "src: file"));
        file("create/dir/two.yaml", configMap("two", ns, "src: dir"));
        file("create/dir/three.yaml", configMap("three", ns, "src: dir"));
        assertThat(kubectl().run("create", "-f", one.toString()).ok().out()).contains("configmap/one created");
        String dir = kubectl().run("create", "-f", workDir.resolve("create/dir").toString()).ok().out();
        assertThat(dir).contains("configmap/two created").contains("configmap/three created");
        assertThat(kubectl().feed(configMap("four", ns, "src: stdin"), "create", "-f", "-").ok().out()).contains("configmap/four created");
        String names = kubectl().run("get", "cm", "-n", ns, "-o", "name", "-l", "src").ok().out();
        assertThat(names.lines()).containsExactlyInAnyOrder("configmap/one", "configmap/two", "configmap/three", "configmap/four");
        Kubectl.Result again = kubectl().run("create", "-f", one.toString());
        assertThat(again.exit()).isNotZero();
        assertThat(again.err()).contains("AlreadyExists").contains("configmaps \"one\" already exists");
    }

    @Test
    void createGeneratorsForCommonKinds() {
        String ns = newNamespace("gen");
        assertThat(kubectl().run("create", "configmap", "settings", "-n", ns, "--from-literal=a=1", "--from-literal=b=2").ok().out())
                .contains("configmap/settings created");
        assertThat(kubectl().run("create", "secret", "generic", "creds", "-n", ns, "--from-literal=password=s3cret").ok().out())
                .contains("secret/creds created");
        assertThat(kubectl().run("create", "deployment", "web", "-n", ns, "--image=nginx:1.25", "--replicas=2").ok().out())
                .contains("deployment.apps/web created");
        assertThat(kubectl().run("create", "service", "clusterip", "web", "-n", ns, "--tcp=80:8080").ok().out())
                .contains("service/web created");
        String secret = kubectl().run("get", "secret", "creds", "-n", ns, "-o", "jsonpath={.data.password}").ok().out();
        assertThat(new String(java.util.Base64.getDecoder().decode(secret), StandardCharsets.UTF_8)).isEqualTo("s3cret");
        String replicas = kubectl().run("get", "deploy", "web", "-n", ns, "-o", "jsonpath={.spec.replicas}").ok().out();
        assertThat(replicas).isEqualTo("2");
        String ip = kubectl().run("get", "svc", "web", "-n", ns, "-o", "jsonpath={.spec.clusterIP}").ok().out();
        assertThat(ip).startsWith("10.").isNotEqualTo("10.96.0.1");
    }

    @Test
    void getInEveryOutputFormat() throws Exception {
        String ns = newNamespace("output");
        kubectl().feed(configMap("b-map", ns, "tier: back, app: shop"), "create", "-f", "-").ok();
        kubectl().feed(configMap("a-map", ns, "tier: front, app: shop"), "create", "-f", "-").ok();
        kubectl().feed(deployment("shop", ns, 3), "create", "-f", "-").ok();

        String table = kubectl().run("get", "configmaps", "-n", ns).ok().out();
        assertThat(table.lines().findFirst().orElse("")).containsPattern("NAME\\s+DATA\\s+AGE");
        assertThat(table).containsPattern("a-map\\s+1\\s+\\d+s");

        String wide = kubectl().run("get", "deployments", "-n", ns, "-o", "wide").ok().out();
        assertThat(wide.lines().findFirst().orElse("")).containsPattern("NAME\\s+READY\\s+UP-TO-DATE\\s+AVAILABLE\\s+AGE\\s+CONTAINERS\\s+IMAGES\\s+SELECTOR");
        assertThat(wide).containsPattern("shop\\s+0/3\\s+0\\s+0\\s+\\d+s\\s+main\\s+nginx:1.25\\s+app=shop");

        JsonNode yaml = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(kubectl().run("get", "cm", "a-map", "-n", ns, "-o", "yaml").ok().out());
        assertThat(yaml.path("data").path("key").asText()).isEqualTo("value-a-map");
        assertThat(yaml.path("metadata").path("resourceVersion").asText()).matches("\\d+");
        assertThat(yaml.path("metadata").path("uid").asText()).hasSize(36);
        assertThat(yaml.path("metadata").path("creationTimestamp").asText()).endsWith("Z");

        JsonNode list = JSON.readTree(kubectl().run("get", "cm", "-n", ns, "-o", "json").ok().out());
        assertThat(list.path("items")).hasSize(2);

        assertThat(kubectl().run("get", "cm,deploy", "-n", ns, "-o", "name").ok().out().lines())
                .containsExactly("configmap/a-map", "configmap/b-map", "deployment.apps/shop");
        assertThat(kubectl().run("get", "cm", "-n", ns, "-o", "jsonpath={range .items[*]}{.metadata.name}={.metadata.labels.tier};{end}").ok().out())
                .isEqualTo("a-map=front;b-map=back;");
        String custom = kubectl().run("get", "cm", "-n", ns, "-o", "custom-columns=NAME:.metadata.name,TIER:.metadata.labels.tier").ok().out();
        assertThat(custom.lines()).containsExactly("NAME    TIER", "a-map   front", "b-map   back");
    }

    @Test
    void sortingAndSelecting() {
        String ns = newNamespace("select");
        for (String[] cm : new String[][]{{"zeta", "tier: front"}, {"alpha", "tier: back"}, {"mid", "tier: front, extra: \"yes\""}}) {
            kubectl().feed(configMap(cm[0], ns, cm[1]), "create", "-f", "-").ok();
        }
        String byName = kubectl().run("get", "cm", "-n", ns, "-l", "tier", "--sort-by=.metadata.name", "-o", "name").ok().out();
        assertThat(byName.lines()).containsExactly("configmap/alpha", "configmap/mid", "configmap/zeta");
        String byLabel = kubectl().run("get", "cm", "-n", ns, "--sort-by=.metadata.labels.tier", "-l", "tier", "-o", "custom-columns=N:.metadata.name").ok().out();
        assertThat(byLabel.lines().skip(1).findFirst()).contains("alpha");
        assertThat(kubectl().run("get", "cm", "-n", ns, "-l", "tier=front", "-o", "name").ok().out().lines())
                .containsExactlyInAnyOrder("configmap/zeta", "configmap/mid");
        assertThat(kubectl().run("get", "cm", "-n", ns, "-l", "tier in (back),!extra", "-o", "name").ok().out().lines())
                .containsExactly("configmap/alpha");
        assertThat(kubectl().run("get", "cm", "-n", ns, "-l", "tier!=front", "-o", "name").ok().out().lines())
                .contains("configmap/alpha").doesNotContain("configmap/zeta");
        assertThat(kubectl().run("get", "cm", "-n", ns, "--field-selector", "metadata.name=mid", "-o", "name").ok().out().lines())
                .containsExactly("configmap/mid");
        assertThat(kubectl().run("get", "ns", "--field-selector", "metadata.name=" + ns, "-o", "name").ok().out().lines())
                .containsExactly("namespace/" + ns);
        Kubectl.Result bad = kubectl().run("get", "cm", "-n", ns, "--field-selector", "spec.nope=1");
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.err()).contains("field label not supported: spec.nope");

        String all = kubectl().run("get", "cm", "-A", "-l", "tier=front").ok().out();
        assertThat(all.lines().findFirst().orElse("")).containsPattern("NAMESPACE\\s+NAME\\s+DATA\\s+AGE");
        assertThat(all).contains(ns);
        String labels = kubectl().run("get", "cm", "mid", "-n", ns, "--show-labels").ok().out();
        assertThat(labels).containsPattern("LABELS").contains("extra=yes,tier=front");
    }

    @Test
    void getAllShowsTheWorkloadsOfANamespace() {
        String ns = newNamespace("all");
        kubectl().feed(deployment("api", ns, 1), "create", "-f", "-").ok();
        kubectl().run("create", "service", "clusterip", "api", "-n", ns, "--tcp=80:80").ok();
        kubectl().feed(configMap("not-in-all", ns, "x: why"), "create", "-f", "-").ok();
        String all = kubectl().run("get", "all", "-n", ns).ok().out();
        assertThat(all).contains("deployment.apps/api").contains("service/api").doesNotContain("not-in-all");
    }

    @Test
    void watchPrintsChangesAsTheyHappen() throws Exception {
        String ns = newNamespace("watch");
        kubectl().feed(configMap("before", ns, "w: wx"), "create", "-f", "-").ok();
        Process watch = kubectl().start("get", "cm", "-n", ns, "-w", "--request-timeout=30s");
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(l);
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process was stopped
            }
        });
        reader.start();
        waitFor(lines, l -> l.startsWith("before"));
        kubectl().feed(configMap("during", ns, "w: wy"), "create", "-f", "-").ok();
        waitFor(lines, l -> l.startsWith("during"));
        kubectl().run("delete", "cm", "during", "-n", ns).ok();
        waitFor(lines, l -> l.startsWith("during") && lines.stream().filter(x -> x.startsWith("during")).count() >= 2);
        watch.destroy();
        watch.waitFor(10, TimeUnit.SECONDS);
        synchronized (lines) {
            assertThat(lines.get(0)).containsPattern("NAME\\s+DATA\\s+AGE");
            assertThat(lines.stream().filter(l -> l.matches("NAME\\s+DATA\\s+AGE"))).hasSize(1);
        }
    }

    private static void waitFor(List<String> lines, java.util.function.Predicate<String> p) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            synchronized (lines) {
                if (lines.stream().anyMatch(p)) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        synchronized (lines) {
            throw new AssertionError("watch output never matched; got " + lines);
        }
    }

    @Test
    void describeShowsDetailsAndEvents() {
        String ns = newNamespace("describe");
        kubectl().feed(deployment("shown", ns, 2), "create", "-f", "-").ok();
        String uid = kubectl().run("get", "deploy", "shown", "-n", ns, "-o", "jsonpath={.metadata.uid}").ok().out();
        kubectl().feed("""
                apiVersion: v1
                kind: Event
                metadata:
                  name: shown.1
                  namespace: %s
                involvedObject:
                  apiVersion: apps/v1
                  kind: Deployment
                  name: shown
                  namespace: %s
                  uid: %s
                reason: ScalingReplicaSet
                message: Scaled up replica set shown-abc to 2
                type: Normal
                source: {component: deployment-controller}
                count: 1
                firstTimestamp: "2024-01-01T00:00:00Z"
                lastTimestamp: "2024-01-01T00:00:00Z"
                """.formatted(ns, ns, uid), "create", "-f", "-").ok();
        String d = kubectl().run("describe", "deployment", "shown", "-n", ns).ok().out();
        assertThat(d).containsPattern("Name:\\s+shown").containsPattern("Replicas:\\s+2 desired")
                .containsPattern("Image:\\s+nginx:1.25")
                .contains("ScalingReplicaSet").contains("Scaled up replica set shown-abc to 2");
        String nsd = kubectl().run("describe", "namespace", ns).ok().out();
        assertThat(nsd).containsPattern("Status:\\s+Active");
        String cm = kubectl().run("describe", "service", "kubernetes", "-n", "default").ok().out();
        assertThat(cm).containsPattern("IP:\\s+10.96.0.1");
    }

    @Test
    void deleteByNameFileLabelAndAll() throws Exception {
        String ns = newNamespace("delete");
        Path f = file("delete/f.yaml", configMap("by-file", ns, "d: f"));
        kubectl().run("create", "-f", f.toString()).ok();
        for (String n : List.of("by-name", "labelled-1", "labelled-2", "rest")) {
            kubectl().feed(configMap(n, ns, n.startsWith("labelled") ? "group: x" : "d: named"), "create", "-f", "-").ok();
        }
        assertThat(kubectl().run("delete", "cm", "by-name", "-n", ns).ok().out()).contains("configmap \"by-name\" deleted");
        assertThat(kubectl().run("delete", "-f", f.toString()).ok().out()).contains("configmap \"by-file\" deleted");
        String byLabel = kubectl().run("delete", "cm", "-n", ns, "-l", "group=x").ok().out();
        assertThat(byLabel).contains("\"labelled-1\" deleted").contains("\"labelled-2\" deleted");
        assertThat(kubectl().run("get", "cm", "-n", ns, "-o", "name").ok().out().lines()).containsExactly("configmap/rest");
        kubectl().run("delete", "cm", "--all", "-n", ns).ok();
        assertThat(kubectl().run("get", "cm", "-n", ns).out() + kubectl().run("get", "cm", "-n", ns).err()).contains("No resources found");
        Kubectl.Result missing = kubectl().run("delete", "cm", "nothing", "-n", ns);
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("NotFound").contains("configmaps \"nothing\" not found");
    }

    @Test
    void deletingANamespaceRemovesEverythingInIt() {
        String ns = newNamespace("doomed");
        kubectl().feed(configMap("inside", ns, "a: b"), "create", "-f", "-").ok();
        kubectl().feed(deployment("inside", ns, 1), "create", "-f", "-").ok();
        kubectl().run("delete", "namespace", ns, "--timeout=60s").ok();
        Kubectl.Result gone = kubectl().run("get", "namespace", ns);
        assertThat(gone.exit()).isNotZero();
        assertThat(gone.err()).contains("not found");
        Kubectl.Result system = kubectl().run("delete", "namespace", "kube-system");
        assertThat(system.exit()).isNotZero();
        assertThat(system.err()).contains("Forbidden").contains("this namespace may not be deleted");
    }

    @Test
    void labelAndAnnotateAddOverwriteAndRemove() {
        String ns = newNamespace("label");
        kubectl().feed(configMap("target", ns, "keep: me"), "create", "-f", "-").ok();
        kubectl().run("label", "cm", "target", "-n", ns, "env=dev").ok();
        Kubectl.Result clash = kubectl().run("label", "cm", "target", "-n", ns, "env=prod");
        assertThat(clash.exit()).isNotZero();
        assertThat(clash.err()).contains("already has a value (dev)");
        kubectl().run("label", "cm", "target", "-n", ns, "env=prod", "--overwrite").ok();
        kubectl().run("label", "cm", "target", "-n", ns, "keep-").ok();
        kubectl().run("annotate", "cm", "target", "-n", ns, "note=first").ok();
        kubectl().run("annotate", "cm", "target", "-n", ns, "note=second", "--overwrite").ok();
        kubectl().run("annotate", "cm", "target", "-n", ns, "other=x").ok();
        kubectl().run("annotate", "cm", "target", "-n", ns, "other-").ok();
        String out = kubectl().run("get", "cm", "target", "-n", ns, "-o", "jsonpath={.metadata.labels} {.metadata.annotations}").ok().out();
        assertThat(out).isEqualTo("{\"env\":\"prod\"} {\"note\":\"second\"}");
    }

    @Test
    void editWithAScriptedEditor() throws Exception {
        String ns = newNamespace("edit");
        kubectl().feed(deployment("edited", ns, 1), "create", "-f", "-").ok();
        Path editor = file("edit/editor.sh", "#!/bin/sh\nsed -i -e 's/nginx:1.25/nginx:1.27/' -e 's/replicas: 1/replicas: 4/' \"$1\"\n");
        editor.toFile().setExecutable(true);
        kubectl().runWithEnv(null, List.of("EDITOR=" + editor, "KUBE_EDITOR=" + editor), "edit", "deployment", "edited", "-n", ns).ok();
        String out = kubectl().run("get", "deploy", "edited", "-n", ns,
                "-o", "jsonpath={.spec.template.spec.containers[0].image} {.spec.replicas} {.metadata.generation}").ok().out();
        assertThat(out).isEqualTo("nginx:1.27 4 2");
    }

    @Test
    void replaceSwapsTheWholeObject() {
        String ns = newNamespace("replace");
        kubectl().feed(configMap("swapped", ns, "v: one"), "create", "-f", "-").ok();
        String current = kubectl().run("get", "cm", "swapped", "-n", ns, "-o", "yaml").ok().out();
        kubectl().feed(current.replace("value-swapped", "changed"), "replace", "-f", "-").ok();
        assertThat(kubectl().run("get", "cm", "swapped", "-n", ns, "-o", "jsonpath={.data.key}").ok().out()).isEqualTo("changed");
        String stale = current.replace("value-swapped", "stale");
        Kubectl.Result conflict = kubectl().feed(stale, "replace", "-f", "-");
        assertThat(conflict.exit()).isNotZero();
        assertThat(conflict.err()).contains("Conflict").contains("the object has been modified");
    }

    @Test
    void scaleChangesReplicas() {
        String ns = newNamespace("scale");
        kubectl().feed(deployment("scaled", ns, 1), "create", "-f", "-").ok();
        assertThat(kubectl().run("scale", "deployment", "scaled", "-n", ns, "--replicas=3").ok().out()).contains("deployment.apps/scaled scaled");
        assertThat(kubectl().run("get", "deploy", "scaled", "-n", ns, "-o", "jsonpath={.spec.replicas}").ok().out()).isEqualTo("3");
        Kubectl.Result wrong = kubectl().run("scale", "deployment", "scaled", "-n", ns, "--replicas=5", "--current-replicas=1");
        assertThat(wrong.exit()).isNotZero();
        assertThat(kubectl().run("get", "deploy", "scaled", "-n", ns, "-o", "jsonpath={.spec.replicas}").ok().out()).isEqualTo("3");
    }

    @Test
    void waitForConditionJsonpathAndDelete() throws Exception {
        String ns = newNamespace("wait");
        kubectl().feed(deployment("waited", ns, 1), "create", "-f", "-").ok();
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            kubectl().run("patch", "deployment", "waited", "-n", ns, "--subresource=status", "--type=merge", "-p",
                    "{\"status\":{\"conditions\":[{\"type\":\"Available\",\"status\":\"True\",\"reason\":\"MinimumReplicasAvailable\"}]}}").ok();
        });
        later.start();
        assertThat(kubectl().run("wait", "--for=condition=Available", "deployment/waited", "-n", ns, "--timeout=30s").ok().out())
                .contains("condition met");
        later.join();
        assertThat(kubectl().run("wait", "--for=jsonpath={.spec.replicas}=1", "deployment/waited", "-n", ns, "--timeout=10s").ok().out())
                .contains("condition met");
        kubectl().feed(configMap("goes", ns, "a: b"), "create", "-f", "-").ok();
        Thread deleter = new Thread(() -> kubectl().run("delete", "cm", "goes", "-n", ns));
        deleter.start();
        kubectl().run("wait", "--for=delete", "configmap/goes", "-n", ns, "--timeout=30s").ok();
        deleter.join();
    }
}
