package io.wharf.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.apiserver.admission.AdmissionChain;
import io.wharf.apiserver.registry.Fields;
import io.wharf.apiserver.registry.ResourceStorage;
import io.wharf.apiserver.resources.FieldSchema;
import io.wharf.apiserver.resources.ResourceType;
import io.wharf.apiserver.resources.ServedResource;
import io.wharf.apiserver.resources.Subresource;
import io.wharf.apiserver.table.Printers;
import io.wharf.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How one CRD is being served: the storage of its objects (in the storage version, under
 * {@code /registry/<group>/<plural>/}) and one served resource per served version. Built from a
 * {@link CrdSpec} and replaced as a whole when the definition changes, as upstream rebuilds its
 * serving information (open watches end and clients re-establish them).
 */
final class ServedDefinition {
    /** The verbs discovery lists for custom resources, in upstream's order. */
    static final List<String> VERBS = List.of("delete", "deletecollection", "get", "list", "patch", "create", "update", "watch");

    private final CrdSpec spec;
    private final ResourceStorage storage;
    private final CustomResourceStrategy strategy;
    private final List<ServedResource> served;

    private ServedDefinition(CrdSpec spec, ResourceStorage storage, CustomResourceStrategy strategy, List<ServedResource> served) {
        this.spec = spec;
        this.storage = storage;
        this.strategy = strategy;
        this.served = served;
    }

    /**
     * The serving of a definition whose names are accepted, or null when it has no storage version.
     *
     * @param schemas turns a version's openAPIV3Schema (null when it has none) into its schema
     */
    static ServedDefinition build(CrdSpec spec, Function<JsonNode, CustomResourceSchema> schemas, Store store,
                                  AdmissionChain admission, Clock clock, int watchCacheCapacity) {
        CrdVersion storageVersion = spec.storageVersion().orElse(null);
        if (storageVersion == null) {
            return null;
        }
        CrdNames names = spec.acceptedNames();
        Map<String, CustomResourceSchema> byVersion = new LinkedHashMap<>();
        for (CrdVersion v : spec.versions()) {
            byVersion.put(v.name(), schemas.apply(v.schema()));
        }
        CustomResourceSchema storageSchema = byVersion.get(storageVersion.name());
        Fields fields = Fields.of(storageVersion.selectableFields().toArray(String[]::new));
        CustomResourceStrategy strategy = new CustomResourceStrategy(fields, byVersion, spec.group(), names.plural());
        ResourceStorage storage = new ResourceStorage(type(spec, storageVersion), strategy, store, admission, clock, obj -> {
            storageSchema.prune(obj);
            storageSchema.applyDefaults(obj);
        }, watchCacheCapacity);
        List<ServedResource> served = new ArrayList<>();
        String storageApiVersion = spec.group() + "/" + storageVersion.name();
        for (CrdVersion v : spec.servedVersions()) {
            ResourceType t = type(spec, v);
            CustomResourceSchema schema = byVersion.get(v.name());
            CustomResourceConverter converter = new CustomResourceConverter(t.apiVersion(), storageApiVersion, schema);
            storage.serveVersion(t, converter);
            served.add(new ServedResource(t, storage, converter,
                    Printers.forCustomResource(v.printerColumns()), new FieldSchema.Structural(schema::prune), v.deprecationWarning(),
                    v.schema()));
        }
        return new ServedDefinition(spec, storage, strategy, List.copyOf(served));
    }

    private static ResourceType type(CrdSpec spec, CrdVersion v) {
        CrdNames names = spec.acceptedNames();
        List<Subresource> subresources = new ArrayList<>();
        if (v.statusSubresource()) {
            subresources.add(new Subresource("status", spec.group(), v.name(), names.kind(), Subresource.GET_PATCH_UPDATE));
        }
        if (v.scale() != null) {
            subresources.add(new Subresource("scale", "autoscaling", "v1", "Scale", Subresource.GET_PATCH_UPDATE));
        }
        return new ResourceType(spec.group(), v.name(), names.plural(), names.singular(), names.kind(), spec.namespaced(), VERBS,
                names.shortNames(), names.categories(), List.copyOf(subresources), v.scale(), spec.group(), spec.names().plural(),
                names.listKind());
    }

    CrdSpec spec() {
        return spec;
    }

    ResourceStorage storage() {
        return storage;
    }

    List<ServedResource> served() {
        return served;
    }

    void markTerminating() {
        strategy.markTerminating();
    }
}
