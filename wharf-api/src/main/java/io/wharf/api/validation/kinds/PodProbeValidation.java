package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.validation.NameValidation;
import java.util.List;

/**
 * Upstream's checks of probes and lifecycle hooks: exactly one handler, handler fields (commands,
 * HTTP paths, schemes and headers, ports by number or name, sleep durations) and probe timings.
 */
final class PodProbeValidation {
    private static final List<String> SCHEMES = List.of("HTTP", "HTTPS");
    private static final String MORE_THAN_ONE = "may not specify more than 1 handler type";

    private PodProbeValidation() {
    }

    static void liveness(Problems out, JsonNode probe, Long grace, FieldPath path) {
        if (probe == null) {
            return;
        }
        probe(out, probe, grace, path);
        successThresholdIsOne(out, probe, path);
    }

    static void readiness(Problems out, JsonNode probe, Long grace, FieldPath path) {
        if (probe == null) {
            return;
        }
        probe(out, probe, grace, path);
        if (Nodes.has(probe, "terminationGracePeriodSeconds")) {
            out.invalid(path.child("terminationGracePeriodSeconds"), Nodes.longValue(probe, "terminationGracePeriodSeconds"),
                    "must not be set for readinessProbes");
        }
    }

    static void startup(Problems out, JsonNode probe, Long grace, FieldPath path) {
        liveness(out, probe, grace, path);
    }

    private static void successThresholdIsOne(Problems out, JsonNode probe, FieldPath path) {
        long threshold = Nodes.longValue(probe, "successThreshold");
        if (threshold != 1) {
            out.invalid(path.child("successThreshold"), threshold, "must be 1");
        }
    }

    private static void probe(Problems out, JsonNode probe, Long grace, FieldPath path) {
        handler(out, probe, List.of("exec", "httpGet", "tcpSocket", "grpc"), grace, path);
        for (String f : List.of("initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold")) {
            FieldChecks.nonNegative(out, Nodes.longValue(probe, f), path.child(f));
        }
        Long probeGrace = Nodes.optionalLong(probe, "terminationGracePeriodSeconds");
        if (probeGrace != null && probeGrace <= 0) {
            out.invalid(path.child("terminationGracePeriodSeconds"), probeGrace, "must be greater than 0");
        }
    }

    static void lifecycle(Problems out, JsonNode lifecycle, Long grace, FieldPath path) {
        for (String hook : List.of("postStart", "preStop")) {
            JsonNode h = Nodes.get(lifecycle, hook);
            if (h != null) {
                handler(out, h, List.of("exec", "httpGet", "tcpSocket", "sleep"), grace, path.child(hook));
            }
        }
    }

    /** Exactly one of the handler kinds this use allows, in upstream's order. */
    private static void handler(Problems out, JsonNode h, List<String> kinds, Long grace, FieldPath path) {
        int count = 0;
        for (String kind : List.of("exec", "httpGet", "tcpSocket", "grpc", "sleep")) {
            JsonNode action = Nodes.get(h, kind);
            if (action == null || !kinds.contains(kind)) {
                continue;
            }
            if (count > 0) {
                out.forbidden(path.child(kind), MORE_THAN_ONE);
                continue;
            }
            count++;
            FieldPath p = path.child(kind);
            switch (kind) {
                case "exec" -> {
                    if (Nodes.items(action, "command").isEmpty()) {
                        out.required(p.child("command"), "");
                    }
                }
                case "httpGet" -> httpGet(out, action, p);
                case "tcpSocket" -> portNumOrName(out, Nodes.get(action, "port"), p.child("port"));
                case "grpc" -> out.invalidEach(p.child("port"), Nodes.longValue(action, "port"),
                        NameValidation.isValidPortNum(Nodes.longValue(action, "port")));
                default -> sleep(out, action, grace, p);
            }
        }
        if (count == 0) {
            out.required(path, "must specify a handler type");
        }
    }

    private static void httpGet(Problems out, JsonNode http, FieldPath path) {
        if (Nodes.text(http, "path").isEmpty()) {
            out.required(path.child("path"), "");
        }
        portNumOrName(out, Nodes.get(http, "port"), path.child("port"));
        String scheme = Nodes.text(http, "scheme");
        if (!SCHEMES.contains(scheme)) {
            out.notSupported(path.child("scheme"), scheme, SCHEMES);
        }
        for (JsonNode header : Nodes.items(http, "httpHeaders")) {
            String name = Nodes.text(header, "name");
            out.invalidEach(path.child("httpHeaders"), name, NameValidation.isHTTPHeaderName(name));
        }
    }

    /** An int-or-string port: a number in range, or an IANA service name. */
    static void portNumOrName(Problems out, JsonNode port, FieldPath path) {
        if (port != null && port.isTextual()) {
            out.invalidEach(path, port.textValue(), NameValidation.isValidPortName(port.textValue()));
        } else {
            long n = port == null ? 0 : port.asLong();
            out.invalidEach(path, n, NameValidation.isValidPortNum(n));
        }
    }

    /** A sleep hook must end within the pod's grace period (zero needs a gate that is off in v1.32). */
    private static void sleep(Problems out, JsonNode sleep, Long grace, FieldPath path) {
        long seconds = Nodes.longValue(sleep, "seconds");
        if (grace != null && (seconds <= 0 || seconds > grace)) {
            out.invalid(path, seconds, "must be greater than 0 and less than terminationGracePeriodSeconds (" + grace
                    + "). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.");
        }
    }
}
