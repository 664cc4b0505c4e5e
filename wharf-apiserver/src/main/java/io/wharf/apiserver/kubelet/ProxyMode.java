package io.wharf.apiserver.kubelet;

/** How a kubelet's answer reaches the client. */
public enum ProxyMode {
    /**
     * Logs: a 2xx body is streamed as {@code text/plain}; any other answer becomes a Status error
     * (upstream's LocationStreamer with its response checker).
     */
    LOG,
    /**
     * exec, attach, portforward: the request must be an upgrade; a 101 turns the connection into
     * a byte pipe, any other answer is passed on as it is.
     */
    STREAM,
    /** nodes/proxy: any request, any answer passed on as it is, upgrades included. */
    PASS_THROUGH
}
