package io.wharf.kubelet.env;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.wharf.kubelet.runtime.ContainerConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A container's environment as the kubelet hands it to the runtime: the service link variables
 * first, then {@code envFrom}, then {@code env} in order (later entries win), with
 * {@code $(VAR)} references expanded against what came before, as upstream does.
 */
public final class EnvResolver {
    /** A reference that cannot be resolved; the container waits with reason CreateContainerConfigError. */
    public static final class ConfigError extends RuntimeException {
        public ConfigError(String message) {
            super(message);
        }
    }

    /** Where the resolver reads what the pod refers to. */
    public interface Sources {
        /** The services of a namespace (for the service link variables). */
        List<Service> services(String namespace);

        ConfigMap configMap(String namespace, String name);

        Secret secret(String namespace, String name);
    }

    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

    private final Sources sources;

    public EnvResolver(Sources sources) {
        this.sources = sources;
    }

    /**
     * @param hostIp      the node's address (status.hostIP)
     * @param podIp       the pod's address (status.podIP)
     * @param allocatable the node's allocatable resources, the default for resourceFieldRef limits
     */
    public List<ContainerConfig.EnvVar> resolve(Pod pod, Container container, String hostIp, String podIp,
                                                Map<String, Quantity> allocatable) {
        String ns = pod.getMetadata().getNamespace();
        Map<String, String> env = new LinkedHashMap<>();
        boolean links = pod.getSpec().getEnableServiceLinks() == null || pod.getSpec().getEnableServiceLinks();
        for (Service s : sources.services(ns)) {
            if (links || isMasterService(s)) {
                serviceVariables(s, env);
            }
        }
        if (!ns.equals("default")) {
            for (Service s : sources.services("default")) {
                if (isMasterService(s)) {
                    serviceVariables(s, env);
                }
            }
        }
        Map<String, String> own = new LinkedHashMap<>();
        for (EnvFromSource from : nonNull(container.getEnvFrom())) {
            String prefix = from.getPrefix() == null ? "" : from.getPrefix();
            Map<String, String> data = envFromData(ns, from);
            if (data == null) {
                continue;
            }
            data.forEach((k, v) -> {
                if (ENV_NAME.matcher(prefix + k).matches()) {
                    own.put(prefix + k, v);
                }
            });
        }
        for (EnvVar v : nonNull(container.getEnv())) {
            Map<String, String> visible = new LinkedHashMap<>(env);
            visible.putAll(own);
            String value = v.getValueFrom() == null ? expand(v.getValue() == null ? "" : v.getValue(), visible)
                    : valueFrom(pod, container, v.getName(), v.getValueFrom(), hostIp, podIp, allocatable);
            if (value != null) {
                own.put(v.getName(), value);
            }
        }
        env.putAll(own);
        List<ContainerConfig.EnvVar> out = new ArrayList<>(env.size());
        env.forEach((k, val) -> out.add(new ContainerConfig.EnvVar(k, val)));
        return out;
    }

    private static boolean isMasterService(Service s) {
        return s.getMetadata().getName().equals("kubernetes") && "default".equals(s.getMetadata().getNamespace());
    }

