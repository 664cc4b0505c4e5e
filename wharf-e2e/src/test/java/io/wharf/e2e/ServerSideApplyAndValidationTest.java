package io.wharf.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Server-side apply with two managers and strict field validation, through the real kubectl. */
class ServerSideApplyAndValidationTest extends ServerTestBase {

    private static String configMap(String name, String data) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %s
                data: {%s}
                """.formatted(name, data);
    }

    private static String get(String ns, String what, String jsonpath) {
        return kubectl().run("get", what, "-n", ns, "-o", "jsonpath=" + jsonpath).ok().out();
    }

    @Test
    void twoManagersConflictUntilOneForcesAndAnApplierReleasesWhatItDrops() throws Exception {
        String ns = newNamespace("ssa");
        Path mine = file("ssa/mine.yaml", configMap("shared", "a: '1', b: '2'"));
        assertThat(kubectl().run("apply", "--server-side", "-n", ns, "-f", mine.toString()).ok().out())
                .contains("configmap/shared serverside-applied");
        assertThat(get(ns, "cm/shared", "{.metadata.managedFields[0].manager} {.metadata.managedFields[0].operation}"))
                .isEqualTo("kubectl Apply");

        Path theirs = file("ssa/theirs.yaml", configMap("shared", "a: 'changed', c: '3'"));
        Kubectl.Result conflict = kubectl().run("apply", "--server-side", "--field-manager=other", "-n", ns, "-f", theirs.toString());
        assertThat(conflict.exit()).isNotZero();
        assertThat(conflict.err()).contains("Apply failed with 1 conflict: conflict with \"kubectl\": .data.a")
                .contains("--force-conflicts");
        assertThat(get(ns, "cm/shared", "{.data.a}")).isEqualTo("1");

        kubectl().run("apply", "--server-side", "--field-manager=other", "--force-conflicts", "-n", ns, "-f", theirs.toString()).ok();
        assertThat(get(ns, "cm/shared", "{.data}")).isEqualTo("{\"a\":\"changed\",\"b\":\"2\",\"c\":\"3\"}");
        String owners = get(ns, "cm/shared", "{range .metadata.managedFields[*]}{.manager}={.fieldsV1}{\"\\n\"}{end}");
        assertThat(owners).contains("other={\"f:data\":{\"f:a\":{},\"f:c\":{}}}").contains("kubectl={\"f:data\":{\"f:b\":{}}}");

        // the first applier drops b: it owned it alone, so it goes; a now belongs to the other manager and stays
        Files.writeString(mine, configMap("shared", "x: '9'"));
        kubectl().run("apply", "--server-side", "-n", ns, "-f", mine.toString()).ok();
        assertThat(get(ns, "cm/shared", "{.data}")).isEqualTo("{\"a\":\"changed\",\"c\":\"3\",\"x\":\"9\"}");
    }

    @Test
    void serverSideApplyTakesOverFromClientSideApply() throws Exception {
        String ns = newNamespace("ssa-migrate");
        Path manifest = file("ssa/migrate.yaml", configMap("moved", "a: '1'"));
        kubectl().run("apply", "-n", ns, "-f", manifest.toString()).ok();
        kubectl().run("apply", "--server-side", "-n", ns, "-f", manifest.toString()).ok();
        Kubectl.Result diff = kubectl().run("diff", "--server-side", "-n", ns, "-f", manifest.toString());
        assertThat(diff.exit()).as(diff.err()).isZero();
        assertThat(get(ns, "cm/moved", "{.metadata.managedFields[*].manager}")).contains("kubectl");
    }

    @Test
    void createWithATypoIsRefusedUnderStrictValidationAndWarnedAboutOtherwise() throws Exception {
        String ns = newNamespace("strict");
        String pod = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: typo
                spec:
                  containers:
                  - name: app
                    image: nginx
                    imagePullPolicyy: Always
                """;
        Path manifest = file("strict/typo.yaml", pod);
        Kubectl.Result strict = kubectl().run("create", "--validate=strict", "-n", ns, "-f", manifest.toString());
        assertThat(strict.exit()).isNotZero();
        assertThat(strict.err()).contains("strict decoding error: unknown field \"spec.containers[0].imagePullPolicyy\"");
        assertThat(kubectl().run("get", "pod", "typo", "-n", ns).exit()).as("nothing was created").isNotZero();

        Kubectl.Result warned = kubectl().run("create", "--validate=warn", "-n", ns, "-f", manifest.toString());
        assertThat(warned.exit()).as(warned.err()).isZero();
        assertThat(warned.err()).contains("Warning: unknown field \"spec.containers[0].imagePullPolicyy\"");
        assertThat(kubectl().run("get", "pod", "typo", "-n", ns, "-o", "json").ok().out())
                .as("the unknown field is dropped").doesNotContain("imagePullPolicyy");
    }

    @Test
    void invalidObjectsAreRefusedWithTheFieldPathsUpstreamNames() throws Exception {
        String ns = newNamespace("invalid");
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: bad
                spec:
                  replicas: -1
                  selector:
                    matchLabels: {app: one}
                  template:
                    metadata:
                      labels: {app: two}
                    spec:
                      containers:
                      - name: Web_1
                        image: nginx
                        ports:
                        - containerPort: 70000
                """;
        Kubectl.Result r = kubectl().feed(deployment, "create", "-n", ns, "-f", "-");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("The Deployment \"bad\" is invalid:")
                .contains("spec.replicas: Invalid value: -1: must be greater than or equal to 0")
                .contains("spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"two\"}: `selector` does not match template `labels`")
                .contains("spec.template.spec.containers[0].name: Invalid value: \"Web_1\"")
                .contains("spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive");
    }
}
