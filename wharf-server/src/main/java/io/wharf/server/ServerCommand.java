package io.wharf.server;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wharf server}: the control plane in one process, with its embedded store. */
@Command(name = "server", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the Wharf control plane: the API server on an embedded durable store.",
                "Writes an admin kubeconfig into the data directory and prints the export line for it."})
final class ServerCommand implements Callable<Integer> {
    @Option(names = "--data-dir", paramLabel = "DIR", description = "State directory (default: ~/.wharf, /var/lib/wharf for root).")
    Path dataDir;

    @Option(names = "--bind-address", paramLabel = "IP", defaultValue = "127.0.0.1",
            description = "Address the API server listens on (default: ${DEFAULT-VALUE}).")
    String bindAddress;

    @Option(names = "--https-port", paramLabel = "PORT", defaultValue = "6443", description = "HTTPS port (default: ${DEFAULT-VALUE}).")
    int httpsPort;

    @Option(names = "--advertise-address", paramLabel = "IP",
            description = "Address the cluster reaches this server at (default: the bind address, or 127.0.0.1).")
    String advertiseAddress;

    @Option(names = "--service-cidr", paramLabel = "CIDR", defaultValue = "10.96.0.0/12",
            description = "Range of Service cluster IPs (default: ${DEFAULT-VALUE}).")
    String serviceCidr;

    @Option(names = "--service-node-port-range", paramLabel = "RANGE", defaultValue = "30000-32767",
            description = "Range of NodePorts (default: ${DEFAULT-VALUE}).")
    String nodePortRange;

    @Option(names = "--tls-san", paramLabel = "NAME", split = ",",
            description = "Extra host names or IPs for the serving certificate (repeatable).")
    List<String> tlsSans = new ArrayList<>();

    @Option(names = "--token-auth-file", paramLabel = "FILE",
            description = "Static bearer tokens, one 'token,user,uid,\"group1,group2\"' line each.")
    Path tokenAuthFile;

    @Option(names = "--enable-admission-plugins", paramLabel = "NAMES", split = ",",
            description = "Admission plugins to enable besides the default ones (upstream names; the order does not matter).")
    List<String> enableAdmission = new ArrayList<>();

    @Option(names = "--disable-admission-plugins", paramLabel = "NAMES", split = ",",
            description = "Default admission plugins to disable (upstream names).")
    List<String> disableAdmission = new ArrayList<>();

    @Option(names = "--restore", paramLabel = "FILE",
            description = "Start from a snapshot taken with 'wharf snapshot save'. The data directory must not hold store data yet.")
    Path restore;

    /** Used by bin/wharf's class-data-sharing training run: start fully, then stop. */
    @Option(names = "--exit-when-ready", hidden = true)
    boolean exitWhenReady;

    @Option(names = {"-v", "--v"}, paramLabel = "N", defaultValue = "0",
            description = "Log verbosity: 0-1 info, 2-4 debug, 5+ trace (default: ${DEFAULT-VALUE}).")
    int verbosity;

    @Override
    public Integer call() throws Exception {
        Logging.configure(verbosity);
        Logger log = LoggerFactory.getLogger(ServerCommand.class);
        Path dir = dataDir != null ? dataDir : DataDir.defaultPath();
        if (restore != null) {
            try {
                var restored = WharfServer.restoreSnapshot(dir, restore);
                log.info("restored {} into {}: revision {}, {} keys", restore, WharfServer.embeddedStoreDir(dir), restored.revision(), restored.keys());
            } catch (Exception e) {
                log.error("cannot restore {}: {}", restore, e.getMessage());
                return 1;
            }
        }
        WharfServer.Config config = new WharfServer.Config(dir, InetAddress.getByName(bindAddress), httpsPort, advertiseAddress,
                serviceCidr, nodePortRange, tlsSans, tokenAuthFile, enableAdmission, disableAdmission, Duration.ofMinutes(5));
        WharfServer server = new WharfServer(config);
        try {
            server.startApiServer();
        } catch (Exception e) {
            log.error("cannot start: {}", e.getMessage(), e);
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("shutting down");
            server.close();
            stopped.countDown();
        }, "wharf-shutdown"));
        long sinceJvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        log.info("Wharf v1.32.0+wharf (commit {}) API server ready at {} ({} ms after start); kubeconfig: {}", BuildInfo.commit(),
                server.url(), sinceJvmStart, server.kubeconfig());
        System.out.println("export KUBECONFIG=" + server.kubeconfig());
        System.out.flush();
        try {
            server.startControllerManager();
        } catch (RuntimeException e) {
            log.error("cannot start the controller manager: {}", e.getMessage(), e);
            server.close();
            return 1;
        }
        if (exitWhenReady) {
            System.exit(0);
        }
        stopped.await();
        return 0;
    }
}
