package io.wharf.apiserver.kubelet;

/**
 * Where a node's kubelet serves its HTTPS API.
 *
 * @param host an IP address or host name from the Node's status
 * @param port the kubelet's port
 */
public record KubeletEndpoint(String host, int port) {
    /** {@code host:port}, with an IPv6 address in brackets, as in a URL. */
    public String authority() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
