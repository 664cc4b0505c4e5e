package io.wharf.apiserver.admission;

import io.wharf.apiserver.admission.quota.QuotaEvaluators;
import io.wharf.apiserver.admission.quota.QuotaStatusWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** The admission plugins Wharf implements, by upstream name, and the chain of the enabled ones. */
public final class BuiltinAdmissionPlugins {
    /** Every plugin Wharf can run. */
    public static final Set<String> NAMES = Set.of(AlwaysAdmit.NAME, NamespaceLifecycle.NAME, LimitRanger.NAME,
            TaintNodesByCondition.NAME, AlwaysPullImages.NAME, Priority.NAME, DefaultTolerationSeconds.NAME,
            DefaultStorageClass.NAME, StorageObjectInUseProtection.NAME, DefaultIngressClass.NAME, ResourceQuota.NAME,
            AlwaysDeny.NAME);

    /**
     * What the plugins read and write besides the request.
     *
     * @param namespaces the phase of a namespace by name
     * @param objects    other objects of the cluster
     * @param quotas     where charged quota usage is written
     * @param clock      the server's clock
     */
    public record Dependencies(Function<String, NamespaceLifecycle.Phase> namespaces, ClusterObjects objects,
                               QuotaStatusWriter quotas, Clock clock) {
    }

    private final Map<String, Supplier<AdmissionPlugin>> factories = new LinkedHashMap<>();

    public BuiltinAdmissionPlugins(Dependencies d) {
        factories.put(AlwaysAdmit.NAME, AlwaysAdmit::new);
        factories.put(NamespaceLifecycle.NAME, () -> new NamespaceLifecycle(d.namespaces()));
        factories.put(LimitRanger.NAME, () -> new LimitRanger(d.objects()));
        factories.put(TaintNodesByCondition.NAME, TaintNodesByCondition::new);
        factories.put(AlwaysPullImages.NAME, AlwaysPullImages::new);
        factories.put(Priority.NAME, () -> new Priority(d.objects()));
        factories.put(DefaultTolerationSeconds.NAME, DefaultTolerationSeconds::new);
        factories.put(DefaultStorageClass.NAME, () -> new DefaultStorageClass(d.objects()));
        factories.put(StorageObjectInUseProtection.NAME, StorageObjectInUseProtection::new);
        factories.put(DefaultIngressClass.NAME, () -> new DefaultIngressClass(d.objects()));
        factories.put(ResourceQuota.NAME, () -> new ResourceQuota(d.objects(), d.quotas(), new QuotaEvaluators(d.clock())));
        factories.put(AlwaysDeny.NAME, AlwaysDeny::new);
        if (!factories.keySet().equals(NAMES)) {
            throw new IllegalStateException("plugin names and factories differ: " + NAMES + " vs " + factories.keySet());
        }
    }

    /** The chain of the named plugins, in the order given. */
    public AdmissionChain chain(List<String> names) {
        List<AdmissionPlugin> plugins = new ArrayList<>();
        for (String n : names) {
            Supplier<AdmissionPlugin> f = factories.get(n);
            if (f == null) {
                throw new IllegalArgumentException("admission plugin \"" + n + "\" is not implemented by Wharf");
            }
            plugins.add(f.get());
        }
        return new AdmissionChain(plugins);
    }
}
