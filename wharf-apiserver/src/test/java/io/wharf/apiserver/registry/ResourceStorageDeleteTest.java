package io.wharf.apiserver.registry;

import static io.wharf.apiserver.registry.StorageFixture.apiError;
import static io.wharf.apiserver.registry.StorageFixture.configMap;
import static io.wharf.apiserver.registry.StorageFixture.ctx;
import static io.wharf.apiserver.registry.StorageFixture.dryRun;
import static io.wharf.apiserver.registry.StorageFixture.filter;
import static io.wharf.apiserver.registry.StorageFixture.listAll;
import static io.wharf.apiserver.registry.StorageFixture.names;
import static io.wharf.apiserver.registry.StorageFixture.type;
import static io.wharf.apiserver.registry.StorageFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.resources.ResourceType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceStorageDeleteTest {
    private static final ResourceType CONFIGMAPS = type("", "v1", "configmaps");
    private static final ResourceType DEPLOYMENTS = type("apps", "v1", "deployments");
    private static final ResourceType PODS = type("", "v1", "pods");
    private static final String HOLD = "example.com/hold";

    @TempDir
    Path dir;
    StorageFixture f;
    ResourceStorage configmaps;
    ResourceStorage pods;

    @BeforeEach
    void setUp() {
        f = new StorageFixture(dir);
        configmaps = f.storage(CONFIGMAPS);
        pods = f.storage(PODS);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private ObjectNode createConfigMap(String name, String... finalizers) {
        ObjectNode cm = configMap(name);
        if (finalizers.length > 0) {
            ArrayNode fs = Meta.meta(cm).putArray("finalizers");
            for (String fin : finalizers) {
                fs.add(fin);
            }
        }
        return configmaps.create(ctx(), CONFIGMAPS, "default", cm);
    }

    private DeleteResult delete(ResourceStorage s, ResourceType t, String name, DeleteOptions opts) {
        return s.delete(ctx(), t, "default", name, opts);
    }

    private static DeleteOptions grace(long seconds) {
        return new DeleteOptions(seconds, null, null, null);
    }

    private static DeleteOptions policy(String p) {
        return new DeleteOptions(null, p, null, null);
    }

    private static List<String> finalizers(ObjectNode o) {
        List<String> out = new ArrayList<>();
        o.path("metadata").path("finalizers").forEach(n -> out.add(n.asText()));
        return out;
    }

    private static long gracePeriod(ObjectNode o) {
        return o.path("metadata").path("deletionGracePeriodSeconds").asLong(-1);
    }

    private static Instant deletionTimestamp(ObjectNode o) {
        return Instant.parse(Json.text(o, "metadata", "deletionTimestamp"));
    }

    // ------------------------------------------------------------------ plain deletes and preconditions

    @Test
    void aPlainDeleteRemovesTheObjectAndAnswersItsLastState() {
        ObjectNode cm = createConfigMap("a");
        DeleteResult r = delete(configmaps, CONFIGMAPS, "a", DeleteOptions.DEFAULT);
        assertThat(r.deletedNow()).isTrue();
        assertThat(Meta.uid(r.object())).isEqualTo(Meta.uid(cm));
        assertThat(Meta.resourceVersion(r.object())).as("the deletion's revision").isEqualTo(Long.toString(f.store.currentRevision()));
        assertThat(f.store.get(CONFIGMAPS.key("default", "a"))).isEmpty();

        ApiException again = apiError(() -> delete(configmaps, CONFIGMAPS, "a", DeleteOptions.DEFAULT));
        assertThat(again.code()).isEqualTo(404);
        assertThat(again.getMessage()).isEqualTo("configmaps \"a\" not found");
    }

    @Test
    void preconditionsThatDoNotMatchAreConflictsWithUpstreamsWording() {
        ObjectNode cm = createConfigMap("a");
        ApiException uid = apiError(() -> delete(configmaps, CONFIGMAPS, "a", new DeleteOptions(null, null, "other-uid", null)));
        assertThat(uid.code()).isEqualTo(409);
        assertThat(uid.reason()).isEqualTo("Conflict");
        assertThat(uid.getMessage()).isEqualTo("Operation cannot be fulfilled on ConfigMap \"a\": the UID in the precondition (other-uid) "
                + "does not match the UID in record (" + Meta.uid(cm) + "). The object might have been deleted and then recreated");

        ApiException rv = apiError(() -> delete(configmaps, CONFIGMAPS, "a", new DeleteOptions(null, null, null, "999999")));
        assertThat(rv.code()).isEqualTo(409);
        assertThat(rv.getMessage()).isEqualTo("Operation cannot be fulfilled on ConfigMap \"a\": the ResourceVersion in the precondition (999999) "
                + "does not match the ResourceVersion in record (" + Meta.resourceVersion(cm) + "). The object might have been modified");
        assertThat(f.store.get(CONFIGMAPS.key("default", "a"))).isPresent();

        DeleteResult ok = delete(configmaps, CONFIGMAPS, "a", new DeleteOptions(null, null, Meta.uid(cm), Meta.resourceVersion(cm)));
        assertThat(ok.deletedNow()).isTrue();
    }

    @Test
    void groupedKindsNameTheirGroupInPreconditionConflicts() {
        ResourceStorage deployments = f.storage(DEPLOYMENTS);
        deployments.create(ctx(), DEPLOYMENTS, "default", ResourceStorageUpdateTest.deployment("web"));
        ApiException e = apiError(() -> delete(deployments, DEPLOYMENTS, "web", new DeleteOptions(null, null, "x", null)));
        assertThat(e.getMessage()).startsWith("Operation cannot be fulfilled on Deployment.apps \"web\": the UID in the precondition (x)");
    }

    // ------------------------------------------------------------------ finalizers

    @Test
    void finalizersKeepTheObjectMarkedUntilTheLastOneIsRemoved() {
        createConfigMap("a", HOLD, "example.com/other");
        f.clock.advanceSeconds(10);
        DeleteResult r = delete(configmaps, CONFIGMAPS, "a", DeleteOptions.DEFAULT);
        assertThat(r.deletedNow()).isFalse();
        ObjectNode marked = configmaps.get("default", "a", "");
        assertThat(Json.string(marked)).isEqualTo(Json.string(r.object()));
        assertThat(deletionTimestamp(marked)).isEqualTo(f.clock.instant());
        assertThat(gracePeriod(marked)).isEqualTo(0);

        // deleting again changes nothing
        long before = f.store.currentRevision();
        f.clock.advanceSeconds(10);
        DeleteResult again = delete(configmaps, CONFIGMAPS, "a", DeleteOptions.DEFAULT);
        assertThat(again.deletedNow()).isFalse();
        assertThat(again.object()).isEqualTo(marked);
        assertThat(f.store.currentRevision()).isEqualTo(before);

        // removing one finalizer keeps it, removing the last one deletes it
        WriteResult one = configmaps.update(ctx(), CONFIGMAPS, "default", "a", "", false, cur -> {
            ((ArrayNode) cur.path("metadata").path("finalizers")).remove(0);
            return cur;
        });
        assertThat(finalizers(one.object())).containsExactly("example.com/other");
        assertThat(f.store.get(CONFIGMAPS.key("default", "a"))).isPresent();

        configmaps.update(ctx(), CONFIGMAPS, "default", "a", "", false, cur -> {
            Meta.meta(cur).remove("finalizers");
            return cur;
        });
        assertThat(f.store.get(CONFIGMAPS.key("default", "a"))).isEmpty();
        assertThat(apiError(() -> configmaps.get("default", "a", "")).code()).isEqualTo(404);
    }

    @Test
    void markingAnObjectWithAGenerationAsDeletingBumpsIt() {
        ResourceStorage deployments = f.storage(DEPLOYMENTS);
        ObjectNode d = ResourceStorageUpdateTest.deployment("web");
        Meta.meta(d).putArray("finalizers").add(HOLD);
        deployments.create(ctx(), DEPLOYMENTS, "default", d);
        ObjectNode marked = delete(deployments, DEPLOYMENTS, "web", DeleteOptions.DEFAULT).object();
        assertThat(marked.path("metadata").path("generation").asLong()).isEqualTo(2);
        // only the first deletion request moves it
        ObjectNode again = delete(deployments, DEPLOYMENTS, "web", DeleteOptions.DEFAULT).object();
        assertThat(again.path("metadata").path("generation").asLong()).isEqualTo(2);
    }

    @Test
    void propagationPoliciesAddTheGarbageCollectorsFinalizers() {
        createConfigMap("orphaned");
        DeleteResult orphan = delete(configmaps, CONFIGMAPS, "orphaned", policy("Orphan"));
        assertThat(orphan.deletedNow()).isFalse();
        assertThat(finalizers(orphan.object())).containsExactly("orphan");
        assertThat(Meta.isDeleting(orphan.object())).isTrue();

        createConfigMap("fg", HOLD);
        DeleteResult fg = delete(configmaps, CONFIGMAPS, "fg", policy("Foreground"));
        assertThat(fg.deletedNow()).isFalse();
        assertThat(finalizers(fg.object())).containsExactly(HOLD, "foregroundDeletion");

        createConfigMap("bg");
        assertThat(delete(configmaps, CONFIGMAPS, "bg", policy("Background")).deletedNow()).isTrue();
    }

    @Test
    void aPropagationPolicyReplacesTheOtherGarbageCollectorFinalizer() {
        createConfigMap("was-orphan", "orphan");
        DeleteResult fg = delete(configmaps, CONFIGMAPS, "was-orphan", policy("Foreground"));
        assertThat(finalizers(fg.object())).containsExactly("foregroundDeletion");

        // a background delete drops a pending orphan finalizer, and with nothing left the object goes at once
        createConfigMap("bg", "orphan");
        DeleteResult bg = delete(configmaps, CONFIGMAPS, "bg", policy("Background"));
        assertThat(bg.deletedNow()).isTrue();
        assertThat(f.store.get(CONFIGMAPS.key("default", "bg"))).isEmpty();

        createConfigMap("bg-held", "orphan", HOLD);
        DeleteResult held = delete(configmaps, CONFIGMAPS, "bg-held", policy("Background"));
        assertThat(held.deletedNow()).isFalse();
        assertThat(finalizers(held.object())).containsExactly(HOLD);
    }

    @Test
    void anUnknownPropagationPolicyIsInvalid() {
        createConfigMap("a");
        ApiException e = apiError(() -> delete(configmaps, CONFIGMAPS, "a", policy("Sideways")));
        assertThat(e.code()).isEqualTo(422);
        assertThat(e.getMessage()).isEqualTo("DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: "
                + "\"Sideways\": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"");
    }

    // ------------------------------------------------------------------ graceful deletion of pods

    private ObjectNode createPod(String name, String node, Long terminationGrace) {
        ObjectNode pod = yaml("{apiVersion: v1, kind: Pod, metadata: {name: " + name + "}, spec: {containers: [{name: c, image: i}]}}");
        if (node != null) {
            Json.with(pod, "spec").put("nodeName", node);
        }
        if (terminationGrace != null) {
            Json.with(pod, "spec").put("terminationGracePeriodSeconds", terminationGrace);
        }
        return pods.create(ctx(), PODS, "default", pod);
    }

    @Test
    void podsOnANodeAreDeletedGracefullyWithTheirOwnOrTheDefaultPeriod() {
        createPod("own", "node-1", 45L);
        createPod("default", "node-1", null);
        createPod("asked", "node-1", 45L);

        DeleteResult own = delete(pods, PODS, "own", DeleteOptions.DEFAULT);
        assertThat(own.deletedNow()).isFalse();
        assertThat(gracePeriod(own.object())).isEqualTo(45);
        assertThat(deletionTimestamp(own.object())).isEqualTo(f.clock.instant().plusSeconds(45));

        assertThat(gracePeriod(delete(pods, PODS, "default", DeleteOptions.DEFAULT).object())).isEqualTo(30);
        assertThat(gracePeriod(delete(pods, PODS, "asked", grace(10)).object())).isEqualTo(10);
        assertThat(names(pods.list(listAll("default")))).containsExactly("asked", "default", "own");
    }

    @Test
    void unscheduledAndFinishedPodsGoAtOnce() {
        createPod("pending", null, null);
        assertThat(delete(pods, PODS, "pending", DeleteOptions.DEFAULT).deletedNow()).isTrue();

        createPod("done", "node-1", null);
        pods.update(ctx(), PODS, "default", "done", "status", false, cur -> {
            Json.with(cur, "status").put("phase", "Succeeded");
            return cur;
        });
        assertThat(delete(pods, PODS, "done", DeleteOptions.DEFAULT).deletedNow()).isTrue();
    }

    @Test
    void aSecondDeleteWithGraceZeroRemovesAGracefullyDeletedPod() {
        createPod("p", "node-1", null);
        delete(pods, PODS, "p", DeleteOptions.DEFAULT);
        DeleteResult now = delete(pods, PODS, "p", grace(0));
        assertThat(now.deletedNow()).isTrue();
        assertThat(f.store.get(PODS.key("default", "p"))).isEmpty();
    }

    @Test
    void aLaterDeleteMayOnlyShortenTheGracePeriodCountedFromTheFirstRequest() {
        createPod("p", "node-1", null);
        Instant first = f.clock.instant();
        ObjectNode marked = delete(pods, PODS, "p", grace(60)).object();
        assertThat(deletionTimestamp(marked)).isEqualTo(first.plusSeconds(60));

        f.clock.advanceSeconds(5);
        long before = f.store.currentRevision();
        DeleteResult noGrace = delete(pods, PODS, "p", DeleteOptions.DEFAULT);
        assertThat(gracePeriod(noGrace.object())).as("no grace period asked: the pending one stays").isEqualTo(60);
        assertThat(f.store.currentRevision()).isEqualTo(before);

        DeleteResult longer = delete(pods, PODS, "p", grace(120));
        assertThat(gracePeriod(longer.object())).isEqualTo(60);

        DeleteResult shorter = delete(pods, PODS, "p", grace(20));
        assertThat(shorter.deletedNow()).isFalse();
        assertThat(gracePeriod(shorter.object())).isEqualTo(20);
        assertThat(deletionTimestamp(shorter.object())).isEqualTo(first.plusSeconds(20));
    }

    @Test
    void aNegativeGracePeriodMeansOneSecond() {
        createPod("p", "node-1", null);
        DeleteResult r = delete(pods, PODS, "p", grace(-5));
        assertThat(r.deletedNow()).isFalse();
        assertThat(gracePeriod(r.object())).isEqualTo(1);
    }

    @Test
    void aPodWithFinalizersStaysAfterItsGracePeriodIsCutToZero() {
        ObjectNode pod = yaml("{apiVersion: v1, kind: Pod, metadata: {name: p, finalizers: [" + HOLD + "]}, "
                + "spec: {nodeName: node-1, containers: [{name: c, image: i}]}}");
        pods.create(ctx(), PODS, "default", pod);
        delete(pods, PODS, "p", DeleteOptions.DEFAULT);
        DeleteResult r = delete(pods, PODS, "p", grace(0));
        assertThat(r.deletedNow()).isFalse();
        assertThat(gracePeriod(r.object())).isEqualTo(0);
        assertThat(f.store.get(PODS.key("default", "p"))).isPresent();
    }

    // ------------------------------------------------------------------ dry run and collections

    @Test
    void dryRunDeleteWritesNothing() {
        createConfigMap("a");
        createConfigMap("held", HOLD);
        createPod("p", "node-1", null);
        long before = f.store.currentRevision();

        assertThat(configmaps.delete(dryRun(), CONFIGMAPS, "default", "a", DeleteOptions.DEFAULT).deletedNow()).isTrue();
        DeleteResult held = configmaps.delete(dryRun(), CONFIGMAPS, "default", "held", DeleteOptions.DEFAULT);
        assertThat(Meta.isDeleting(held.object())).isTrue();
        DeleteResult pod = pods.delete(dryRun(), PODS, "default", "p", DeleteOptions.DEFAULT);
        assertThat(gracePeriod(pod.object())).isEqualTo(30);

        assertThat(f.store.currentRevision()).isEqualTo(before);
        assertThat(Meta.isDeleting(configmaps.get("default", "held", ""))).isFalse();
        assertThat(Meta.isDeleting(pods.get("default", "p", ""))).isFalse();
    }

    @Test
    void deleteCollectionDeletesWhatTheSelectorsMatch() {
        configmaps.create(ctx(), CONFIGMAPS, "default", configMap("a", "app", "web"));
        configmaps.create(ctx(), CONFIGMAPS, "default", configMap("b", "app", "db"));
        ObjectNode held = configMap("c", "app", "web");
        Meta.meta(held).putArray("finalizers").add(HOLD);
        configmaps.create(ctx(), CONFIGMAPS, "default", held);
        configmaps.create(ctx(), CONFIGMAPS, "other", configMap("d", "app", "web"));

        List<ObjectNode> deleted = configmaps.deleteCollection(ctx(), CONFIGMAPS,
                new ListOptions(filter("default", "app=web", ""), "", "", 0, null), DeleteOptions.DEFAULT);
        assertThat(deleted).extracting(Meta::name).containsExactly("a", "c");
        assertThat(names(configmaps.list(listAll(null)))).containsExactly("b", "c", "d");
        assertThat(Meta.isDeleting(configmaps.get("default", "c", ""))).isTrue();

        List<ObjectNode> byField = configmaps.deleteCollection(ctx(), CONFIGMAPS,
                new ListOptions(filter(null, "", "metadata.name=d"), "", "", 0, null), DeleteOptions.DEFAULT);
        assertThat(byField).extracting(Meta::name).containsExactly("d");
        assertThat(names(configmaps.list(listAll(null)))).containsExactly("b", "c");
    }
}
