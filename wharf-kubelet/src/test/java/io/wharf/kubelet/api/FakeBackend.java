package io.wharf.kubelet.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.kubelet.runtime.ContainerLog;
import io.wharf.kubelet.runtime.PortConnection;
import io.wharf.kubelet.runtime.RuntimeUnsupportedException;
import io.wharf.kubelet.runtime.StreamOptions;
import io.wharf.kubelet.runtime.StreamSession;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A node with one pod, default/web (uid uid-1, containers app and init), whose exec sessions
 * echo, whose log is scripted by the test and whose ports echo.
 *
 * <p>Commands: {@code echo A B} prints "A B\n" and exits 0; {@code cat [code]} copies stdin to
 * stdout (and "err:"+stdin to stderr) and exits with code once stdin closes; {@code fail} ends
 * with an error; {@code unsupported} is refused by the runtime. Resizes print "resize WxH\n".
 * Port 9999 refuses connections; every other port echoes.
 */
final class FakeBackend implements KubeletApiBackend {
    static final String NS = "default";
    static final String POD = "web";
    static final String UID = "uid-1";
    static final String CONTAINER = "app";

    final FakeLog log = new FakeLog();
    volatile FakeLog previousLog;
    final List<EchoSession> sessions = new CopyOnWriteArrayList<>();
    final List<EchoConnection> connections = new CopyOnWriteArrayList<>();

    @Override
    public String nodeName() {
        return "node-1";
    }

    @Override
    public List<ObjectNode> pods() {
        ObjectNode pod = Json.NODES.objectNode();
        pod.putObject("metadata").put("name", POD).put("namespace", NS).put("uid", UID);
        ObjectNode spec = pod.putObject("spec");
        spec.putArray("containers").addObject().put("name", CONTAINER).put("image", "nginx");
        spec.putArray("initContainers").addObject().put("name", "init").put("image", "busybox");
        spec.put("nodeName", "node-1");
        pod.putObject("status").put("phase", "Running");
        return List.of(pod);
    }

    @Override
    public ContainerLog containerLog(String namespace, String pod, String podUid, String container, boolean previous) {
        if (previous) {
            FakeLog before = previousLog;
            if (before == null) {
                throw new NotFound("previous terminated container \"" + container + "\" in pod \"" + pod + "\" not found");
            }
            return before;
        }
        return log;
    }

    @Override
    public StreamSession exec(String namespace, String pod, String podUid, String container, List<String> command,
                              StreamOptions options) {
        if (!container.equals(CONTAINER)) {
            throw new NotFound("container not found (\"" + container + "\")");
        }
        if (command.equals(List.of("unsupported"))) {
            throw new RuntimeUnsupportedException("the simulated runtime runs no processes: exec is not supported");
        }
        EchoSession session = new EchoSession(command);
        sessions.add(session);
        return session;
    }

    @Override
    public StreamSession attach(String namespace, String pod, String podUid, String container, StreamOptions options) {
        return exec(namespace, pod, podUid, container, List.of("cat"), options);
    }

    @Override
    public PortConnection portForward(String namespace, String pod, String podUid, int port) {
        if (port == 9999) {
            throw new RuntimeException("dial tcp 127.0.0.1:9999: connect: connection refused");
        }
        EchoConnection connection = new EchoConnection(port);
        connections.add(connection);
        return connection;
    }

    @Override
    public ObjectNode statsSummary() {
        ObjectNode summary = Json.NODES.objectNode();
        ObjectNode node = summary.putObject("node");
        node.put("nodeName", "node-1");
        node.putObject("cpu").put("usageNanoCores", 5);
        node.putObject("memory").put("workingSetBytes", 7);
        node.putObject("fs").put("capacityBytes", 100);
        ObjectNode pod = summary.putArray("pods").addObject();
        pod.putObject("podRef").put("name", POD).put("namespace", NS).put("uid", UID);
        pod.putObject("cpu").put("usageNanoCores", 3);
        pod.putObject("memory").put("workingSetBytes", 4);
        pod.putArray("volume").addObject().put("name", "data");
        ObjectNode container = pod.putArray("containers").addObject();
        container.put("name", CONTAINER);
        container.putObject("cpu").put("usageNanoCores", 2);
        container.putObject("rootfs").put("usedBytes", 9);
        return summary;
    }

