package io.wharf.apiserver.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionPriorityTest {
    @Test
    void upstreamsDocumentedOrder() {
        // the example from upstream's version priority documentation
        List<String> expected = List.of("v10", "v2", "v1", "v11beta2", "v10beta3", "v3beta1", "v12alpha1", "v11alpha2", "foo1", "foo10");
        for (long seed = 0; seed < 20; seed++) {
            List<String> shuffled = new ArrayList<>(expected);
            Collections.shuffle(shuffled, new java.util.Random(seed));
            shuffled.sort(DiscoveryHandler.VERSION_PRIORITY);
            assertThat(shuffled).isEqualTo(expected);
        }
    }

    @Test
    void gaBeatsBetaBeatsAlphaWhateverTheNumbers() {
        assertThat(DiscoveryHandler.VERSION_PRIORITY.compare("v1", "v2beta1")).isNegative();
        assertThat(DiscoveryHandler.VERSION_PRIORITY.compare("v1beta1", "v9alpha9")).isNegative();
        assertThat(DiscoveryHandler.VERSION_PRIORITY.compare("v1alpha1", "v1alpha1")).isZero();
        assertThat(DiscoveryHandler.VERSION_PRIORITY.compare("v2", "v1")).isNegative();
        assertThat(DiscoveryHandler.VERSION_PRIORITY.compare("v1beta2", "v1beta1")).isNegative();
        // not Kubernetes-like: after every Kubernetes version, in plain string order
        assertThat(DiscoveryHandler.VERSION_PRIORITY.compare("v1alpha1", "a")).isNegative();
        assertThat(DiscoveryHandler.VERSION_PRIORITY.compare("v1.0", "v2.0")).isNegative();
        assertThat(DiscoveryHandler.VERSION_PRIORITY.compare("v1beta", "v1alpha1")).isPositive();
    }
}
