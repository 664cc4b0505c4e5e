package io.wharf.api.validation;

import static io.wharf.api.validation.UnknownFieldsTest.kind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wharf.api.schema.Definition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TypedDecodingTest {
    private static final Definition DEPLOYMENT = kind("apps", "v1", "Deployment");
    private static final String BODY = """
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "name": "d"},
             "spec": {"replicass": 3, "paused": null}}""";

    private static DecodedBody decode(FieldValidation v) throws IOException {
        return TypedDecoding.decode(LenientParser.json(BODY.getBytes(StandardCharsets.UTF_8)), DEPLOYMENT, v);
    }

    private static final String DECODED = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"d\"},\"spec\":{}}";

    @Test
    void strictRefusesWithUpstreamsWords() throws IOException {
        FieldVerdict r = decode(FieldValidation.STRICT).verdict();
        assertThat(r.rejected()).isTrue();
        assertThat(r.strictError())
                .isEqualTo("strict decoding error: duplicate field \"metadata.name\", unknown field \"spec.replicass\"");
        assertThat(r.warnings()).isEmpty();
        assertThat(TypedDecoding.cannotBeHandled("Deployment", "v1", r.strictError())).isEqualTo(
                "Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: "
                        + "duplicate field \"metadata.name\", unknown field \"spec.replicass\"");
    }

    @Test
    void warnKeepsTheTypedObjectAndWarnsOncePerError() throws IOException {
        DecodedBody r = decode(FieldValidation.WARN);
        assertThat(r.verdict().rejected()).isFalse();
        assertThat(r.verdict().warnings()).containsExactly("duplicate field \"metadata.name\"", "unknown field \"spec.replicass\"");
        assertThat(r.value().toString()).isEqualTo(DECODED);
    }

    @Test
    void ignoreDropsSilently() throws IOException {
        DecodedBody r = decode(FieldValidation.IGNORE);
        assertThat(r.verdict().rejected()).isFalse();
        assertThat(r.verdict().warnings()).isEmpty();
        assertThat(r.verdict().errors()).as("Ignore does not even look").isEmpty();
        assertThat(r.value().toString()).isEqualTo(DECODED);
    }

    @Test
    void theDirectiveDefaultsToWarnAndKnowsOnlyUpstreamsSpellings() {
        assertThat(FieldValidation.fromParameter(null)).isEqualTo(FieldValidation.WARN);
        assertThat(FieldValidation.fromParameter("")).isEqualTo(FieldValidation.WARN);
        assertThat(FieldValidation.fromParameter("Strict")).isEqualTo(FieldValidation.STRICT);
        assertThat(FieldValidation.fromParameter("Ignore")).isEqualTo(FieldValidation.IGNORE);
        assertThatThrownBy(() -> FieldValidation.fromParameter("strict")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void warningHeadersQuoteAsUpstreamAndDropWhatAHeaderCannotCarry() {
        assertThat(WarningHeader.value("unknown field \"spec.replicass\""))
                .hasValue("299 - \"unknown field \\\"spec.replicass\\\"\"");
        assertThat(WarningHeader.value("a\\b ünïcode")).hasValue("299 - \"a\\\\b ünïcode\"");
        assertThat(WarningHeader.value("two\nlines")).isEmpty();
    }
}
