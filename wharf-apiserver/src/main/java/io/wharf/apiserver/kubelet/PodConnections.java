package io.wharf.apiserver.kubelet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.http.ApiRequest;
import io.wharf.apiserver.registry.Meta;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Turns a request for a pod's log, exec, attach or portforward subresource into the kubelet
 * request that serves it, checking what upstream's pod storage checks on the way: the options,
 * that the pod exists, which container is meant, and that the pod is bound to a node.
 */
public final class PodConnections {
    /** Reads a Pod by namespace and name; throws the storage's 404 when there is none. */
    private final BiFunction<String, String, ObjectNode> pods;
    private final KubeletLocator kubelets;

    public PodConnections(BiFunction<String, String, ObjectNode> pods, KubeletLocator kubelets) {
        this.pods = pods;
        this.kubelets = kubelets;
    }

    /**
     * The kubelet request for {@code pods/<name>/log}, or null when the pod is not on a node yet
     * (upstream then answers with an empty body).
     */
    public KubeletTarget log(ApiRequest req, String namespace, String name) {
        PodLogOptions opts = PodLogOptions.of(req);
        opts.validate(name);
        ObjectNode pod = pods.apply(namespace, name);
        String container = PodContainers.choose(pod, opts.container());
        String node = nodeName(pod);
        if (node.isEmpty()) {
            return null;
        }
        String path = "/containerLogs/" + namespace + "/" + name + "/" + container;
        return new KubeletTarget(kubelets.locate(node), opts.kubeletQuery().appendTo(path), !opts.insecureSkipTlsVerifyBackend());
    }

    /** The kubelet request for {@code pods/<name>/exec}. */
    public KubeletTarget exec(ApiRequest req, String namespace, String name) {
        QueryParams q = streamFlags(req);
        List<String> command = req.params("command");
        if (command.isEmpty()) {
            throw ApiException.badRequest("you must specify at least 1 command");
        }
        command.forEach(c -> q.add("command", c));
        return containerStream("exec", req, namespace, name, q);
    }

    /** The kubelet request for {@code pods/<name>/attach}. */
    public KubeletTarget attach(ApiRequest req, String namespace, String name) {
        return containerStream("attach", req, namespace, name, streamFlags(req));
    }

    /** The kubelet request for {@code pods/<name>/portforward}; the kubelet checks the ports its protocol needs. */
    public KubeletTarget portForward(ApiRequest req, String namespace, String name) {
        List<String> ports = ports(req);
        ObjectNode pod = pods.apply(namespace, name);
        KubeletEndpoint kubelet = boundKubelet(pod);
        QueryParams q = new QueryParams();
        if (!ports.isEmpty()) {
            q.add("port", String.join(",", ports));
        }
        return new KubeletTarget(kubelet, q.appendTo("/portForward/" + namespace + "/" + name), true);
    }

    private KubeletTarget containerStream(String kind, ApiRequest req, String namespace, String name, QueryParams q) {
        ObjectNode pod = pods.apply(namespace, name);
        String container = PodContainers.choose(pod, req.param("container", ""));
        KubeletEndpoint kubelet = boundKubelet(pod);
        return new KubeletTarget(kubelet, q.appendTo("/" + kind + "/" + namespace + "/" + name + "/" + container), true);
    }

    /** stdin, stdout, stderr and tty as the kubelet reads them: present as "1" when set. */
    private static QueryParams streamFlags(ApiRequest req) {
        QueryParams q = new QueryParams();
        for (String flag : List.of("stdin", "stdout", "stderr", "tty")) {
            if (OptionValues.bool(req, flag)) {
                q.add(flag, "1");
            }
        }
        return q;
    }

    /** The {@code ports} values (repeated, or comma-separated) as upstream converts them to port numbers. */
    private static List<String> ports(ApiRequest req) {
        List<String> out = new ArrayList<>();
        for (String v : req.params("ports")) {
            for (String p : v.split(",", -1)) {
                int port;
                try {
                    port = Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    port = -1;
                }
                if (port < 0 || port > 65535 || !p.matches("[0-9]+")) {
                    String why = p.matches("[0-9]+") ? "value out of range" : "invalid syntax";
                    throw ApiException.badRequest("cannot convert to []int32: strconv.ParseUint: parsing \"" + p + "\": " + why);
                }
                out.add(Integer.toString(port));
            }
        }
        return out;
    }

    private KubeletEndpoint boundKubelet(ObjectNode pod) {
        String node = nodeName(pod);
        if (node.isEmpty()) {
            throw ApiException.badRequest("pod " + Meta.name(pod) + " does not have a host assigned");
        }
        return kubelets.locate(node);
    }

    private static String nodeName(ObjectNode pod) {
        return pod.path("spec").path("nodeName").asText("");
    }
}