    private Map<String, String> envFromData(String ns, EnvFromSource from) {
        if (from.getConfigMapRef() != null) {
            String name = from.getConfigMapRef().getName();
            ConfigMap cm = sources.configMap(ns, name);
            if (cm == null) {
                if (Boolean.TRUE.equals(from.getConfigMapRef().getOptional())) {
                    return null;
                }
                throw new ConfigError("configmap \"" + name + "\" not found");
            }
            return cm.getData() == null ? Map.of() : cm.getData();
        }
        if (from.getSecretRef() != null) {
            String name = from.getSecretRef().getName();
            Secret s = sources.secret(ns, name);
            if (s == null) {
                if (Boolean.TRUE.equals(from.getSecretRef().getOptional())) {
                    return null;
                }
                throw new ConfigError("secret \"" + name + "\" not found");
            }
            Map<String, String> decoded = new LinkedHashMap<>();
            if (s.getData() != null) {
                s.getData().forEach((k, v) -> decoded.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
            }
            if (s.getStringData() != null) {
                decoded.putAll(s.getStringData());
            }
            return decoded;
        }
        return null;
    }

    private String valueFrom(Pod pod, Container c, String name, EnvVarSource src, String hostIp, String podIp,
                             Map<String, Quantity> allocatable) {
        String ns = pod.getMetadata().getNamespace();
        if (src.getFieldRef() != null) {
            return field(pod, src.getFieldRef().getFieldPath(), hostIp, podIp);
        }
        if (src.getResourceFieldRef() != null) {
            var ref = src.getResourceFieldRef();
            Container target = c;
            if (ref.getContainerName() != null && !ref.getContainerName().isEmpty()) {
                target = pod.getSpec().getContainers().stream().filter(x -> x.getName().equals(ref.getContainerName())).findFirst().orElse(c);
            }
            return resource(target, ref.getResource(), ref.getDivisor(), allocatable);
        }
        if (src.getConfigMapKeyRef() != null) {
            var ref = src.getConfigMapKeyRef();
            ConfigMap cm = sources.configMap(ns, ref.getName());
            String v = cm == null || cm.getData() == null ? null : cm.getData().get(ref.getKey());
            if (v == null) {
                if (Boolean.TRUE.equals(ref.getOptional())) {
                    return null;
                }
                throw new ConfigError(cm == null ? "configmap \"" + ref.getName() + "\" not found"
                        : "couldn't find key " + ref.getKey() + " in ConfigMap " + ns + "/" + ref.getName());
            }
            return v;
        }
        if (src.getSecretKeyRef() != null) {
            var ref = src.getSecretKeyRef();
            Secret s = sources.secret(ns, ref.getName());
            String v = null;
            if (s != null && s.getData() != null && s.getData().containsKey(ref.getKey())) {
                v = new String(Base64.getDecoder().decode(s.getData().get(ref.getKey())), StandardCharsets.UTF_8);
            } else if (s != null && s.getStringData() != null) {
                v = s.getStringData().get(ref.getKey());
            }
            if (v == null) {
                if (Boolean.TRUE.equals(ref.getOptional())) {
                    return null;
                }
                throw new ConfigError(s == null ? "secret \"" + ref.getName() + "\" not found"
                        : "couldn't find key " + ref.getKey() + " in Secret " + ns + "/" + ref.getName());
            }
            return v;
        }
        throw new ConfigError("environment variable " + name + " has an empty valueFrom");
    }

    static String field(Pod pod, String path, String hostIp, String podIp) {
        var m = pod.getMetadata();
        switch (path) {
            case "metadata.name": return m.getName();
            case "metadata.namespace": return m.getNamespace();
            case "metadata.uid": return m.getUid();
            case "spec.nodeName": return pod.getSpec().getNodeName();
            case "spec.serviceAccountName": return pod.getSpec().getServiceAccountName();
            case "status.hostIP": case "status.hostIPs": return hostIp;
            case "status.podIP": case "status.podIPs": return podIp;
            case "metadata.labels": return formatMap(m.getLabels());
            case "metadata.annotations": return formatMap(m.getAnnotations());
            default: break;
        }
        for (String prefix : List.of("metadata.labels['", "metadata.annotations['")) {
            if (path.startsWith(prefix) && path.endsWith("']")) {
                String key = path.substring(prefix.length(), path.length() - 2);
                Map<String, String> map = prefix.contains("labels") ? m.getLabels() : m.getAnnotations();
                return map == null ? "" : map.getOrDefault(key, "");
            }
        }
        throw new ConfigError("unsupported fieldPath: " + path);
    }

    /** The downward API's rendering of labels or annotations: sorted key="value" lines. */
    private static String formatMap(Map<String, String> map) {
        if (map == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        map.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(e.getKey()).append("=\"").append(e.getValue().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
        });
        return b.toString();
    }

    /** A limit that is not set reads as the node's allocatable; a request that is not set as its limit, else 0. */
    static String resource(Container c, String resource, Quantity divisor, Map<String, Quantity> allocatable) {
        String[] parts = resource.split("\\.", 2);
        if (parts.length != 2) {
            throw new ConfigError("unsupported container resource: " + resource);
        }
        Map<String, Quantity> limits = c.getResources() == null || c.getResources().getLimits() == null ? Map.of() : c.getResources().getLimits();
        Map<String, Quantity> requests = c.getResources() == null || c.getResources().getRequests() == null ? Map.of() : c.getResources().getRequests();
        Quantity q = switch (parts[0]) {
            case "limits" -> limits.getOrDefault(parts[1], allocatable.get(parts[1]));
            case "requests" -> requests.containsKey(parts[1]) ? requests.get(parts[1])
                    : limits.getOrDefault(parts[1], new Quantity("0"));
            default -> throw new ConfigError("unsupported container resource: " + resource);
        };
        if (q == null) {
            q = new Quantity("0");
        }
        BigDecimal value = q.getNumericalAmount();
        BigDecimal div = divisor == null || divisor.getAmount() == null ? BigDecimal.ONE : divisor.getNumericalAmount();
        if (div.signum() == 0) {
            div = BigDecimal.ONE;
        }
        // upstream rounds up, so a 250m CPU limit with the default divisor of 1 reads as 1
        return value.divide(div, 0, RoundingMode.CEILING).toPlainString();
    }

    /** Expands $(VAR) from {@code env}; $$ escapes; unknown references stay as written, as upstream does. */
    static String expand(String in, Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < in.length(); i++) {
            char ch = in.charAt(i);
            if (ch == '$' && i + 1 < in.length()) {
                char next = in.charAt(i + 1);
                if (next == '$') {
                    out.append('$');
                    i++;
                    continue;
                }
                if (next == '(') {
                    int close = in.indexOf(')', i + 2);
                    if (close > 0) {
                        String name = in.substring(i + 2, close);
                        if (env.containsKey(name)) {
                            out.append(env.get(name));
                        } else {
                            out.append(in, i, close + 1);
                        }
                        i = close;
                        continue;
                    }
                }
            }
            out.append(ch);
        }
        return out.toString();
    }

