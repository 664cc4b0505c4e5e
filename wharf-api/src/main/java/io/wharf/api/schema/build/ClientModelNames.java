package io.wharf.api.schema.build;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The class names the official Java client gives upstream's OpenAPI definitions. It names a type
 * by its version and simple name ({@code io.k8s.api.core.v1.PodSpec} is {@code V1PodSpec},
 * {@code io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler} is {@code V2HorizontalPodAutoscaler}),
 * and puts the group in front only where two groups share a name at one version
 * ({@code CoreV1Event}, {@code EventsV1Event}). Both spellings are candidates; the caller keeps
 * the first class that exists and matches the definition's properties.
 */
final class ClientModelNames {
    static final String PACKAGE = "io.kubernetes.client.openapi.models";
    private static final Pattern VERSION = Pattern.compile("v\\d+((alpha|beta)\\d+)?");

    private ClientModelNames() {
    }

    /** Fully qualified candidate class names for a definition, the group-prefixed one first. */
    static List<String> candidates(String definitionName) {
        String[] parts = definitionName.split("\\.");
        if (parts.length < 3) {
            return List.of();
        }
        String simple = parts[parts.length - 1];
        String version = parts[parts.length - 2];
        if (!VERSION.matcher(version).matches()) {
            // unversioned packages (runtime, version, api.resource) name the package instead
            return List.of(PACKAGE + "." + capitalize(version) + simple);
        }
        String group = parts[parts.length - 3];
        return List.of(PACKAGE + "." + capitalize(group) + capitalize(version) + simple,
                PACKAGE + "." + capitalize(version) + simple);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
