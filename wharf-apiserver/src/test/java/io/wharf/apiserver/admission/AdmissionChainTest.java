package io.wharf.apiserver.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdmissionChainTest {
    private record Recording(String name, List<String> calls) implements AdmissionPlugin {
        @Override
        public void admit(AdmissionRequest request) {
            calls.add("admit " + name);
        }

        @Override
        public void validate(AdmissionRequest request) {
            calls.add("validate " + name);
        }
    }

    @Test
    void everyMutatingStepRunsBeforeAnyValidatingStepInChainOrder() {
        List<String> calls = new ArrayList<>();
        AdmissionChain chain = new AdmissionChain(List.of(new Recording("a", calls), new Recording("b", calls)));
        AdmissionRequest r = Requests.create("", "configmaps", "default", Requests.yaml("metadata: {name: c}"));
        chain.admit(r);
        chain.validate(r);
        assertThat(calls).containsExactly("admit a", "admit b", "validate a", "validate b");
        assertThat(chain.names()).containsExactly("a", "b");
    }

    @Test
    void theBuiltinChainHasThePluginsInTheGivenOrder() {
        BuiltinAdmissionPlugins builtin = new BuiltinAdmissionPlugins(new BuiltinAdmissionPlugins.Dependencies(
                n -> NamespaceLifecycle.Phase.ACTIVE, new FakeClusterObjects(), q -> { }, java.time.Clock.systemUTC()));
        List<String> names = AdmissionPluginSelection.of(BuiltinAdmissionPlugins.NAMES, List.copyOf(BuiltinAdmissionPlugins.NAMES), List.of())
                .enabled();
        assertThat(builtin.chain(names).names()).containsExactlyElementsOf(names);
        assertThat(names).startsWith("AlwaysAdmit", "NamespaceLifecycle").endsWith("ResourceQuota", "AlwaysDeny");
    }
}