    /** The Docker-link style variables of one service: X_SERVICE_HOST, X_SERVICE_PORT(_NAME), X_PORT, X_PORT_P_PROTO(_PROTO|_PORT|_ADDR). */
    static void serviceVariables(Service s, Map<String, String> env) {
        String ip = s.getSpec().getClusterIP();
        if (ip == null || ip.isEmpty() || ip.equals("None")) {
            return;
        }
        String name = s.getMetadata().getName().toUpperCase(Locale.ROOT).replace('-', '_');
        List<ServicePort> ports = nonNull(s.getSpec().getPorts());
        env.put(name + "_SERVICE_HOST", ip);
        if (ports.isEmpty()) {
            return;
        }
        ServicePort first = ports.get(0);
        env.put(name + "_SERVICE_PORT", Integer.toString(first.getPort()));
        for (ServicePort p : ports) {
            if (p.getName() != null && !p.getName().isEmpty()) {
                env.put(name + "_SERVICE_PORT_" + p.getName().toUpperCase(Locale.ROOT).replace('-', '_'), Integer.toString(p.getPort()));
            }
        }
        String proto0 = first.getProtocol() == null ? "tcp" : first.getProtocol().toLowerCase(Locale.ROOT);
        env.put(name + "_PORT", proto0 + "://" + ip + ":" + first.getPort());
        for (ServicePort p : ports) {
            String proto = p.getProtocol() == null ? "TCP" : p.getProtocol().toUpperCase(Locale.ROOT);
            String base = name + "_PORT_" + p.getPort() + "_" + proto;
            env.put(base, proto.toLowerCase(Locale.ROOT) + "://" + ip + ":" + p.getPort());
            env.put(base + "_PROTO", proto.toLowerCase(Locale.ROOT));
            env.put(base + "_PORT", Integer.toString(p.getPort()));
            env.put(base + "_ADDR", ip);
        }
    }

    private static <T> List<T> nonNull(List<T> l) {
        return l == null ? List.of() : l;
    }

}
