package io.wharf.apiserver.admission;

import static io.wharf.apiserver.admission.Requests.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.errors.StatusCause;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamespaceLifecycleTest {
    private final NamespaceLifecycle plugin = new NamespaceLifecycle(name -> Map.of(
            "live", NamespaceLifecycle.Phase.ACTIVE,
            "dying", NamespaceLifecycle.Phase.TERMINATING).getOrDefault(name, NamespaceLifecycle.Phase.MISSING));

    @Test
    void createsAndUpdatesInAMissingNamespaceAreNotFound() {
        ApiException created = catchThrowableOfType(
                () -> plugin.admit(Requests.create("", "configmaps", "gone", yaml("metadata: {name: a}"))), ApiException.class);
        assertThat(created.code()).isEqualTo(404);
        assertThat(created.getMessage()).isEqualTo("namespaces \"gone\" not found");
        ApiException updated = catchThrowableOfType(() -> plugin.admit(Requests.update("", "configmaps", "gone",
                yaml("metadata: {name: a}"), yaml("metadata: {name: a}"))), ApiException.class);
        assertThat(updated.code()).isEqualTo(404);
    }

    @Test
    void nothingNewInATerminatingNamespaceButUpdatesAndDeletesGoOn() {
        ApiException e = catchThrowableOfType(() -> plugin.admit(Requests.create("", "pods", "dying",
                yaml("metadata: {generateName: web-}"))), ApiException.class);
        assertThat(e.code()).isEqualTo(403);
        assertThat(e.getMessage()).isEqualTo("pods \"web-\" is forbidden: unable to create new content in namespace dying "
                + "because it is being terminated");
        assertThat(e.causes()).containsExactly(new StatusCause("NamespaceTerminating", "namespace dying is being terminated",
                "metadata.namespace"));
        assertThatCode(() -> plugin.admit(Requests.update("", "pods", "dying", yaml("metadata: {name: a}"), yaml("metadata: {name: a}"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> plugin.admit(Requests.delete("", "pods", "gone", "a", yaml("metadata: {name: a}"))))
                .doesNotThrowAnyException();
    }

    @Test
    void systemNamespacesCannotBeDeletedOthersCan() {
        ApiException e = catchThrowableOfType(() -> plugin.admit(Requests.delete("", "namespaces", "", "kube-system",
                yaml("metadata: {name: kube-system}"))), ApiException.class);
        assertThat(e.getMessage()).isEqualTo("namespaces \"kube-system\" is forbidden: this namespace may not be deleted");
        assertThatCode(() -> plugin.admit(Requests.delete("", "namespaces", "", "live", yaml("metadata: {name: live}"))))
                .doesNotThrowAnyException();
    }

    @Test
    void clusterScopedObjectsAndNamespacesThemselvesAreNotChecked() {
        assertThatCode(() -> plugin.admit(Requests.create("", "nodes", "", yaml("metadata: {name: n}")))).doesNotThrowAnyException();
        assertThatCode(() -> plugin.admit(Requests.create("", "namespaces", "", yaml("metadata: {name: fresh}"))))
                .doesNotThrowAnyException();
    }
}
