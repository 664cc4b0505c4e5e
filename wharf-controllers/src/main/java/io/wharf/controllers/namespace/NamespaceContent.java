package io.wharf.controllers.namespace;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds every namespaced resource type through discovery and deletes a namespace's objects of
 * each, reporting what is left afterwards (objects held by finalizers or a grace period).
 */
final class NamespaceContent {
    /**
     * What one deletion pass found.
     *
     * @param remaining           objects still present after the pass
     * @param remainingSummary    "pods has 2 resource instances" style text per resource
     * @param finalizersRemaining finalizers still held by remaining objects
     * @param discoveryErrors     group versions discovery failed for
     * @param deleteErrors        resources that could not be deleted
     */
    record Result(int remaining, String remainingSummary, Set<String> finalizersRemaining, List<String> discoveryErrors,
                  List<String> deleteErrors) {
    }

    private final KubernetesClient client;

    NamespaceContent(KubernetesClient client) {
        this.client = client;
    }

    Result deleteAll(String namespace) {
        List<String> discoveryErrors = new ArrayList<>();
        List<ResourceDefinitionContext> types = namespacedTypes(discoveryErrors);
        List<String> deleteErrors = new ArrayList<>();
        int remaining = 0;
        Map<String, Integer> perResource = new LinkedHashMap<>();
        Set<String> finalizers = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ResourceDefinitionContext t : types) {
            // one storage may be served under several versions (events); delete it through the first only
            if (!seen.add(t.getPlural() + "." + (t.getGroup() == null ? "" : t.getGroup()))) {
                continue;
            }
            var op = client.genericKubernetesResources(t).inNamespace(namespace);
            try {
                for (GenericKubernetesResource r : op.list().getItems()) {
                    if (r.getMetadata().getDeletionTimestamp() == null) {
                        op.withName(r.getMetadata().getName()).delete();
                    }
                }
                List<GenericKubernetesResource> left = op.list().getItems();
                if (!left.isEmpty()) {
                    remaining += left.size();
                    perResource.put(t.getPlural() + (t.getGroup() == null || t.getGroup().isEmpty() ? "" : "." + t.getGroup()), left.size());
                    for (GenericKubernetesResource r : left) {
                        if (r.getMetadata().getFinalizers() != null) {
                            finalizers.addAll(r.getMetadata().getFinalizers());
                        }
                    }
                }
            } catch (KubernetesClientException e) {
                if (e.getCode() != 404 && e.getCode() != 405) {
                    deleteErrors.add(t.getPlural() + ": " + e.getMessage());
                }
            }
        }
        StringBuilder summary = new StringBuilder();
        perResource.forEach((r, n) -> summary.append(summary.length() == 0 ? "" : ", ").append(r).append(" has ").append(n)
                .append(n == 1 ? " resource instance" : " resource instances"));
        return new Result(remaining, summary.toString(), finalizers, discoveryErrors, deleteErrors);
    }

    /** Namespaced resources (no subresources) that can be listed and deleted, per group version. */
    private List<ResourceDefinitionContext> namespacedTypes(List<String> errors) {
        List<String> groupVersions = new ArrayList<>(List.of("v1"));
        for (APIGroup g : client.getApiGroups().getGroups()) {
            for (GroupVersionForDiscovery v : g.getVersions()) {
                groupVersions.add(v.getGroupVersion());
            }
        }
        List<ResourceDefinitionContext> out = new ArrayList<>();
        for (String gv : groupVersions) {
            APIResourceList list;
            try {
                list = client.getApiResources(gv);
            } catch (KubernetesClientException e) {
                errors.add(gv + ": " + e.getMessage());
                continue;
            }
            if (list == null) {
                continue;
            }
            String group = gv.contains("/") ? gv.substring(0, gv.indexOf('/')) : "";
            String version = gv.contains("/") ? gv.substring(gv.indexOf('/') + 1) : gv;
            for (APIResource r : list.getResources()) {
                if (!Boolean.TRUE.equals(r.getNamespaced()) || r.getName().contains("/")
                        || !r.getVerbs().contains("list") || !r.getVerbs().contains("delete")) {
                    continue;
                }
                out.add(new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version)
                        .withPlural(r.getName()).withKind(r.getKind()).withNamespaced(true).build());
            }
        }
        return out;
    }
}
