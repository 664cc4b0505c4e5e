package io.wharf.apiserver.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.wharf.api.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CrdSpecTest {
    static CrdSpec spec(String versions) {
        return CrdSpec.of(Json.parseObject(("{\"metadata\":{\"name\":\"widgets.example.com\"},\"spec\":{\"group\":\"example.com\","
                + "\"scope\":\"Cluster\",\"names\":{\"plural\":\"widgets\",\"kind\":\"Widget\"},\"versions\":" + versions + "}}")
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aDeprecatedVersionPointsToTheBestServedVersionAboveIt() {
        CrdSpec s = spec("""
                [{"name":"v1alpha1","served":true,"deprecated":true},
                 {"name":"v1beta1","served":true},
                 {"name":"v1","served":true,"storage":true},
                 {"name":"v2","served":false}]""");
        assertThat(s.versions().get(0).deprecationWarning()).isEqualTo("example.com/v1alpha1 Widget is deprecated; use example.com/v1 Widget");
        assertThat(s.versions().get(1).deprecationWarning()).isNull();
        assertThat(s.namespaced()).isFalse();
        assertThat(s.storageVersion().orElseThrow().name()).isEqualTo("v1");
        assertThat(s.servedVersions()).extracting(CrdVersion::name).containsExactly("v1alpha1", "v1beta1", "v1");
    }

    @Test
    void anOwnWarningWinsAndTheNewestDeprecatedVersionHasNoAdvice() {
        CrdSpec s = spec("""
                [{"name":"v1","served":true,"storage":true,"deprecated":true},
                 {"name":"v1beta1","served":true,"deprecated":true,"deprecationWarning":"use v1, really"}]""");
        assertThat(s.versions().get(0).deprecationWarning()).isEqualTo("example.com/v1 Widget is deprecated");
        assertThat(s.versions().get(1).deprecationWarning()).isEqualTo("use v1, really");
    }

    @Test
    void scaleAndSelectableFieldsAreRead() {
        CrdSpec s = spec("""
                [{"name":"v1","served":true,"storage":true,
                  "subresources":{"status":{},"scale":{"specReplicasPath":".spec.size","statusReplicasPath":".status.size"}},
                  "selectableFields":[{"jsonPath":".spec.color"}]}]""");
        CrdVersion v = s.versions().get(0);
        assertThat(v.statusSubresource()).isTrue();
        assertThat(v.scale().specReplicasPath()).isEqualTo(".spec.size");
        assertThat(v.scale().labelSelectorPath()).isNull();
        assertThat(v.selectableFields()).containsExactly("spec.color");
    }
}
