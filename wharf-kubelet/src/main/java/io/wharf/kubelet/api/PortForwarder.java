package io.wharf.kubelet.api;

import io.wharf.kubelet.runtime.PortConnection;
import java.util.concurrent.Executor;

/** The pod one port-forward request targets: opens connections into it and words their failures. */
final class PortForwarder {
    private final KubeletApiBackend backend;
    private final String namespace;
    private final String pod;
    private final String uid;
    private final Executor blocking;

    PortForwarder(KubeletApiBackend backend, String namespace, String pod, String uid, Executor blocking) {
        this.backend = backend;
        this.namespace = namespace;
        this.pod = pod;
        this.uid = uid;
        this.blocking = blocking;
    }

    /** Opens one TCP connection to {@code port} in the pod; blocking, so never on an event loop. */
    PortConnection open(int port) {
        return backend.portForward(namespace, pod, uid, port);
    }

    /** A serial executor for one forwarded connection's calls into the backend. */
    SerialExecutor newLane() {
        return new SerialExecutor(blocking);
    }

    /** The text the kubelet writes on a port's error stream when forwarding fails. */
    String errorMessage(int port, String cause) {
        return "error forwarding port " + port + " to pod " + pod + ", uid " + (uid == null ? "" : uid) + ": " + cause;
    }

    static String describe(RuntimeException e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
