package io.wharf.api.crd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathsTest {
    @Test
    void pathsAreSpelledLikeFieldPath() {
        assertThat(Paths.child(null, "spec")).isEqualTo("spec");
        assertThat(Paths.child("", "spec")).isEqualTo("spec");
        assertThat(Paths.child("spec", "template")).isEqualTo("spec.template");
        assertThat(Paths.key("spec.labels", "app")).isEqualTo("spec.labels[app]");
        assertThat(Paths.key(null, "app")).isEqualTo("[app]");
        assertThat(Paths.index("spec.items", 2)).isEqualTo("spec.items[2]");
        assertThat(Paths.index(null, 0)).isEqualTo("[0]");
    }
}
