package io.wharf.apiserver.kinds;

import static io.wharf.apiserver.registry.StorageFixture.apiError;
import static io.wharf.apiserver.registry.StorageFixture.configMap;
import static io.wharf.apiserver.registry.StorageFixture.ctx;
import static io.wharf.apiserver.registry.StorageFixture.type;
import static io.wharf.apiserver.registry.StorageFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.admission.NamespaceLifecycle;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.registry.DeleteOptions;
import io.wharf.apiserver.registry.DeleteResult;
import io.wharf.apiserver.registry.Meta;
import io.wharf.apiserver.registry.ResourceStorage;
import io.wharf.apiserver.registry.StorageFixture;
import io.wharf.apiserver.resources.ResourceType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamespaceStrategyTest {
    private static final ResourceType NAMESPACES = type("", "v1", "namespaces");
    private static final ResourceType CONFIGMAPS = type("", "v1", "configmaps");

    @TempDir
    Path dir;
    StorageFixture f;
    ResourceStorage namespaces;

    @BeforeEach
    void setUp() {
        // NamespaceLifecycle looks namespaces up in the fixture's own namespace storage
        AtomicReference<ResourceStorage> ns = new AtomicReference<>();
        f = new StorageFixture(dir, List.of(new NamespaceLifecycle(name -> {
            try {
                String phase = io.wharf.api.json.Json.text(ns.get().get("", name, ""), "status", "phase");
                return "Terminating".equals(phase) ? NamespaceLifecycle.Phase.TERMINATING : NamespaceLifecycle.Phase.ACTIVE;
            } catch (ApiException e) {
                return NamespaceLifecycle.Phase.MISSING;
            }
        })));
        namespaces = f.storage(NAMESPACES);
        ns.set(namespaces);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private ObjectNode create(String yamlText) {
        return namespaces.create(ctx(), NAMESPACES, "", yaml(yamlText));
    }

    private static List<String> specFinalizers(JsonNode ns) {
        List<String> out = new ArrayList<>();
        ns.path("spec").path("finalizers").forEach(n -> out.add(n.asText()));
        return out;
    }

    /** What {@code PUT namespaces/x/finalize} does: replace spec.finalizers only. */
    private ObjectNode finalizeWith(String name, String... finalizers) {
        return namespaces.update(ctx(), NAMESPACES, "", name, "finalize", false, cur -> {
            ObjectNode spec = Json.with(cur, "spec");
            if (finalizers.length == 0) {
                spec.remove("finalizers");
            } else {
                var arr = spec.putArray("finalizers");
                for (String fin : finalizers) {
                    arr.add(fin);
                }
            }
            return cur;
        }).object();
    }

    @Test
    void newNamespacesAreActiveWithTheKubernetesFinalizerAndTheirNameLabel() {
        ObjectNode ns = create("{apiVersion: v1, kind: Namespace, metadata: {name: team-a, labels: {team: a}}}");
        assertThat(Json.text(ns, "status", "phase")).isEqualTo("Active");
        assertThat(specFinalizers(ns)).containsExactly("kubernetes");
        assertThat(Meta.labels(ns)).containsEntry("kubernetes.io/metadata.name", "team-a").containsEntry("team", "a");
        assertThat(ns.path("metadata").has("generation")).isFalse();
    }

    @Test
    void theNameLabelAlwaysMatchesTheNameEvenForGeneratedNames() {
        ObjectNode ns = create("{apiVersion: v1, kind: Namespace, metadata: {generateName: tmp-, "
                + "labels: {kubernetes.io/metadata.name: wrong}}}");
        assertThat(Meta.labels(ns)).containsEntry("kubernetes.io/metadata.name", Meta.name(ns));
        ObjectNode relabelled = namespaces.update(ctx(), NAMESPACES, "", Meta.name(ns), "", false, cur -> {
            Json.with(Meta.meta(cur), "labels").put("kubernetes.io/metadata.name", "other");
            return cur;
        }).object();
        assertThat(Meta.labels(relabelled)).containsEntry("kubernetes.io/metadata.name", Meta.name(ns));
    }

    @Test
    void finalizersTheClientAsksForAreKeptAlongsideKubernetes() {
        ObjectNode ns = create("{apiVersion: v1, kind: Namespace, metadata: {name: x}, spec: {finalizers: [example.com/cleanup]}}");
        assertThat(specFinalizers(ns)).containsExactly("example.com/cleanup", "kubernetes");
        ObjectNode already = create("{apiVersion: v1, kind: Namespace, metadata: {name: y}, spec: {finalizers: [kubernetes]}}");
        assertThat(specFinalizers(already)).containsExactly("kubernetes");
    }

    @Test
    void onlyTheFinalizeSubresourceChangesSpecFinalizers() {
        create("{apiVersion: v1, kind: Namespace, metadata: {name: x}}");
        ObjectNode updated = namespaces.update(ctx(), NAMESPACES, "", "x", "", false, cur -> {
            Json.with(cur, "spec").remove("finalizers");
            return cur;
        }).object();
        assertThat(specFinalizers(updated)).containsExactly("kubernetes");

        ObjectNode finalized = finalizeWith("x");
        assertThat(specFinalizers(finalized)).isEmpty();
        assertThat(namespaces.get("", "x", "")).as("not being deleted: it stays").isNotNull();
    }

    @Test
    void deletingANamespaceMakesItTerminatingUntilItIsFinalized() {
        create("{apiVersion: v1, kind: Namespace, metadata: {name: x}}");
        f.clock.advanceSeconds(5);
        DeleteResult r = namespaces.delete(ctx(), NAMESPACES, "", "x", DeleteOptions.DEFAULT);
        assertThat(r.deletedNow()).isFalse();
        ObjectNode terminating = namespaces.get("", "x", "");
        assertThat(Json.text(terminating, "status", "phase")).isEqualTo("Terminating");
        assertThat(Json.text(terminating, "metadata", "deletionTimestamp")).isEqualTo(Meta.timestamp(f.clock.instant()));
        assertThat(specFinalizers(terminating)).containsExactly("kubernetes");

        // deleting again while the controller works changes nothing
        long before = f.store.currentRevision();
        assertThat(namespaces.delete(ctx(), NAMESPACES, "", "x", DeleteOptions.DEFAULT).deletedNow()).isFalse();
        assertThat(f.store.currentRevision()).isEqualTo(before);

        // the namespace controller clears the finalizer once the namespace is empty: it is gone
        finalizeWith("x");
        assertThat(apiError(() -> namespaces.get("", "x", "")).code()).isEqualTo(404);
    }

    @Test
    void metadataFinalizersStillHoldAFinalizedNamespace() {
        create("{apiVersion: v1, kind: Namespace, metadata: {name: x, finalizers: [example.com/hold]}}");
        namespaces.delete(ctx(), NAMESPACES, "", "x", DeleteOptions.DEFAULT);
        finalizeWith("x");
        ObjectNode held = namespaces.get("", "x", "");
        assertThat(specFinalizers(held)).isEmpty();
        assertThat(Json.text(held, "status", "phase")).isEqualTo("Terminating");

        namespaces.update(ctx(), NAMESPACES, "", "x", "", false, cur -> {
            Meta.meta(cur).remove("finalizers");
            return cur;
        });
        assertThat(apiError(() -> namespaces.get("", "x", "")).code()).isEqualTo(404);
    }

    @Test
    void namespaceLifecycleGuardsCreatesAndTheSystemNamespaces() {
        ResourceStorage configmaps = f.storage(CONFIGMAPS);
        ApiException missing = apiError(() -> configmaps.create(ctx(), CONFIGMAPS, "nowhere", configMap("a")));
        assertThat(missing.code()).isEqualTo(404);
        assertThat(missing.getMessage()).isEqualTo("namespaces \"nowhere\" not found");

        create("{apiVersion: v1, kind: Namespace, metadata: {name: x}}");
        configmaps.create(ctx(), CONFIGMAPS, "x", configMap("a"));
        namespaces.delete(ctx(), NAMESPACES, "", "x", DeleteOptions.DEFAULT);
        ApiException terminating = apiError(() -> configmaps.create(ctx(), CONFIGMAPS, "x", configMap("b")));
        assertThat(terminating.code()).isEqualTo(403);
        assertThat(terminating.getMessage()).isEqualTo("configmaps \"b\" is forbidden: unable to create new content in namespace x "
                + "because it is being terminated");
        // what exists can still change (the controller deletes it)
        configmaps.delete(ctx(), CONFIGMAPS, "x", "a", DeleteOptions.DEFAULT);

        create("{apiVersion: v1, kind: Namespace, metadata: {name: default}}");
        ApiException immortal = apiError(() -> namespaces.delete(ctx(), NAMESPACES, "", "default", DeleteOptions.DEFAULT));
        assertThat(immortal.code()).isEqualTo(403);
        assertThat(immortal.getMessage()).isEqualTo("namespaces \"default\" is forbidden: this namespace may not be deleted");
    }

    @Test
    void namespaceNamesAreDnsLabels() {
        ApiException e = apiError(() -> create("{apiVersion: v1, kind: Namespace, metadata: {name: a.b}}"));
        assertThat(e.code()).isEqualTo(422);
        assertThat(e.causes()).extracting(c -> c.field()).containsExactly("metadata.name");
    }
}
