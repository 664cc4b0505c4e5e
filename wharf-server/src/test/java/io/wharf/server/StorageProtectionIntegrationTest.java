package io.wharf.server;

import static io.wharf.server.InProcessCluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protection finalizers StorageObjectInUseProtection adds, and the controllers that lift them:
 * an unused claim or an unbound volume goes as soon as it is deleted, one in use stays until it is
 * no longer used.
 */
class StorageProtectionIntegrationTest {
    @TempDir
    static Path dir;
    static InProcessCluster cluster;
    private static final String CLAIMS = "/api/v1/namespaces/default/persistentvolumeclaims";
    private static final String VOLUMES = "/api/v1/persistentvolumes";

    @BeforeAll
    static void start() throws Exception {
        cluster = new InProcessCluster(dir);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    static String claim(String name) {
        return """
                {"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"%s"},
                 "spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}""".formatted(name);
    }

    static String volume(String name) {
        return """
                {"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"%s"},
                 "spec":{"capacity":{"storage":"1Gi"},"accessModes":["ReadWriteOnce"],"hostPath":{"path":"/tmp/%s"}}}""".formatted(name, name);
    }

    static Boolean gone(String path) throws Exception {
        return cluster.get(path).statusCode() == 404 ? true : null;
    }

    @Test
    void aClaimGoesOnceNoScheduledPodUsesIt() throws Exception {
        cluster.created(CLAIMS, claim("busy"));
        cluster.created("/api/v1/namespaces/default/pods", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"db"},
                 "spec":{"nodeName":"node-1","containers":[{"name":"db","image":"postgres"}],
                         "volumes":[{"name":"data","persistentVolumeClaim":{"claimName":"busy"}}]}}""");
        assertThat(cluster.delete(CLAIMS + "/busy").statusCode()).isEqualTo(200);

        // one worker takes claims in order, so once a claim deleted later is gone, "busy" was looked at
        cluster.created(CLAIMS, claim("free"));
        assertThat(cluster.delete(CLAIMS + "/free").statusCode()).isEqualTo(200);
        eventually(() -> gone(CLAIMS + "/free"));
        JsonNode held = cluster.json(CLAIMS + "/busy");
        assertThat(held.at("/metadata/deletionTimestamp").isMissingNode()).isFalse();
        assertThat(held.at("/metadata/finalizers/0").asText()).isEqualTo("kubernetes.io/pvc-protection");

        assertThat(cluster.delete("/api/v1/namespaces/default/pods/db?gracePeriodSeconds=0").statusCode()).isEqualTo(200);
        eventually(() -> gone(CLAIMS + "/busy"));
    }

    @Test
    void aVolumeGoesOnceItIsNoLongerBound() throws Exception {
        cluster.created(VOLUMES, volume("bound"));
        assertThat(cluster.patch(VOLUMES + "/bound/status", "application/merge-patch+json", "{\"status\":{\"phase\":\"Bound\"}}")
                .statusCode()).isEqualTo(200);
        assertThat(cluster.delete(VOLUMES + "/bound").statusCode()).isEqualTo(200);
        cluster.created(VOLUMES, volume("loose"));
        assertThat(cluster.delete(VOLUMES + "/loose").statusCode()).isEqualTo(200);
        eventually(() -> gone(VOLUMES + "/loose"));
        assertThat(cluster.json(VOLUMES + "/bound").at("/metadata/finalizers/0").asText()).isEqualTo("kubernetes.io/pv-protection");

        assertThat(cluster.patch(VOLUMES + "/bound/status", "application/merge-patch+json", "{\"status\":{\"phase\":\"Released\"}}")
                .statusCode()).isEqualTo(200);
        eventually(() -> gone(VOLUMES + "/bound"));
    }
}
