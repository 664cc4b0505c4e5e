package io.wharf.kubelet;

import io.netty.handler.ssl.SslContext;
import io.wharf.kubelet.node.NodeIdentity;
import java.util.List;

/**
 * Where the kubelet API of a process's nodes gets its TLS: a server context whose certificate
 * names the nodes' addresses (the API server checks it against the address it dialled) and that
 * decides which client certificates it accepts.
 */
@FunctionalInterface
public interface KubeletApiTls {
    SslContext serverContext(List<NodeIdentity> nodes);
}
