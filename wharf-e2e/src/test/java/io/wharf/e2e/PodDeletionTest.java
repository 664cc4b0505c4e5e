package io.wharf.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Graceful pod deletion through kubectl: a pod on a node waits for its grace period unless forced. */
class PodDeletionTest extends ServerTestBase {

    private static String pod(String name, String nodeName) {
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %s
                spec:
                  %s
                  containers:
                  - name: app
                    image: nginx:1.27
                """.formatted(name, nodeName == null ? "" : "nodeName: " + nodeName);
    }

    @Test
    void aBoundPodIsMarkedForDeletionWithItsGracePeriodAndForceDeletesAtOnce() {
        String ns = newNamespace("graceful");
        kubectl().feed(pod("bound", "node-a"), "create", "-n", ns, "-f", "-").ok();
        kubectl().run("delete", "pod", "bound", "-n", ns, "--grace-period=45", "--wait=false").ok();
        String marked = kubectl().run("get", "pod", "bound", "-n", ns,
                "-o", "jsonpath={.metadata.deletionGracePeriodSeconds} {.spec.terminationGracePeriodSeconds}").ok().out();
        assertThat(marked).as("the request's grace period applies; the spec keeps its own").isEqualTo("45 30");
        assertThat(kubectl().run("get", "pod", "bound", "-n", ns, "-o", "jsonpath={.metadata.deletionTimestamp}").ok().out())
                .isNotEmpty();

        Kubectl.Result forced = kubectl().run("delete", "pod", "bound", "-n", ns, "--grace-period=0", "--force");
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(forced.err()).contains("Immediate deletion does not wait for confirmation that the running resource has been terminated");
        assertThat(kubectl().run("get", "pod", "bound", "-n", ns).exit()).isNotZero();
    }

    @Test
    void aPodOnNoNodeIsDeletedAtOnce() {
        String ns = newNamespace("unbound");
        kubectl().feed(pod("pending", null), "create", "-n", ns, "-f", "-").ok();
        assertThat(kubectl().run("delete", "pod", "pending", "-n", ns, "--wait=false").ok().out()).contains("pod \"pending\" deleted");
        assertThat(kubectl().run("get", "pod", "pending", "-n", ns).exit()).isNotZero();
    }
}
