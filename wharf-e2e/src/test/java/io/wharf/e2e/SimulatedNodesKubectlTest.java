package io.wharf.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** kubectl against a server running its local node and two simulated nodes. */
class SimulatedNodesKubectlTest {
    static WharfProcess server;
    static Path workDir;

    @BeforeAll
    static void start() throws Exception {
        workDir = Files.createTempDirectory("wharf-e2e-nodes");
        Path manifests = Files.createDirectories(workDir.resolve("manifests"));
        Files.writeString(manifests.resolve("static-web.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: static-web
                spec:
                  containers:
                  - name: app
                    image: nginx:1.27
                """);
        server = WharfProcess.start(workDir.resolve("data"), "--node-name", "wharf-local", "--simulated-nodes", "2",
                "--simulated-node-capacity", "cpu=4,memory=8Gi,pods=110", "--pod-manifest-path", manifests.toString());
        await(() -> kubectl().run("get", "nodes", "--no-headers").out(), out -> out.lines().filter(l -> l.contains(" Ready ")).count() == 3);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static Kubectl kubectl() {
        return Kubectl.onPath(server.kubeconfig());
    }

    static String await(java.util.function.Supplier<String> probe, Predicate<String> done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String last = null;
        while (System.nanoTime() < deadline) {
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("condition not reached; last output:\n" + last);
    }

    static void apply(String ns, String yaml) {
        kubectl().feed(yaml, "apply", "-n", ns, "-f", "-").ok();
    }

    static String ns(String name) {
        kubectl().run("create", "namespace", name).ok();
        return name;
    }

    @Test
    void getNodesWideShowsEveryNodeReadyWithItsAddressAndRuntime() {
        String out = kubectl().run("get", "nodes", "-o", "wide").ok().out();
        List<String> lines = out.lines().toList();
        assertThat(lines.get(0)).contains("NAME", "STATUS", "INTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME");
        assertThat(out).contains("wharf-local", "wharf-sim-0000", "wharf-sim-0001");
        String sim = lines.stream().filter(l -> l.startsWith("wharf-sim-0001")).findFirst().orElseThrow();
        assertThat(sim).contains(" Ready ", "v1.32.0", "127.1.0.2", "simulated://0.1.0");
    }

    @Test
    void aBoundPodRunsReadyAndDescribeNodeAccountsForIt() throws Exception {
        String ns = ns("nodes-running");
        apply(ns, """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  nodeName: wharf-sim-0000
                  containers:
                  - name: app
                    image: nginx:1.27
                    resources:
                      requests: {cpu: 250m, memory: 64Mi}
                """);
        kubectl().run("wait", "-n", ns, "--for=condition=Ready", "pod/web", "--timeout=60s").ok();
        String row = kubectl().run("get", "pod", "web", "-n", ns, "--no-headers").ok().out();
        assertThat(row).contains("1/1", "Running");
        String wide = kubectl().run("get", "pod", "web", "-n", ns, "-o", "wide", "--no-headers").ok().out();
        assertThat(wide).contains("wharf-sim-0000", "10.128.0.");
        String describe = kubectl().run("describe", "node", "wharf-sim-0000").ok().out();
        assertThat(describe).contains("KubeletReady", "kubelet is posting ready status", "Non-terminated Pods:", "web",
                "Allocated resources:", "Container Runtime Version:  simulated://0.1.0");
        assertThat(describe).containsPattern("cpu\\s+250m \\(6%\\)");
    }

    @Test
    void aCrashingContainerShowsCrashLoopBackOffWithGrowingRestarts() throws Exception {
        String ns = ns("nodes-crash");
        apply(ns, """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: crash
                  annotations:
                    sim.wharf.io/app.run-for: "0s"
                    sim.wharf.io/app.exit-code: "1"
                spec:
                  nodeName: wharf-sim-0001
                  containers:
                  - name: app
                    image: busybox:1.36
                """);
        String first = await(() -> kubectl().run("get", "pod", "crash", "-n", ns, "--no-headers").out(), o -> o.contains("CrashLoopBackOff"));
        assertThat(first).contains("0/1");
        List<Integer> restarts = new ArrayList<>();
        await(() -> kubectl().run("get", "pod", "crash", "-n", ns, "-o", "jsonpath={.status.containerStatuses[0].restartCount}").out(), o -> {
            restarts.add(Integer.parseInt(o.trim()));
            return restarts.get(restarts.size() - 1) >= 2;
        });
        assertThat(restarts).isSorted();
        assertThat(kubectl().run("get", "pod", "crash", "-n", ns, "--no-headers").ok().out()).containsPattern("\\s[2-9]\\d* \\(");
    }

    @Test
    void logsShowTheCurrentAttemptAndPreviousShowsTheOneBeforeTheScriptedRestart() throws Exception {
        String ns = ns("nodes-logs");
        apply(ns, """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: talker
                  annotations:
                    sim.wharf.io/app.run-for: "2500ms,forever"
                    sim.wharf.io/app.exit-code: "3,0"
                    sim.wharf.io/app.log-interval: "1s"
                spec:
                  nodeName: wharf-sim-0001
                  containers:
                  - name: app
                    image: busybox:1.36
                """);
        // the first attempt exits with 3, the crash-loop back-off waits 10 s, the second runs on
        await(() -> kubectl().run("get", "pod", "talker", "-n", ns, "--no-headers").out(), o -> o.contains("Running") && o.contains("1/1")
                && o.contains(" 1 ("));
        String previous = kubectl().run("logs", "talker", "-n", ns, "--previous").ok().out();
        assertThat(previous.lines().toList()).containsExactly("started app (attempt 0)", "app line 1", "app line 2",
                "app exiting with code 3");
        String current = await(() -> kubectl().run("logs", "talker", "-n", ns).ok().out(), o -> o.contains("app line 1"));
        assertThat(current).startsWith("started app (attempt 1)\napp line 1\n").doesNotContain("attempt 0", "exiting");
        // the same through the oldest and newest kubectl this project supports
        assertThat(Kubectl.version("1.27", server.kubeconfig()).run("logs", "talker", "-n", ns, "--previous", "--tail=1").ok().out())
                .isEqualTo("app exiting with code 3\n");
        assertThat(Kubectl.version("1.33", server.kubeconfig()).run("logs", "talker", "-n", ns, "-c", "app", "--timestamps").ok().out())
                .containsPattern("(?m)^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z started app \\(attempt 1\\)$");

        // the kubelet's stats see the running pod; a missing previous attempt is upstream's 400
        assertThat(kubectl().run("get", "--raw", "/api/v1/nodes/wharf-sim-0001/proxy/stats/summary").ok().out())
                .contains("\"nodeName\":\"wharf-sim-0001\"", "\"name\":\"talker\",\"namespace\":\"" + ns + "\"");
        apply(ns, """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: fresh
                spec:
                  nodeName: wharf-sim-0001
                  containers:
                  - name: app
                    image: busybox:1.36
                """);
        kubectl().run("wait", "-n", ns, "--for=condition=Ready", "pod/fresh", "--timeout=60s").ok();
        Kubectl.Result none = kubectl().run("logs", "fresh", "-n", ns, "--previous");
        assertThat(none.exit()).isNotZero();
        assertThat(none.err()).contains("Error from server (BadRequest): previous terminated container \"app\" in pod \"fresh\" not found");
    }

    @Test
    void logsFollowStreamsUntilTheContainerExits() throws Exception {
        String ns = ns("nodes-follow");
        apply(ns, """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: finite
                  annotations:
                    sim.wharf.io/app.run-for: "4500ms"
                    sim.wharf.io/app.log-interval: "1s"
                spec:
                  nodeName: wharf-sim-0000
                  restartPolicy: Never
                  containers:
                  - name: app
                    image: busybox:1.36
                """);
        await(() -> kubectl().run("get", "pod", "finite", "-n", ns, "-o", "jsonpath={.status.containerStatuses[0].state.running.startedAt}").out(),
                o -> !o.isBlank());
        long started = System.nanoTime();
        Kubectl.Result followed = kubectl().run("logs", "-f", "finite", "-n", ns);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(followed.exit()).as(followed.err()).isZero();
        assertThat(followed.out().lines().toList()).containsExactly("started app (attempt 0)", "app line 1", "app line 2", "app line 3",
                "app line 4", "app exiting with code 0");
        assertThat(tookMillis).as("kubectl waited for lines written after it attached").isGreaterThan(1000);
    }

    @Test
    void execAttachAndPortForwardReachTheKubeletWhichSaysItHasNoProcesses() throws Exception {
        String ns = ns("nodes-exec");
        apply(ns, """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: quiet
                spec:
                  nodeName: wharf-local
                  containers:
                  - name: app
                    image: busybox:1.36
                    ports: [{containerPort: 8080}]
                """);
        kubectl().run("wait", "-n", ns, "--for=condition=Ready", "pod/quiet", "--timeout=60s").ok();
        Kubectl.Result exec = kubectl().run("exec", "quiet", "-n", ns, "--", "ls", "/");
        assertThat(exec.exit()).isNotZero();
        assertThat(exec.err()).contains("the simulated runtime has no processes: cannot exec [ls /] in container app");
        Kubectl.Result oldExec = Kubectl.version("1.27", server.kubeconfig()).run("exec", "quiet", "-n", ns, "--", "true");
        assertThat(oldExec.exit()).isNotZero();
        assertThat(oldExec.err()).contains("the simulated runtime has no processes");
        Kubectl.Result attach = kubectl().run("attach", "quiet", "-n", ns);
        assertThat(attach.exit()).isNotZero();
        assertThat(attach.err()).contains("the simulated runtime has no processes");

        // port-forward listens locally; the first connection reaches the kubelet, which has nothing to connect it to
        Process forward = kubectl().start("port-forward", "-n", ns, "pod/quiet", ":8080");
        try {
            java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(forward.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).as("kubectl port-forward's first line").isNotNull().matches("Forwarding from 127\\.0\\.0\\.1:\\d+ -> 8080");
            int localPort = Integer.parseInt(line.replaceAll(".*:(\\d+) -> .*", "$1"));
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", localPort)) {
                s.setSoTimeout(30_000);
                s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                assertThat(s.getInputStream().read()).as("the forwarded connection ends without data").isEqualTo(-1);
            }
            assertThat(forward.waitFor(30, TimeUnit.SECONDS)).as("kubectl ends once the stream failed").isTrue();
            String err = new String(forward.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(err).contains("the simulated runtime has no processes: nothing listens on port 8080");
        } finally {
            forward.destroyForcibly();
        }
    }

    @Test
    void aFailingLivenessProbeRestartsTheContainer() throws Exception {
        String ns = ns("nodes-liveness");
        apply(ns, """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: unhealthy
                  annotations:
                    sim.wharf.io/app.liveness: "fail-after=2s"
                spec:
                  nodeName: wharf-sim-0000
                  containers:
                  - name: app
                    image: busybox:1.36
                    livenessProbe:
                      exec: {command: ["cat", "/tmp/healthy"]}
                      periodSeconds: 1
                      failureThreshold: 2
                """);
        await(() -> kubectl().run("get", "pod", "unhealthy", "-n", ns, "-o", "jsonpath={.status.containerStatuses[0].restartCount}").out(),
                o -> !o.isBlank() && Integer.parseInt(o.trim()) >= 1);
        String last = kubectl().run("get", "pod", "unhealthy", "-n", ns, "-o", "jsonpath={.status.containerStatuses[0].lastState.terminated.reason}")
                .ok().out();
        assertThat(last).isNotBlank();
    }

    @Test
    void gracefulDeleteWaitsForTheContainerThenThePodIsGone() throws Exception {
        String ns = ns("nodes-delete");
        apply(ns, """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: slow
                  annotations:
                    sim.wharf.io/app.term-delay: "3s"
                spec:
                  nodeName: wharf-local
                  terminationGracePeriodSeconds: 30
                  containers:
                  - name: app
                    image: busybox:1.36
                """);
        kubectl().run("wait", "-n", ns, "--for=condition=Ready", "pod/slow", "--timeout=60s").ok();
        kubectl().run("delete", "pod", "slow", "-n", ns, "--wait=false").ok();
        assertThat(kubectl().run("get", "pod", "slow", "-n", ns, "--no-headers").ok().out()).contains("Terminating");
        kubectl().run("wait", "-n", ns, "--for=delete", "pod/slow", "--timeout=60s").ok();
        assertThat(kubectl().run("get", "pod", "slow", "-n", ns).exit()).isNotZero();
    }

    @Test
    void aStaticPodShowsUpAsItsMirror() throws Exception {
        String row = await(() -> kubectl().run("get", "pod", "static-web-wharf-local", "-n", "default", "--no-headers").out(),
                o -> o.contains("1/1") && o.contains("Running"));
        assertThat(row).startsWith("static-web-wharf-local");
        assertThat(kubectl().run("get", "pod", "static-web-wharf-local", "-n", "default", "-o",
                "jsonpath={.metadata.annotations.kubernetes\\.io/config\\.source} {.metadata.ownerReferences[0].kind} {.spec.nodeName}").ok().out())
                .isEqualTo("file Node wharf-local");
        assertThat(kubectl().run("describe", "pod", "static-web-wharf-local", "-n", "default").ok().out())
                .contains("kubernetes.io/config.mirror", "Controlled By:  Node/wharf-local");
    }

    @Test
    void aKubeletOfItsOwnServesLogsWithACertificateFromTheClusterCaAndLeavesAStaleLeaseWhenItStops() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path certs = workDir.resolve("outside-pki");
        Process issue = new ProcessBuilder(java, "-jar", WharfProcess.jar().toString(), "certificate", "kubelet", "--data-dir",
                workDir.resolve("data").toString(), "--node-name", "outside", "--node-ip", "127.0.0.1", "--out-dir", certs.toString())
                .redirectErrorStream(true).start();
        String issued = new String(issue.getInputStream().readAllBytes());
        assertThat(issue.waitFor()).as(issued).isZero();
        // 127.0.0.1:10250 belongs to the server's own node: this kubelet listens on another port and advertises it
        List<String> cmd = List.of(java, "-Xss512k", "-jar",
                WharfProcess.jar().toString(), "kubelet", "--kubeconfig", server.kubeconfig().toString(), "--node-name", "outside",
                "--node-ip", "127.0.0.1", "--simulated", "--tls-cert-file", certs.resolve("kubelet.crt").toString(),
                "--tls-private-key-file", certs.resolve("kubelet.key").toString());
        Process kubelet = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(workDir.resolve("kubelet.log").toFile()).start();
        try {
            await(() -> kubectl().run("get", "node", "outside", "--no-headers").out(), o -> o.contains(" Ready "));
            assertThat(kubectl().run("get", "node", "outside", "-o", "jsonpath={.status.daemonEndpoints.kubeletEndpoint.Port}").ok().out())
                    .isNotEqualTo("10250");
            String ns = ns("nodes-outside");
            apply(ns, """
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: away
                    spec:
                      nodeName: outside
                      containers:
                      - name: app
                        image: busybox:1.36
                    """);
            kubectl().run("wait", "-n", ns, "--for=condition=Ready", "pod/away", "--timeout=60s").ok();
            assertThat(kubectl().run("logs", "away", "-n", ns).ok().out()).startsWith("started app (attempt 0)\n");
            String lease = "jsonpath={.spec.renewTime}";
            String first = await(() -> kubectl().run("get", "lease", "outside", "-n", "kube-node-lease", "-o", lease).out(), o -> !o.isBlank());
            await(() -> kubectl().run("get", "lease", "outside", "-n", "kube-node-lease", "-o", lease).out(), o -> !o.isBlank() && !o.equals(first));
        } finally {
            kubelet.destroyForcibly();
            kubelet.waitFor();
        }
        String stopped = kubectl().run("get", "lease", "outside", "-n", "kube-node-lease", "-o", "jsonpath={.spec.renewTime}").ok().out();
        Thread.sleep(15_000); // longer than the 10 s renewal interval
        assertThat(kubectl().run("get", "lease", "outside", "-n", "kube-node-lease", "-o", "jsonpath={.spec.renewTime}").ok().out())
                .as("nobody renews the lease of a stopped kubelet").isEqualTo(stopped);
        assertThat(kubectl().run("get", "node", "outside").exit()).as("the node stays until a node controller acts").isZero();
    }
}
