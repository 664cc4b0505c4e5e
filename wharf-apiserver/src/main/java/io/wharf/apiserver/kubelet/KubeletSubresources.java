package io.wharf.apiserver.kubelet;

import io.netty.handler.codec.http.HttpMethod;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.http.ApiRequest;
import java.util.List;

/**
 * The subresources a kubelet answers through this server: {@code pods/log}, {@code pods/exec},
 * {@code pods/attach}, {@code pods/portforward} and {@code nodes/proxy}. Checks the method, finds
 * the kubelet request and hands it to the proxy.
 */
public final class KubeletSubresources {
    private static final List<HttpMethod> CONNECT_METHODS = List.of(HttpMethod.GET, HttpMethod.POST);
    private static final List<HttpMethod> PROXY_METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final PodConnections pods;
    private final KubeletLocator nodes;
    private final KubeletProxy proxy;

    public KubeletSubresources(PodConnections pods, KubeletLocator nodes, KubeletProxy proxy) {
        this.pods = pods;
        this.nodes = nodes;
        this.proxy = proxy;
    }

    /** Whether {@code resource/subresource} is served here. */
    public static boolean serves(String resource, String subresource) {
        return switch (resource) {
            case "pods" -> List.of("log", "exec", "attach", "portforward").contains(subresource);
            case "nodes" -> subresource.equals("proxy");
            default -> false;
        };
    }

    public void handle(ApiRequest req, String resource, String namespace, String name, String subresource) {
        HttpMethod m = req.method();
        switch (resource + "/" + subresource) {
            case "pods/log" -> {
                allow(m, List.of(HttpMethod.GET));
                KubeletTarget target = pods.log(req, namespace, name);
                if (target == null) {
                    KubeletProxy.noContent(req);
                } else {
                    proxy.forward(req, target, ProxyMode.LOG, name);
                }
            }
            case "pods/exec" -> {
                allow(m, CONNECT_METHODS);
                proxy.forward(req, pods.exec(req, namespace, name), ProxyMode.STREAM, name);
            }
            case "pods/attach" -> {
                allow(m, CONNECT_METHODS);
                proxy.forward(req, pods.attach(req, namespace, name), ProxyMode.STREAM, name);
            }
            case "pods/portforward" -> {
                allow(m, CONNECT_METHODS);
                proxy.forward(req, pods.portForward(req, namespace, name), ProxyMode.STREAM, name);
            }
            case "nodes/proxy" -> {
                allow(m, PROXY_METHODS);
                proxy.forward(req, nodeTarget(req, name), ProxyMode.PASS_THROUGH, null);
            }
            default -> throw ApiException.notFoundPath();
        }
    }

    /**
     * {@code nodes/<name>/proxy/<path>}: the path after {@code proxy} as the client wrote it
     * (escapes and a trailing slash kept) and the query unchanged, sent to the node's kubelet.
     * Upstream's {@code <name>:<port>} form reaches only the kubelet's own port here.
     */
    private KubeletTarget nodeTarget(ApiRequest req, String name) {
        String node = name;
        String port = null;
        String[] parts = name.split(":", -1);
        if (parts.length == 2) {
            node = parts[0];
            port = parts[1];
        } else if (parts.length == 3) {
            node = parts[1];
            port = parts[2];
            if (!parts[0].isEmpty() && !parts[0].equals("https")) {
                throw ApiException.badRequest("Wharf proxies to a node's kubelet over https only, not " + parts[0]);
            }
        } else if (parts.length > 3 || node.isEmpty()) {
            throw ApiException.badRequest("invalid node request \"" + name + "\"");
        }
        KubeletEndpoint kubelet = nodes.locate(node);
        if (port != null && !port.isEmpty() && !port.equals(Integer.toString(kubelet.port()))) {
            throw ApiException.badRequest("Wharf proxies only to a node's kubelet port (" + kubelet.port() + "), not " + port);
        }
        String uri = req.uri();
        int q = uri.indexOf('?');
        String rawPath = q < 0 ? uri : uri.substring(0, q);
        String marker = "/" + name + "/proxy";
        int at = rawPath.indexOf(marker);
        String rest = at < 0 ? "" : rawPath.substring(at + marker.length());
        if (rest.isEmpty()) {
            rest = "/";
        }
        return new KubeletTarget(kubelet, q < 0 ? rest : rest + uri.substring(q), true);
    }

    private static void allow(HttpMethod m, List<HttpMethod> allowed) {
        if (!allowed.contains(m)) {
            throw ApiException.methodNotAllowed();
        }
    }
}
