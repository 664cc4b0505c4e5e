package io.wharf.api.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {
    private static final String SHA256 = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // No tag and no digest means "latest".
        "nginx | Always",
        "library/nginx | Always",
        "docker.io/library/nginx | Always",
        "index.docker.io/nginx | Always",
        "registry.k8s.io/pause | Always",
        "localhost/app | Always",
        "localhost:5000/team/app | Always",
        "[::1]:5000/app | Always",
        "nginx:latest | Always",
        "quay.io/org/app:latest | Always",
        "nginx:latest@" + SHA256 + " | Always",
        // Any other tag, or a digest, is pinned.
        "nginx:1.27 | IfNotPresent",
        "nginx:Latest | IfNotPresent",
        "localhost:5000/app:v1 | IfNotPresent",
        "registry.k8s.io/pause:3.10 | IfNotPresent",
        "nginx@" + SHA256 + " | IfNotPresent",
        "nginx:1.27@" + SHA256 + " | IfNotPresent",
        // References upstream cannot parse fall back to IfNotPresent.
        "NGINX | IfNotPresent",
        "Nginx:latest | IfNotPresent",
        "nginx:: | IfNotPresent",
        "-nginx | IfNotPresent",
        "nginx@sha256:0123 | IfNotPresent",
        "nginx@md5:0123456789abcdef0123456789abcdef | IfNotPresent",
        "nginx@sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef | IfNotPresent",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef | IfNotPresent",
    })
    void pullPolicyFollowsTheTag(String image, String policy) {
        assertThat(ImageReference.defaultPullPolicy(image.strip())).isEqualTo(policy);
    }

    @Test
    void emptyAndOverlongReferencesAreNotParsed() {
        assertThat(ImageReference.defaultPullPolicy("")).isEqualTo("IfNotPresent");
        assertThat(ImageReference.parse("a".repeat(300))).isNull();
        assertThat(ImageReference.parse("a".repeat(200))).isEqualTo(new ImageReference.Parsed(null, null));
    }

    @Test
    void uppercaseDomainIsAllowedButUppercasePathIsNot() {
        assertThat(ImageReference.parse("Registry.Example.com/app:v1")).isEqualTo(new ImageReference.Parsed("v1", null));
        assertThat(ImageReference.parse("registry.example.com/App:v1")).isNull();
        // An uppercase first component without dots is a domain too, which then must be valid.
        assertThat(ImageReference.parse("Team/app")).isEqualTo(new ImageReference.Parsed(null, null));
    }
}
