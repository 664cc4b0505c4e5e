package io.wharf.apiserver.registry;

import static io.wharf.apiserver.registry.StorageFixture.apiError;
import static io.wharf.apiserver.registry.StorageFixture.configMap;
import static io.wharf.apiserver.registry.StorageFixture.ctx;
import static io.wharf.apiserver.registry.StorageFixture.dryRun;
import static io.wharf.apiserver.registry.StorageFixture.type;
import static io.wharf.apiserver.registry.StorageFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.resources.ResourceType;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceStorageUpdateTest {
    private static final ResourceType CONFIGMAPS = type("", "v1", "configmaps");
    private static final ResourceType DEPLOYMENTS = type("apps", "v1", "deployments");
    private static final ResourceType ENDPOINTS = type("", "v1", "endpoints");

    @TempDir
    Path dir;
    StorageFixture f;
    ResourceStorage configmaps;
    ResourceStorage deployments;

    @BeforeEach
    void setUp() {
        f = new StorageFixture(dir);
        configmaps = f.storage(CONFIGMAPS);
        deployments = f.storage(DEPLOYMENTS);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private ObjectNode createConfigMap(String name) {
        return configmaps.create(ctx(), CONFIGMAPS, "default", configMap(name));
    }

    /** A full replacement (PUT): the client's object, pinned when it carries a resourceVersion. */
    private WriteResult put(ResourceStorage s, ResourceType t, ObjectNode desired, String subresource) {
        boolean pinned = Meta.resourceVersion(desired) != null && !Meta.resourceVersion(desired).isEmpty();
        return s.update(ctx(), t, Meta.namespace(desired), Meta.name(desired), subresource, pinned, cur -> desired.deepCopy());
    }

    @Test
    void anUpdateWithTheCurrentResourceVersionIsStoredWithANewOne() {
        ObjectNode cm = createConfigMap("a");
        Json.with(cm, "data").put("k", "v2");
        WriteResult r = put(configmaps, CONFIGMAPS, cm, "");
        assertThat(r.created()).isFalse();
        assertThat(Long.parseLong(Meta.resourceVersion(r.object()))).isEqualTo(f.store.currentRevision())
                .isGreaterThan(Long.parseLong(Meta.resourceVersion(cm)));
        assertThat(Json.text(configmaps.get("default", "a", ""), "data", "k")).isEqualTo("v2");
    }

    @Test
    void aStaleResourceVersionIsAConflict() {
        ObjectNode v1 = createConfigMap("a");
        ObjectNode v2 = v1.deepCopy();
        Json.with(v2, "data").put("k", "v2");
        put(configmaps, CONFIGMAPS, v2, "");

        Json.with(v1, "data").put("k", "lost update");
        ApiException e = apiError(() -> put(configmaps, CONFIGMAPS, v1, ""));
        assertThat(e.code()).isEqualTo(409);
        assertThat(e.reason()).isEqualTo("Conflict");
        assertThat(e.getMessage()).isEqualTo("Operation cannot be fulfilled on configmaps \"a\": the object has been modified; "
                + "please apply your changes to the latest version and try again");
        assertThat(Json.text(configmaps.get("default", "a", ""), "data", "k")).isEqualTo("v2");
    }

    @Test
    void anUpdateWithoutResourceVersionIsUnconditionalAndRetriedOnAConcurrentWrite() {
        createConfigMap("a");
        AtomicInteger calls = new AtomicInteger();
        WriteResult r = configmaps.update(ctx(), CONFIGMAPS, "default", "a", "", false, cur -> {
            if (calls.incrementAndGet() == 1) {
                // someone else writes between our read and our write
                configmaps.update(ctx(), CONFIGMAPS, "default", "a", "", false, c -> {
                    Json.with(c, "data").put("other", "x");
                    return c;
                });
            }
            Json.with(cur, "data").put("mine", "y");
            return cur;
        });
        assertThat(calls.get()).isEqualTo(2);
        ObjectNode stored = configmaps.get("default", "a", "");
        assertThat(Json.text(stored, "data", "other")).isEqualTo("x");
        assertThat(Json.text(stored, "data", "mine")).isEqualTo("y");
        assertThat(Meta.resourceVersion(r.object())).isEqualTo(Meta.resourceVersion(stored));
    }

    @Test
    void aPinnedUpdateLosingARaceIsAConflictInsteadOfARetry() {
        ObjectNode cm = createConfigMap("a");
        String rv = Meta.resourceVersion(cm);
        AtomicInteger calls = new AtomicInteger();
        ApiException e = apiError(() -> configmaps.update(ctx(), CONFIGMAPS, "default", "a", "", true, cur -> {
            if (calls.incrementAndGet() == 1) {
                configmaps.update(ctx(), CONFIGMAPS, "default", "a", "", false, c -> {
                    Json.with(c, "data").put("other", "x");
                    return c;
                });
            }
            Meta.meta(cur).put("resourceVersion", rv);
            Json.with(cur, "data").put("mine", "y");
            return cur;
        }));
        assertThat(e.code()).isEqualTo(409);
        assertThat(calls.get()).isEqualTo(1);
        assertThat(Json.text(configmaps.get("default", "a", ""), "data", "mine")).isNull();
    }

    @Test
    void aNoOpUpdateWritesNothingAndKeepsTheResourceVersion() {
        ObjectNode cm = createConfigMap("a");
        long before = f.store.currentRevision();
        WriteResult r = put(configmaps, CONFIGMAPS, cm.deepCopy(), "");
        assertThat(Meta.resourceVersion(r.object())).isEqualTo(Meta.resourceVersion(cm));
        assertThat(f.store.currentRevision()).isEqualTo(before);

        // leaving server-owned fields out is no change either: they come from the stored object
        ObjectNode bare = configMap("a");
        Meta.meta(bare).put("namespace", "default");
        assertThat(Meta.resourceVersion(put(configmaps, CONFIGMAPS, bare, "").object())).isEqualTo(Meta.resourceVersion(cm));
        assertThat(f.store.currentRevision()).isEqualTo(before);
    }

    @Test
    void aNoOpUpdateOfAKindWithAGenerationWritesNothingEither() {
        ObjectNode d = deployments.create(ctx(), DEPLOYMENTS, "default", deployment("web"));
        long before = f.store.currentRevision();
        WriteResult r = put(deployments, DEPLOYMENTS, d.deepCopy(), "");
        assertThat(Meta.resourceVersion(r.object())).isEqualTo(Meta.resourceVersion(d));
        assertThat(f.store.currentRevision()).isEqualTo(before);
    }

    @Test
    void generationFollowsSpecChangesOnly() {
        ObjectNode d = deployments.create(ctx(), DEPLOYMENTS, "default", deployment("web"));
        assertThat(generation(d)).isEqualTo(1);

        ObjectNode labelled = d.deepCopy();
        Json.with(Meta.meta(labelled), "labels").put("team", "a");
        ObjectNode afterLabel = put(deployments, DEPLOYMENTS, labelled, "").object();
        assertThat(generation(afterLabel)).isEqualTo(1);

        ObjectNode scaled = afterLabel.deepCopy();
        Json.with(scaled, "spec").put("replicas", 3);
        Meta.meta(scaled).put("generation", 99); // clients cannot set it
        ObjectNode afterScale = put(deployments, DEPLOYMENTS, scaled, "").object();
        assertThat(generation(afterScale)).isEqualTo(2);

        ObjectNode status = afterScale.deepCopy();
        status.putObject("status").put("replicas", 3).put("observedGeneration", 2);
        ObjectNode afterStatus = put(deployments, DEPLOYMENTS, status, "status").object();
        assertThat(generation(afterStatus)).isEqualTo(2);
        assertThat(afterStatus.path("status").path("replicas").asInt()).isEqualTo(3);
    }

    @Test
    void theStatusSubresourceChangesOnlyStatusAndTheMainResourceKeepsIt() {
        ObjectNode d = deployments.create(ctx(), DEPLOYMENTS, "default", deployment("web"));

        ObjectNode viaStatus = d.deepCopy();
        Json.with(viaStatus, "spec").put("replicas", 5);
        Json.with(Meta.meta(viaStatus), "labels").put("sneaky", "yes");
        viaStatus.putObject("status").put("replicas", 1);
        ObjectNode afterStatus = put(deployments, DEPLOYMENTS, viaStatus, "status").object();
        assertThat(afterStatus.path("spec").path("replicas").asInt()).isEqualTo(1);
        assertThat(afterStatus.path("metadata").has("labels")).isFalse();
        assertThat(afterStatus.path("status").path("replicas").asInt()).isEqualTo(1);

        ObjectNode viaMain = afterStatus.deepCopy();
        viaMain.putObject("status").put("replicas", 42);
        Json.with(viaMain, "spec").put("replicas", 2);
        ObjectNode afterMain = put(deployments, DEPLOYMENTS, viaMain, "").object();
        assertThat(afterMain.path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(afterMain.path("status").path("replicas").asInt()).isEqualTo(1);

        ObjectNode noStatus = afterMain.deepCopy();
        noStatus.remove("status");
        assertThat(put(deployments, DEPLOYMENTS, noStatus, "").object().path("status").path("replicas").asInt())
                .as("a main update without status keeps the stored one").isEqualTo(1);
    }

    @Test
    void identityFieldsCannotChange() {
        ObjectNode cm = createConfigMap("a");

        ObjectNode otherUid = cm.deepCopy();
        Meta.meta(otherUid).put("uid", "6f1c1d1e-0000-4000-8000-000000000000");
        ApiException uid = apiError(() -> put(configmaps, CONFIGMAPS, otherUid, ""));
        assertThat(uid.code()).isEqualTo(422);
        assertThat(uid.getMessage()).isEqualTo("ConfigMap \"a\" is invalid: metadata.uid: Invalid value: "
                + "\"6f1c1d1e-0000-4000-8000-000000000000\": field is immutable");

        ApiException name = apiError(() -> configmaps.update(ctx(), CONFIGMAPS, "default", "a", "", false, cur -> {
            Meta.meta(cur).put("name", "b");
            return cur;
        }));
        assertThat(name.code()).isEqualTo(422);
        assertThat(name.causes()).extracting(c -> c.field()).containsExactly("metadata.name");

        // like upstream's BeforeUpdate, a changed creationTimestamp is quietly put back, and a missing uid filled in
        ObjectNode older = cm.deepCopy();
        Meta.meta(older).put("creationTimestamp", "1999-01-01T00:00:00Z");
        Meta.meta(older).remove("uid");
        Json.with(older, "data").put("k", "v2");
        ObjectNode stored = put(configmaps, CONFIGMAPS, older, "").object();
        assertThat(Json.text(stored, "metadata", "creationTimestamp")).isEqualTo(Json.text(cm, "metadata", "creationTimestamp"));
        assertThat(Meta.uid(stored)).isEqualTo(Meta.uid(cm));
    }

    @Test
    void anUpdateCannotStartADeletion() {
        ObjectNode cm = createConfigMap("a");
        ObjectNode deleting = cm.deepCopy();
        Meta.meta(deleting).put("deletionTimestamp", "2024-05-01T12:00:00Z");
        Meta.meta(deleting).put("deletionGracePeriodSeconds", 0);
        ApiException e = apiError(() -> put(configmaps, CONFIGMAPS, deleting, ""));
        assertThat(e.code()).isEqualTo(422);
        assertThat(e.causes()).extracting(c -> c.field()).contains("metadata.deletionTimestamp");
        ObjectNode stored = configmaps.get("default", "a", "");
        assertThat(Meta.isDeleting(stored)).isFalse();
    }

    @Test
    void anUpdateCannotChangeTheGracePeriodOfADeletion() {
        ObjectNode cm = configMap("a");
        Meta.meta(cm).putArray("finalizers").add("example.com/hold");
        configmaps.create(ctx(), CONFIGMAPS, "default", cm);
        ObjectNode deleting = configmaps.delete(ctx(), CONFIGMAPS, "default", "a", DeleteOptions.DEFAULT).object();
        assertThat(deleting.path("metadata").path("deletionGracePeriodSeconds").asLong()).isEqualTo(0);

        ObjectNode longer = deleting.deepCopy();
        Meta.meta(longer).put("deletionGracePeriodSeconds", 600);
        ApiException e = apiError(() -> put(configmaps, CONFIGMAPS, longer, ""));
        assertThat(e.code()).isEqualTo(422);
        assertThat(e.causes()).extracting(c -> c.field()).contains("metadata.deletionGracePeriodSeconds");

        // leaving the deletion fields out keeps them
        ObjectNode without = deleting.deepCopy();
        Meta.meta(without).remove("deletionTimestamp");
        Meta.meta(without).remove("deletionGracePeriodSeconds");
        Json.with(Meta.meta(without), "labels").put("x", "y");
        ObjectNode stored = put(configmaps, CONFIGMAPS, without, "").object();
        assertThat(Json.text(stored, "metadata", "deletionTimestamp")).isEqualTo(Json.text(deleting, "metadata", "deletionTimestamp"));
        assertThat(stored.path("metadata").path("deletionGracePeriodSeconds").asLong()).isEqualTo(0);
    }

    @Test
    void noNewFinalizersOnceDeletionStarted() {
        ObjectNode cm = configMap("a");
        Meta.meta(cm).putArray("finalizers").add("example.com/hold");
        configmaps.create(ctx(), CONFIGMAPS, "default", cm);
        configmaps.delete(ctx(), CONFIGMAPS, "default", "a", DeleteOptions.DEFAULT);
        ApiException e = apiError(() -> configmaps.update(ctx(), CONFIGMAPS, "default", "a", "", false, cur -> {
            ((com.fasterxml.jackson.databind.node.ArrayNode) cur.path("metadata").path("finalizers")).add("example.com/more");
            return cur;
        }));
        assertThat(e.code()).isEqualTo(422);
        assertThat(e.getMessage()).contains("metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted");
    }

    @Test
    void updatingAMissingObjectIsNotFoundUnlessTheKindAllowsCreateOnUpdate() {
        ApiException e = apiError(() -> configmaps.update(ctx(), CONFIGMAPS, "default", "nope", "", false,
                cur -> cur == null ? withNamespace(configMap("nope")) : cur));
        assertThat(e.code()).isEqualTo(404);
        assertThat(e.getMessage()).isEqualTo("configmaps \"nope\" not found");

        ResourceStorage endpoints = f.storage(ENDPOINTS);
        ObjectNode ep = yaml("{apiVersion: v1, kind: Endpoints, metadata: {name: web, namespace: default, resourceVersion: '123'}}");
        WriteResult created = endpoints.update(ctx(), ENDPOINTS, "default", "web", "", true, cur -> ep.deepCopy());
        assertThat(created.created()).isTrue();
        assertThat(Meta.uid(created.object())).isNotEmpty();
        assertThat(endpoints.get("default", "web", "")).isEqualTo(created.object());

        ApiException status = apiError(() -> endpoints.update(ctx(), ENDPOINTS, "default", "other", "status", false,
                cur -> ep.deepCopy()));
        assertThat(status.code()).isEqualTo(404);
    }

    @Test
    void dryRunUpdateAnswersTheResultButWritesNothing() {
        ObjectNode cm = createConfigMap("a");
        long before = f.store.currentRevision();
        WriteResult r = configmaps.update(dryRun(), CONFIGMAPS, "default", "a", "", false, cur -> {
            Json.with(cur, "data").put("k", "dry");
            return cur;
        });
        assertThat(Json.text(r.object(), "data", "k")).isEqualTo("dry");
        assertThat(Meta.resourceVersion(r.object())).isEqualTo(Meta.resourceVersion(cm));
        assertThat(f.store.currentRevision()).isEqualTo(before);
        assertThat(Json.text(configmaps.get("default", "a", ""), "data", "k")).isEqualTo("v");
    }

    private static ObjectNode withNamespace(ObjectNode o) {
        Meta.meta(o).put("namespace", "default");
        return o;
    }

    private static long generation(ObjectNode o) {
        return o.path("metadata").path("generation").asLong();
    }

    static ObjectNode deployment(String name) {
        return yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s, namespace: default}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: c, image: nginx}]}
                """.formatted(name));
    }
}
