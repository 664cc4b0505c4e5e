package io.wharf.apiserver.admission;

import static io.wharf.apiserver.registry.StorageFixture.ctx;
import static io.wharf.apiserver.registry.StorageFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.apiserver.admission.quota.StorageQuotaStatusWriter;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.registry.ResourceStorage;
import io.wharf.apiserver.registry.StorageFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugins' view of other objects and their quota writes, on real storages. */
class StorageClusterObjectsTest {
    @TempDir
    Path dir;
    StorageFixture f;
    StorageClusterObjects objects;

    @BeforeEach
    void setUp() {
        f = new StorageFixture(dir);
        objects = new StorageClusterObjects(f::storage);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void listsSeeWhatWasJustWrittenWithDefaultsAppliedAndOnlyInTheNamespace() {
        ResourceStorage limitRanges = f.storage("", "limitranges");
        limitRanges.create(ctx(), limitRanges.type(), "a", yaml("metadata: {name: lr}\nspec: {limits: [{type: Container, default: {cpu: 1}}]}"));
        limitRanges.create(ctx(), limitRanges.type(), "b", yaml("metadata: {name: other}\nspec: {limits: [{type: Pod}]}"));
        assertThat(objects.list("", "limitranges", "a")).singleElement()
                .satisfies(lr -> assertThat(lr.at("/spec/limits/0/defaultRequest/cpu").asText()).as("LimitRange defaults").isEqualTo("1"));
        assertThat(objects.list("", "limitranges", "")).hasSize(2);
        assertThat(objects.list("", "limitranges", "c")).isEmpty();
    }

    @Test
    void getFindsAnObjectOrNothing() {
        ResourceStorage classes = f.storage("scheduling.k8s.io", "priorityclasses");
        classes.create(ctx(), classes.type(), "", yaml("metadata: {name: high}\nvalue: 10"));
        assertThat(objects.get("scheduling.k8s.io", "priorityclasses", "", "high")).get()
                .satisfies(pc -> assertThat(pc.at("/preemptionPolicy").asText()).isEqualTo("PreemptLowerPriority"));
        assertThat(objects.get("scheduling.k8s.io", "priorityclasses", "", "low")).isEmpty();
    }

    @Test
    void quotaStatusIsWrittenOnlyOverTheVersionItWasComputedFrom() {
        ResourceStorage quotas = f.storage("", "resourcequotas");
        quotas.create(ctx(), quotas.type(), "ns", yaml("metadata: {name: q}\nspec: {hard: {pods: '2'}}"));
        StorageQuotaStatusWriter writer = new StorageQuotaStatusWriter(() -> quotas);
        ObjectNode read = objects.get("", "resourcequotas", "ns", "q").orElseThrow();
        ObjectNode charged = read.deepCopy();
        charged.set("status", yaml("hard: {pods: '2'}\nused: {pods: '1'}"));
        writer.writeStatus(charged);
        assertThat(objects.get("", "resourcequotas", "ns", "q").orElseThrow().at("/status/used/pods").asText()).isEqualTo("1");

        ObjectNode stale = read.deepCopy();
        stale.set("status", yaml("hard: {pods: '2'}\nused: {pods: '2'}"));
        ApiException e = org.assertj.core.api.Assertions.catchThrowableOfType(() -> writer.writeStatus(stale), ApiException.class);
        assertThat(e.code()).isEqualTo(409);
        assertThat(objects.get("", "resourcequotas", "ns", "q").orElseThrow().at("/status/used/pods").asText()).isEqualTo("1");
    }
}
