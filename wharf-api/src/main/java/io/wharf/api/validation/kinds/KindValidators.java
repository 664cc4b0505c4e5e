package io.wharf.api.validation.kinds;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The validators of the built-in kinds by group, version and kind. Each API group contributes its
 * validators through one registration class, so groups can be written and reviewed separately.
 *
 * <p>Objects are validated in their storage version, as upstream validates its internal form
 * whatever version a client wrote. Where upstream validates requests of one served version more
 * strictly (events.k8s.io Events, stored as core Events), that version's extra rules are kept
 * apart as served-version rules and apply on top of the storage kind's validator.
 */
public final class KindValidators {
    private static final Map<String, KindValidator> BY_KIND = new HashMap<>();
    private static final Map<String, KindValidator> SERVED_VERSION_RULES = new HashMap<>();

    static {
        CoreValidators.register();
        AppsValidators.register();
        BatchValidators.register();
        AutoscalingValidators.register();
        PolicyValidators.register();
        NetworkingValidators.register();
        RbacValidators.register();
        StorageValidators.register();
        SchedulingValidators.register();
        CoordinationValidators.register();
        DiscoveryValidators.register();
        EventsValidators.register();
        ApiextensionsValidators.register();
    }

    private KindValidators() {
    }

    static void register(String group, String version, String kind, KindValidator v) {
        BY_KIND.put(key(group, version, kind), v);
    }

    static void registerServedVersionRules(String group, String version, String kind, KindValidator v) {
        SERVED_VERSION_RULES.put(key(group, version, kind), v);
    }

    /** The validator of a kind in its storage version, if it has one (kinds without content rules have none). */
    public static Optional<KindValidator> forKind(String group, String version, String kind) {
        return Optional.ofNullable(BY_KIND.get(key(group, version, kind)));
    }

    /**
     * The extra rules upstream applies to requests made through this served version, if any; they
     * see the object in its storage version and come after the storage kind's own problems.
     */
    public static Optional<KindValidator> servedVersionRules(String group, String version, String kind) {
        return Optional.ofNullable(SERVED_VERSION_RULES.get(key(group, version, kind)));
    }

    private static String key(String group, String version, String kind) {
        return group + "/" + version + "/" + kind;
    }
}
