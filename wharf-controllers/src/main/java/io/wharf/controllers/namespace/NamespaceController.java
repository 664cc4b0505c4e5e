package io.wharf.controllers.namespace;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceCondition;
import io.fabric8.kubernetes.api.model.NamespaceConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.wharf.controllers.Controller;
import io.wharf.controllers.WorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream's namespace controller: when a namespace is being deleted, it deletes everything in it,
 * reports what is left in the namespace's conditions, and once the namespace is empty removes the
 * {@code kubernetes} finalizer through the {@code finalize} subresource, after which the API server
 * deletes the namespace.
 */
public final class NamespaceController implements Controller {
    private static final Logger LOG = LoggerFactory.getLogger(NamespaceController.class);
    static final String FINALIZER = "kubernetes";
    /** How soon to look again while content (e.g. pods in their grace period) remains. */
    private static final Duration RECHECK = Duration.ofSeconds(2);

    private final KubernetesClient client;
    private final NamespaceContent content;
    private final WorkQueue<String> queue = new WorkQueue<>("namespace", Duration.ofMillis(5), Duration.ofMinutes(5));
    private final int workers;
    private SharedIndexInformer<Namespace> informer;
    private final List<Thread> threads = new ArrayList<>();

    public NamespaceController(KubernetesClient client, int workers) {
        this.client = client;
        this.content = new NamespaceContent(client);
        this.workers = workers;
    }

    @Override
    public String name() {
        return "namespace-controller";
    }

    @Override
    public void start() {
        informer = client.namespaces().inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Namespace ns) {
                enqueue(ns);
            }

            @Override
            public void onUpdate(Namespace oldNs, Namespace ns) {
                enqueue(ns);
            }

            @Override
            public void onDelete(Namespace ns, boolean finalStateUnknown) {
                // nothing left to do for a namespace that is gone
            }
        }, Duration.ofMinutes(5).toMillis());
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(this::work, "namespace-controller-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    private void enqueue(Namespace ns) {
        if (ns.getMetadata().getDeletionTimestamp() != null) {
            queue.add(ns.getMetadata().getName());
        }
    }

    private void work() {
        while (true) {
            String name;
            try {
                name = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (name == null) {
                return;
            }
            try {
                Duration again = sync(name);
                queue.forget(name);
                if (again != null) {
                    queue.addAfter(name, again);
                }
            } catch (RuntimeException e) {
                LOG.warn("namespace {}: deletion step failed, will retry: {}", name, e.getMessage());
                queue.addRateLimited(name);
            } finally {
                queue.done(name);
            }
        }
    }

    /** One pass over a terminating namespace; answers when to look again, or null when done. */
    Duration sync(String name) {
        Namespace ns = informer.getIndexer().getByKey(name);
        if (ns == null || ns.getMetadata().getDeletionTimestamp() == null) {
            return null;
        }
        if (ns.getSpec() == null || ns.getSpec().getFinalizers() == null || !ns.getSpec().getFinalizers().contains(FINALIZER)) {
            return null;
        }
        NamespaceContent.Result result = content.deleteAll(name);
        updateConditions(ns, result);
        if (!result.discoveryErrors().isEmpty() || !result.deleteErrors().isEmpty() || result.remaining() > 0) {
            return RECHECK;
        }
        finalizeNamespace(ns);
        LOG.info("namespace {} is empty; finalized", name);
        return null;
    }

    /** Removes our finalizer, re-reading the namespace when our copy was stale (the informer may lag our own status write). */
    private void finalizeNamespace(Namespace cached) {
        Namespace ns = cached;
        for (int attempt = 0; attempt < 5; attempt++) {
            Namespace copy = Serialization.clone(ns);
            List<String> finalizers = new ArrayList<>(copy.getSpec().getFinalizers());
            finalizers.remove(FINALIZER);
            copy.getSpec().setFinalizers(finalizers);
            try {
                client.raw("/api/v1/namespaces/" + ns.getMetadata().getName() + "/finalize", "PUT", copy);
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() == 404) {
                    return;
                }
                if (e.getCode() != 409) {
                    throw e;
                }
                ns = client.namespaces().withName(ns.getMetadata().getName()).get();
                if (ns == null) {
                    return;
                }
            }
        }
        throw new IllegalStateException("namespace " + cached.getMetadata().getName() + " kept changing while being finalized");
    }

    /** Keeps upstream's deletion conditions on the namespace so `kubectl describe ns` explains a slow delete. */
    private void updateConditions(Namespace ns, NamespaceContent.Result r) {
        List<NamespaceCondition> wanted = List.of(
                condition("NamespaceDeletionDiscoveryFailure", !r.discoveryErrors().isEmpty(), "DiscoveryFailed", "ResourcesDiscovered",
                        r.discoveryErrors().isEmpty() ? "All resources successfully discovered" : "Discovery failed for some groups, " + r.discoveryErrors()),
                condition("NamespaceDeletionGroupVersionParsingFailure", false, "GroupVersionParsingFailed", "ParsedGroupVersions",
                        "All legacy kube types successfully parsed"),
                condition("NamespaceDeletionContentFailure", !r.deleteErrors().isEmpty(), "ContentDeletionFailed", "ContentDeleted",
                        r.deleteErrors().isEmpty() ? "All content successfully deleted, may be waiting on finalization" : "Failed to delete all resource types, " + r.deleteErrors()),
                condition("NamespaceContentRemaining", r.remaining() > 0, "SomeResourcesRemain", "ContentRemoved",
                        r.remaining() > 0 ? "Some resources are remaining: " + r.remainingSummary() : "All content successfully removed"),
                condition("NamespaceFinalizersRemaining", !r.finalizersRemaining().isEmpty(), "SomeFinalizersRemain", "ContentHasNoFinalizers",
                        r.finalizersRemaining().isEmpty() ? "All content-preserving finalizers finished" : "Some content in the namespace has finalizers remaining: " + r.finalizersRemaining()));
        List<NamespaceCondition> current = ns.getStatus() == null || ns.getStatus().getConditions() == null ? List.of() : ns.getStatus().getConditions();
        if (sameConditions(current, wanted)) {
            return;
        }
        Namespace copy = Serialization.clone(ns);
        List<NamespaceCondition> merged = new ArrayList<>();
        for (NamespaceCondition w : wanted) {
            NamespaceCondition old = current.stream().filter(c -> c.getType().equals(w.getType())).findFirst().orElse(null);
            if (old != null && old.getStatus().equals(w.getStatus()) && Objects.equals(old.getMessage(), w.getMessage())) {
                merged.add(old);
            } else {
                merged.add(w);
            }
        }
        copy.getStatus().setConditions(merged);
        try {
            client.namespaces().resource(copy).updateStatus();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409 && e.getCode() != 404) {
                throw e;
            }
        }
    }

    private static boolean sameConditions(List<NamespaceCondition> a, List<NamespaceCondition> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (NamespaceCondition w : b) {
            boolean found = a.stream().anyMatch(c -> c.getType().equals(w.getType()) && c.getStatus().equals(w.getStatus())
                    && Objects.equals(c.getMessage(), w.getMessage()));
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static NamespaceCondition condition(String type, boolean failing, String badReason, String goodReason, String message) {
        return new NamespaceConditionBuilder().withType(type).withStatus(failing ? "True" : "False")
                .withReason(failing ? badReason : goodReason).withMessage(message)
                .withLastTransitionTime(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()).build();
    }

    @Override
    public void close() {
        queue.close();
        if (informer != null) {
            informer.close();
        }
        threads.forEach(Thread::interrupt);
    }
}