    /** A log the test writes to: append adds a record, stop ends every follower. */
    static final class FakeLog implements ContainerLog {
        private final List<Record> records = new ArrayList<>();
        private final List<Follower> followers = new ArrayList<>();
        private boolean stopped;

        private record Follower(Consumer<Record> sink, Runnable ended) {
        }

        synchronized FakeLog append(Instant time, Stream stream, String text) {
            Record record = new Record(time, stream, text.getBytes(StandardCharsets.UTF_8));
            records.add(record);
            for (Follower follower : List.copyOf(followers)) {
                follower.sink().accept(record);
            }
            return this;
        }

        synchronized void stop() {
            stopped = true;
            for (Follower follower : List.copyOf(followers)) {
                follower.ended().run();
            }
            followers.clear();
        }

        synchronized int followerCount() {
            return followers.size();
        }

        @Override
        public synchronized List<Record> records() {
            return List.copyOf(records);
        }

        @Override
        public synchronized AutoCloseable follow(int afterCount, Consumer<Record> sink, Runnable ended) {
            for (int i = afterCount; i < records.size(); i++) {
                sink.accept(records.get(i));
            }
            if (stopped) {
                ended.run();
                return () -> { };
            }
            Follower follower = new Follower(sink, ended);
            followers.add(follower);
            return () -> {
                synchronized (FakeLog.this) {
                    followers.remove(follower);
                }
            };
        }
    }

    static final class EchoSession implements StreamSession {
        final List<String> command;
        volatile boolean closed;
        private Consumer<byte[]> stdout;
        private Consumer<byte[]> stderr;
        private Consumer<Exit> exit;

        EchoSession(List<String> command) {
            this.command = command;
        }

        @Override
        public synchronized void start(Consumer<byte[]> stdout, Consumer<byte[]> stderr, Consumer<Exit> exit) {
            this.stdout = stdout;
            this.stderr = stderr;
            this.exit = exit;
            String program = command.isEmpty() ? "" : command.get(0);
            if (program.equals("echo")) {
                stdout.accept((String.join(" ", command.subList(1, command.size())) + "\n").getBytes(StandardCharsets.UTF_8));
                exit.accept(Exit.code(0));
            } else if (program.equals("fail")) {
                exit.accept(Exit.failed("boom"));
            }
        }

        @Override
        public synchronized void stdin(byte[] data) {
            stdout.accept(data);
            byte[] prefix = "err:".getBytes(StandardCharsets.UTF_8);
            byte[] err = new byte[prefix.length + data.length];
            System.arraycopy(prefix, 0, err, 0, prefix.length);
            System.arraycopy(data, 0, err, prefix.length, data.length);
            stderr.accept(err);
        }

        @Override
        public synchronized void closeStdin() {
            int code = command.size() > 1 ? Integer.parseInt(command.get(1)) : 0;
            exit.accept(Exit.code(code));
        }

        @Override
        public synchronized void resize(int width, int height) {
            stdout.accept(("resize " + width + "x" + height + "\n").getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    static final class EchoConnection implements PortConnection {
        final int port;
        volatile boolean closed;
        private Consumer<byte[]> fromPod;
        private Consumer<String> onClosed;

        EchoConnection(int port) {
            this.port = port;
        }

        @Override
        public synchronized void start(Consumer<byte[]> fromPod, Consumer<String> closed) {
            this.fromPod = fromPod;
            this.onClosed = closed;
        }

        @Override
        public synchronized void write(byte[] toPod) {
            String text = new String(toPod, StandardCharsets.UTF_8);
            if (text.equals("hang up")) {
                onClosed.accept("connection reset by peer");
                return;
            }
            fromPod.accept(("echo:" + text).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
