package io.wharf.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataValidationTest {
    @Test
    void validLabelsAndAnnotationsPass() {
        assertThat(MetadataValidation.validateLabels(Map.of("app.kubernetes.io/name", "web", "tier", ""))).isEmpty();
        assertThat(MetadataValidation.validateAnnotations(Map.of("Example.COM/Some-Key", "any value at all ✓"))).isEmpty();
        assertThat(MetadataValidation.validateLabels(null)).isEmpty();
        assertThat(MetadataValidation.validateAnnotations(null)).isEmpty();
    }

    @Test
    void badLabelKeyAndValueAreReportedAtTheMap() {
        List<FieldProblem> problems = MetadataValidation.validateLabels(Map.of("bad key", "bad value"));
        assertThat(problems).extracting(FieldProblem::path).containsOnly("");
        assertThat(problems).extracting(p -> p.withPathPrefix("metadata.labels").message()).containsExactly(
                "metadata.labels: Invalid value: \"bad key\": name part must consist of alphanumeric characters, "
                        + "'-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  "
                        + "or 'my.name',  or '123-abc', regex used for validation is "
                        + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
                "metadata.labels: Invalid value: \"bad value\": a valid label must be an empty string or consist "
                        + "of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
                        + "character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
                        + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
    }

    @Test
    void labelsAreCheckedInKeyOrder() {
        Map<String, String> labels = new HashMap<>();
        labels.put("z!", "ok");
        labels.put("a!", "ok");
        assertThat(MetadataValidation.validateLabels(labels)).extracting(FieldProblem::badValue)
                .containsExactly("a!", "z!");
    }

    @Test
    void annotationKeysIgnoreCaseButReportTheOriginal() {
        List<FieldProblem> problems = MetadataValidation.validateAnnotations(Map.of("Bad Key", "v"));
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).badValue()).isEqualTo("Bad Key");
    }

    @Test
    void annotationsAreLimitedTo256KiBInTotal() {
        String key = "k";
        String atLimit = "x".repeat(MetadataValidation.TOTAL_ANNOTATION_SIZE_LIMIT_BYTES - key.length());
        assertThat(MetadataValidation.validateAnnotations(Map.of(key, atLimit))).isEmpty();
        List<FieldProblem> problems = MetadataValidation.validateAnnotations(Map.of(key, atLimit + "x"));
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).withPathPrefix("metadata.annotations").message())
                .isEqualTo("metadata.annotations: Too long: may not be more than 262144 bytes");
        assertThat(problems.get(0).type()).isEqualTo(FieldProblem.Type.TOO_LONG);
    }

    @Test
    void annotationSizeCountsUtf8Bytes() {
        String twoByteChars = "é".repeat(MetadataValidation.TOTAL_ANNOTATION_SIZE_LIMIT_BYTES / 2);
        assertThat(MetadataValidation.validateAnnotations(Map.of("k", twoByteChars))).hasSize(1);
    }

    @Test
    void labelNameAlone() {
        assertThat(MetadataValidation.validateLabelName("ok/key")).isEmpty();
        assertThat(MetadataValidation.validateLabelName("/key")).extracting(FieldProblem::detail)
                .containsExactly("prefix part must be non-empty");
    }
}
