package io.wharf.api.validation.kinds;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The validators of the built-in kinds by group, version and kind. Each API group contributes its
 * validators through one registration class, so groups can be written and reviewed separately.
 */
public final class KindValidators {
    private static final Map<String, KindValidator> BY_KIND = new HashMap<>();

    static {
        // Group registrations add themselves here as they are written.
    }

    private KindValidators() {
    }

    static void register(String group, String version, String kind, KindValidator v) {
        BY_KIND.put(group + "/" + version + "/" + kind, v);
    }

    /** The validator of a kind, if it has one (kinds without content rules have none). */
    public static Optional<KindValidator> forKind(String group, String version, String kind) {
        return Optional.ofNullable(BY_KIND.get(group + "/" + version + "/" + kind));
    }
}
