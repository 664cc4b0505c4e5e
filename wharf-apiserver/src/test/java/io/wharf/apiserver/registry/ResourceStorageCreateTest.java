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
import io.wharf.apiserver.admission.AdmissionPlugin;
import io.wharf.apiserver.admission.AdmissionRequest;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.resources.ResourceType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceStorageCreateTest {
    private static final ResourceType CONFIGMAPS = type("", "v1", "configmaps");
    private static final ResourceType DEPLOYMENTS = type("apps", "v1", "deployments");
    private static final ResourceType PODS = type("", "v1", "pods");
    private static final ResourceType NODES = type("", "v1", "nodes");
    private static final ResourceType NAMESPACES = type("", "v1", "namespaces");
    private static final ResourceType CLUSTERROLES = type("rbac.authorization.k8s.io", "v1", "clusterroles");

    @TempDir
    Path dir;
    StorageFixture f;
    ResourceStorage configmaps;

    @BeforeEach
    void setUp() {
        f = new StorageFixture(dir);
        configmaps = f.storage(CONFIGMAPS);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void createFillsServerOwnedMetadataAndOverridesClientValues() {
        ObjectNode cm = configMap("a");
        ObjectNode meta = Meta.meta(cm);
        meta.put("uid", "client-uid");
        meta.put("creationTimestamp", "2000-01-01T00:00:00Z");
        meta.put("generation", 7);
        meta.put("deletionTimestamp", "2000-01-01T00:00:00Z");
        meta.put("deletionGracePeriodSeconds", 5);
        meta.put("selfLink", "/api/v1/namespaces/default/configmaps/a");

        ObjectNode created = configmaps.create(ctx(), CONFIGMAPS, "default", cm);

        assertThat(Meta.uid(created)).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(Json.text(created, "metadata", "creationTimestamp")).isEqualTo("2024-05-01T12:00:00Z");
        assertThat(Meta.namespace(created)).isEqualTo("default");
        assertThat(Meta.resourceVersion(created)).isEqualTo(Long.toString(f.store.currentRevision()));
        assertThat(created.path("metadata").has("generation")).as("configmaps do not track generation").isFalse();
        assertThat(created.path("metadata").has("deletionTimestamp")).isFalse();
        assertThat(created.path("metadata").has("deletionGracePeriodSeconds")).isFalse();
        assertThat(created.path("metadata").has("selfLink")).isFalse();

        ObjectNode stored = configmaps.get("default", "a", "");
        assertThat(stored).isEqualTo(created);
    }

    @Test
    void kindsThatTrackGenerationStartAtOne() {
        ObjectNode d = deployment("web");
        Meta.meta(d).put("generation", 42);
        ObjectNode created = f.storage(DEPLOYMENTS).create(ctx(), DEPLOYMENTS, "default", d);
        assertThat(created.path("metadata").path("generation").asLong()).isEqualTo(1);
    }

    @Test
    void createDropsStatusForKindsWithAStatusSubresource() {
        ObjectNode d = deployment("web");
        d.putObject("status").put("replicas", 3).put("readyReplicas", 3);
        ObjectNode created = f.storage(DEPLOYMENTS).create(ctx(), DEPLOYMENTS, "default", d);
        assertThat(created.has("status")).isFalse();

        ObjectNode ns = yaml("{apiVersion: v1, kind: Namespace, metadata: {name: team-a}, status: {phase: Terminating}}");
        ObjectNode createdNs = f.storage(NAMESPACES).create(ctx(), NAMESPACES, "", ns);
        assertThat(Json.text(createdNs, "status", "phase")).isEqualTo("Active");
    }

    @Test
    void nodesKeepTheStatusTheyAreCreatedWith() {
        ObjectNode node = yaml("""
                apiVersion: v1
                kind: Node
                metadata: {name: node-1}
                status:
                  capacity: {cpu: '4', memory: 8Gi}
                  conditions: [{type: Ready, status: 'True'}]
                """);
        ObjectNode created = f.storage(NODES).create(ctx(), NODES, "", node);
        assertThat(Json.text(created, "status", "capacity", "cpu")).isEqualTo("4");
        assertThat(created.path("status").path("conditions").get(0).path("type").asText()).isEqualTo("Ready");
    }

    @Test
    void podsStartPendingWithTheirQosClassWhateverStatusTheClientSent() {
        ObjectNode pod = yaml("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec: {containers: [{name: c, image: nginx}]}
                status: {phase: Running, podIP: 10.0.0.9}
                """);
        ObjectNode created = f.storage(PODS).create(ctx(), PODS, "default", pod);
        assertThat(created.path("status").size()).isEqualTo(2);
        assertThat(Json.text(created, "status", "phase")).isEqualTo("Pending");
        assertThat(Json.text(created, "status", "qosClass")).isEqualTo("BestEffort");
    }

    @Test
    void generateNameAppendsFiveCharactersFromUpstreamsAlphabet() {
        ObjectNode cm = yaml("{apiVersion: v1, kind: ConfigMap, metadata: {generateName: cache-}}");
        ObjectNode created = configmaps.create(ctx(), CONFIGMAPS, "default", cm);
        assertThat(Meta.name(created)).matches("cache-[bcdfghjklmnpqrstvwxz2456789]{5}");
        assertThat(Json.text(created, "metadata", "generateName")).isEqualTo("cache-");
        assertThat(configmaps.get("default", Meta.name(created), "")).isNotNull();
    }

    @Test
    void generateNameTruncatesALongPrefixSoTheNameFitsInALabel() {
        String prefix = "p".repeat(70);
        ObjectNode cm = yaml("{apiVersion: v1, kind: ConfigMap, metadata: {generateName: " + prefix + "}}");
        ObjectNode created = configmaps.create(ctx(), CONFIGMAPS, "default", cm);
        assertThat(Meta.name(created)).hasSize(63).startsWith("p".repeat(58));
    }

    @Test
    void anExplicitNameWinsOverGenerateName() {
        ObjectNode cm = yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: fixed, generateName: gen-}}");
        assertThat(Meta.name(configmaps.create(ctx(), CONFIGMAPS, "default", cm))).isEqualTo("fixed");
    }

    @Test
    void aGeneratedNameThatIsTakenIsRetriedWithAnotherName() {
        List<String> tried = new ArrayList<>();
        // Someone else takes each of the first two generated names just before the write.
        StorageFixture g = new StorageFixture(dir.resolve("g"), List.of(new NameSquatter(tried, 2)));
        try {
            ResourceStorage s = g.storage(CONFIGMAPS);
            squatterStore = g;
            ObjectNode created = s.create(ctx(), CONFIGMAPS, "default",
                    yaml("{apiVersion: v1, kind: ConfigMap, metadata: {generateName: web-}}"));
            assertThat(tried).hasSize(3).doesNotHaveDuplicates();
            assertThat(Meta.name(created)).isEqualTo(tried.get(2));
        } finally {
            g.close();
        }
    }

    @Test
    void generateNameGivesUpAfterEightAttemptsWithUpstreamsConflict() {
        List<String> tried = new ArrayList<>();
        StorageFixture g = new StorageFixture(dir.resolve("g"), List.of(new NameSquatter(tried, Integer.MAX_VALUE)));
        try {
            ResourceStorage s = g.storage(CONFIGMAPS);
            squatterStore = g;
            ApiException e = apiError(() -> s.create(ctx(), CONFIGMAPS, "default",
                    yaml("{apiVersion: v1, kind: ConfigMap, metadata: {generateName: web-}}")));
            assertThat(tried).hasSize(8);
            assertThat(e.code()).isEqualTo(409);
            assertThat(e.reason()).isEqualTo("AlreadyExists");
            assertThat(e.getMessage()).isEqualTo("configmaps \"" + tried.get(7)
                    + "\" already exists, the server was not able to generate a unique name for the object");
            assertThat(e.retryAfterSeconds()).isEqualTo(1);
        } finally {
            g.close();
        }
    }

    private StorageFixture squatterStore;

    /** An admission plugin that writes the key of the name being created first, for the first {@code times} attempts. */
    private final class NameSquatter implements AdmissionPlugin {
        private final List<String> tried;
        private final int times;

        NameSquatter(List<String> tried, int times) {
            this.tried = tried;
            this.times = times;
        }

        @Override
        public String name() {
            return "NameSquatter";
        }

        @Override
        public void validate(AdmissionRequest r) {
            tried.add(r.name());
            if (tried.size() <= times) {
                try {
                    squatterStore.store.create(CONFIGMAPS.key(r.namespace(), r.name()), Json.bytes(configMap(r.name())))
                            .get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Test
    void creatingAnExistingNameIsAlreadyExists() {
        configmaps.create(ctx(), CONFIGMAPS, "default", configMap("a"));
        ApiException e = apiError(() -> configmaps.create(ctx(), CONFIGMAPS, "default", configMap("a")));
        assertThat(e.code()).isEqualTo(409);
        assertThat(e.reason()).isEqualTo("AlreadyExists");
        assertThat(e.getMessage()).isEqualTo("configmaps \"a\" already exists");
        assertThat(e.toStatus().path("details").path("kind").asText()).isEqualTo("configmaps");
    }

    @Test
    void creatingANameWhoseObjectIsBeingDeletedSaysSo() {
        ObjectNode cm = configMap("a");
        Meta.meta(cm).putArray("finalizers").add("example.com/hold");
        configmaps.create(ctx(), CONFIGMAPS, "default", cm);
        configmaps.delete(ctx(), CONFIGMAPS, "default", "a", DeleteOptions.DEFAULT);

        ApiException e = apiError(() -> configmaps.create(ctx(), CONFIGMAPS, "default", configMap("a")));
        assertThat(e.code()).isEqualTo(409);
        assertThat(e.reason()).isEqualTo("AlreadyExists");
        assertThat(e.getMessage()).isEqualTo("object is being deleted: configmaps \"a\" already exists");
    }

    @Test
    void aResourceVersionOnCreateIsRejectedAsUpstreamsStorageDoes() {
        ObjectNode cm = configMap("a");
        Meta.meta(cm).put("resourceVersion", "12");
        ApiException e = apiError(() -> configmaps.create(ctx(), CONFIGMAPS, "default", cm));
        assertThat(e.code()).isEqualTo(500);
        assertThat(e.getMessage()).isEqualTo("Internal error occurred: resourceVersion should not be set on objects to be created");
        assertThat(f.store.get(CONFIGMAPS.key("default", "a"))).isEmpty();
    }

    @Test
    void anEmptyResourceVersionOnCreateIsFine() {
        ObjectNode cm = configMap("a");
        Meta.meta(cm).put("resourceVersion", "");
        assertThat(Meta.resourceVersion(configmaps.create(ctx(), CONFIGMAPS, "default", cm))).isNotEmpty();
    }

    @Test
    void anObjectInAnotherNamespaceThanTheRequestIsABadRequest() {
        ObjectNode cm = configMap("a");
        Meta.meta(cm).put("namespace", "other");
        ApiException e = apiError(() -> configmaps.create(ctx(), CONFIGMAPS, "default", cm));
        assertThat(e.code()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("the namespace of the provided object does not match the namespace sent on the request");
    }

    @Test
    void clusterScopedObjectsLoseANamespaceTheyWereSentWith() {
        ObjectNode role = yaml("{apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRole, metadata: {name: reader, namespace: default}}");
        ObjectNode created = f.storage(CLUSTERROLES).create(ctx(), CLUSTERROLES, "", role);
        assertThat(created.path("metadata").has("namespace")).isFalse();
        assertThat(f.store.get("/registry/rbac.authorization.k8s.io/clusterroles/reader")).isPresent();
    }

    @Test
    void invalidNamesAreRejectedWith422AndTheFieldCause() {
        ApiException e = apiError(() -> configmaps.create(ctx(), CONFIGMAPS, "default", configMap("Not_Valid")));
        assertThat(e.code()).isEqualTo(422);
        assertThat(e.reason()).isEqualTo("Invalid");
        assertThat(e.getMessage()).startsWith("ConfigMap \"Not_Valid\" is invalid: metadata.name: Invalid value: \"Not_Valid\": ");
        assertThat(e.causes()).extracting(c -> c.field()).containsExactly("metadata.name");

        ApiException missing = apiError(() -> configmaps.create(ctx(), CONFIGMAPS, "default",
                yaml("{apiVersion: v1, kind: ConfigMap, metadata: {}}")));
        assertThat(missing.getMessage()).isEqualTo("ConfigMap \"\" is invalid: metadata.name: Required value: name or generateName is required");
    }

    @Test
    void dryRunCreateAnswersTheObjectButWritesNothing() {
        long before = f.store.currentRevision();
        ObjectNode created = configmaps.create(dryRun(), CONFIGMAPS, "default", configMap("a"));
        assertThat(Meta.uid(created)).isNotEmpty();
        assertThat(Meta.resourceVersion(created)).isNull();
        assertThat(f.store.currentRevision()).isEqualTo(before);
        assertThat(apiError(() -> configmaps.get("default", "a", "")).code()).isEqualTo(404);
    }

    @Test
    void dryRunCreateOfAnExistingNameIsStillAlreadyExists() {
        configmaps.create(ctx(), CONFIGMAPS, "default", configMap("a"));
        ApiException e = apiError(() -> configmaps.create(dryRun(), CONFIGMAPS, "default", configMap("a")));
        assertThat(e.code()).isEqualTo(409);
        assertThat(e.reason()).isEqualTo("AlreadyExists");
    }

    private static ObjectNode deployment(String name) {
        return yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: c, image: nginx}]}
                """.formatted(name));
    }
}
