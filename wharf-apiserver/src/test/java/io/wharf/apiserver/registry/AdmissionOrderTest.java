package io.wharf.apiserver.registry;

import static io.wharf.apiserver.registry.StorageFixture.apiError;
import static io.wharf.apiserver.registry.StorageFixture.ctx;
import static io.wharf.apiserver.registry.StorageFixture.type;
import static io.wharf.apiserver.registry.StorageFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.wharf.api.json.Json;
import io.wharf.apiserver.admission.AdmissionPlugin;
import io.wharf.apiserver.admission.AdmissionRequest;
import io.wharf.apiserver.resources.ResourceType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the storage calls admission, as upstream's handlers and registry do: decode and defaults,
 * then the mutating phase, then the strategy's preparation and validation, then the validating
 * phase, then the write.
 */
class AdmissionOrderTest {
    private static final ResourceType PODS = type("", "v1", "pods");

    /** Notes what each phase sees of the pod. */
    private static final class Observer implements AdmissionPlugin {
        final List<String> seen = new ArrayList<>();

        @Override
        public String name() {
            return "Observer";
        }

        @Override
        public void admit(AdmissionRequest r) {
            seen.add(r.operation() + " admit: " + describe(r));
            if (r.object() != null) {
                // a mutating plugin's change must reach validation and the store
                Json.with(Meta.meta(r.object()), "labels").put("admitted", "yes");
            }
        }

        @Override
        public void validate(AdmissionRequest r) {
            seen.add(r.operation() + " validate: " + describe(r));
        }

        private static String describe(AdmissionRequest r) {
            if (r.object() == null) {
                return "no object";
            }
            return "defaulted=" + r.object().at("/spec/containers/0").has("terminationMessagePath")
                    + " uid=" + r.object().at("/metadata").has("uid")
                    + " labelled=" + r.object().at("/metadata/labels").has("admitted");
        }
    }

    @TempDir
    Path dir;
    StorageFixture f;
    Observer observer = new Observer();

    @BeforeEach
    void setUp() {
        f = new StorageFixture(dir, List.of(observer));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void defaultsComeBeforeMutatingAdmissionAndStrategyValidationBeforeValidatingAdmission() {
        ResourceStorage pods = f.storage(PODS);
        pods.create(ctx(), PODS, "default", yaml("metadata: {name: p}\nspec: {containers: [{name: a, image: nginx}]}"));
        assertThat(observer.seen).containsExactly(
                "CREATE admit: defaulted=true uid=false labelled=false",
                "CREATE validate: defaulted=true uid=true labelled=true");
        assertThat(pods.get("default", "p", "").at("/metadata/labels/admitted").asText()).isEqualTo("yes");

        observer.seen.clear();
        assertThat(apiError(() -> pods.create(ctx(), PODS, "default", yaml("metadata: {name: Not_A_Name}\nspec: {containers: [{name: a, image: nginx}]}"))).code())
                .isEqualTo(422);
        assertThat(observer.seen).as("an invalid object never reaches the validating phase")
                .containsExactly("CREATE admit: defaulted=true uid=false labelled=false");
    }

    @Test
    void updatesAndDeletesGoThroughBothPhases() {
        ResourceStorage pods = f.storage(PODS);
        pods.create(ctx(), PODS, "default", yaml("metadata: {name: p}\nspec: {containers: [{name: a, image: nginx}]}"));
        observer.seen.clear();
        pods.update(ctx(), PODS, "default", "p", "", false, old -> {
            Json.with(Meta.meta(old), "annotations").put("x", "y");
            return old;
        });
        pods.delete(ctx(), PODS, "default", "p", DeleteOptions.DEFAULT);
        assertThat(observer.seen).containsExactly(
                "UPDATE admit: defaulted=true uid=true labelled=true",
                "UPDATE validate: defaulted=true uid=true labelled=true",
                "DELETE admit: no object",
                "DELETE validate: no object");
    }
}
