package io.wharf.api.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.wharf.api.crd.OpenApiResult.Code;
import io.wharf.api.crd.OpenApiResult.Error;
import org.junit.jupiter.api.Test;

class OpenApiResultTest {
    @Test
    void errorsAreKeptOncePerMessage() {
        OpenApiResult r = new OpenApiResult();
        r.add(Error.of(Code.MINIMUM, "a", "a in body should be greater than or equal to 1", 0L));
        r.add(Error.of(Code.MINIMUM, "b", "a in body should be greater than or equal to 1", 5L));
        r.add(Error.composite("\"a\" must not validate the schema (not)"));
        assertThat(r.errors()).extracting(Error::name).containsExactly("a", "");
        assertThat(r.isValid()).isFalse();
    }

    @Test
    void mergingAddsMatchCountsAndDeduplicates() {
        OpenApiResult a = OpenApiResult.failure(Error.of(Code.PATTERN, "x", "x in body should match 'y'", "z"));
        a.inc();
        OpenApiResult b = OpenApiResult.failure(Error.of(Code.PATTERN, "x", "x in body should match 'y'", "z"));
        b.inc();
        b.inc();
        a.merge(b);
        a.merge(null);
        assertThat(a.matchCount()).isEqualTo(3);
        assertThat(a.errors()).hasSize(1);
        OpenApiResult empty = new OpenApiResult();
        assertThat(empty.isValid()).isTrue();
        assertThat(empty.matchCount()).isZero();
    }
}
