package io.wharf.apiserver.health;

import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.http.ApiRequest;
import io.wharf.apiserver.http.Responses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /healthz}, {@code /livez} and {@code /readyz} with upstream's shape: one path per check
 * below each, {@code ?verbose} listing every check, {@code ?exclude=name} skipping one.
 */
public final class HealthChecks {
    /** A named check: null when healthy, otherwise the reason. */
    public record Check(String name, Supplier<String> probe) {
    }

    private final Map<String, List<Check>> byEndpoint = new LinkedHashMap<>();

    public HealthChecks(List<Check> live, List<Check> ready) {
        byEndpoint.put("healthz", ready);
        byEndpoint.put("livez", live);
        byEndpoint.put("readyz", ready);
    }

    public static boolean isHealthPath(String path) {
        String first = path.length() > 1 ? path.substring(1).split("/")[0] : "";
        return first.equals("healthz") || first.equals("livez") || first.equals("readyz");
    }

    public void handle(ApiRequest req) {
        String[] parts = req.path().substring(1).split("/");
        List<Check> checks = byEndpoint.get(parts[0]);
        if (parts.length > 1) {
            String name = String.join("/", java.util.Arrays.copyOfRange(parts, 1, parts.length));
            Check c = checks.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow(ApiException::notFoundPath);
            String failure = c.probe().get();
            if (failure == null) {
                Responses.text(req.ctx(), req.raw(), 200, "ok");
            } else {
                Responses.text(req.ctx(), req.raw(), 500, "internal server error: " + failure + "\n");
            }
            return;
        }
        List<String> excluded = req.params("exclude");
        boolean verbose = req.param("verbose") != null;
        StringBuilder report = new StringBuilder();
        boolean healthy = true;
        for (Check c : checks) {
            if (excluded.contains(c.name())) {
                report.append("[+]").append(c.name()).append(" excluded: ok\n");
                continue;
            }
            String failure = c.probe().get();
            if (failure == null) {
                report.append("[+]").append(c.name()).append(" ok\n");
            } else {
                healthy = false;
                report.append("[-]").append(c.name()).append(" failed: reason withheld\n");
            }
        }
        if (healthy && !verbose) {
            Responses.text(req.ctx(), req.raw(), 200, "ok");
        } else if (healthy) {
            Responses.text(req.ctx(), req.raw(), 200, report + parts[0] + " check passed\n");
        } else {
            Responses.text(req.ctx(), req.raw(), 500, report + parts[0] + " check failed\n");
        }
    }
}
