package io.wharf.api.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.wharf.api.validation.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The manager name of a write and the checks on the fieldManager and force parameters. */
class FieldManagerNamesTest {

    private static List<String> messages(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::message).toList();
    }

    @Test
    void theUserAgentUpToItsFirstSlashNamesWritersWithoutAFieldManager() {
        assertThat(FieldManagerNames.managerOrUserAgent(null, "kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9"))
                .isEqualTo("kubectl");
        assertThat(FieldManagerNames.managerOrUserAgent("", "fabric8-kubernetes-client/7.4.0")).isEqualTo("fabric8-kubernetes-client");
        assertThat(FieldManagerNames.managerOrUserAgent("mine", "kubectl/v1.32.0")).isEqualTo("mine");
        assertThat(FieldManagerNames.managerOrUserAgent(null, "a\u0007b")).isEqualTo("ab");
        assertThat(FieldManagerNames.managerOrUserAgent(null, "x".repeat(200))).hasSize(128);
        assertThat(FieldManagerNames.managerOrUserAgent(null, null)).isEmpty();
    }

    @Test
    void applyPatchesNeedAManagerAndOnlyThemMayForce() {
        assertThat(messages(FieldManagerNames.validatePatch(null, true, false)))
                .containsExactly("fieldManager: Required value: is required for apply patch");
        assertThat(messages(FieldManagerNames.validatePatch("kubectl", false, true)))
                .containsExactly("force: Forbidden: may not be specified for non-apply patch");
        assertThat(FieldManagerNames.validatePatch("kubectl", true, true)).isEmpty();
    }

    @Test
    void managerNamesAreShortAndPrintable() {
        assertThat(messages(FieldManagerNames.validate("x".repeat(129)))).singleElement()
                .asString().startsWith("fieldManager: Too long: ");
        assertThat(messages(FieldManagerNames.validate("é\u0007"))).containsExactly(
                "fieldManager: Invalid value: \"é\\a\": invalid character U+0007 (at position 2)");
    }
}
