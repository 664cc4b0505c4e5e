package io.wharf.api.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Inline fields and renamed fields are found from the registry, not from a list. */
class MessageLayoutTest {

    private static Map<String, String> roles(String message) {
        Descriptor d = KubernetesDescriptors.get().message(message);
        return MessageLayout.of(d).slots().stream().collect(Collectors.toMap(s -> s.field().getName(),
                s -> s.inline() ? "inline" : s.jsonName()));
    }

    @Test
    void goEmbeddedStructsAreInline() {
        assertThat(roles("k8s.io.api.core.v1.Volume")).containsEntry("volumeSource", "inline");
        assertThat(roles("k8s.io.api.core.v1.PersistentVolumeSpec")).containsEntry("persistentVolumeSource", "inline");
        assertThat(roles("k8s.io.api.core.v1.Probe")).containsEntry("handler", "inline");
        assertThat(roles("k8s.io.api.core.v1.EphemeralContainer")).containsEntry("ephemeralContainerCommon", "inline");
        assertThat(roles("k8s.io.api.core.v1.SecretKeySelector")).containsEntry("localObjectReference", "inline");
        assertThat(roles("k8s.io.api.networking.v1.IngressRule")).containsEntry("ingressRuleValue", "inline");
        assertThat(roles("k8s.io.api.core.v1.Container")).doesNotContainValue("inline");
    }

    @Test
    void spellingsAreMatchedToJsonNames() {
        assertThat(roles("k8s.io.apiextensions_apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps"))
                .containsEntry("ref", "$ref")
                .containsEntry("schema", "$schema")
                .containsEntry("xKubernetesPreserveUnknownFields", "x-kubernetes-preserve-unknown-fields")
                .containsEntry("xKubernetesIntOrString", "x-kubernetes-int-or-string");
        assertThat(roles("k8s.io.api.networking.v1.IngressClassParametersReference")).containsEntry("aPIGroup", "apiGroup");
    }

    @Test
    void leadingAcronymsOfUndescribedTypes() {
        assertThat(MessageLayout.goJsonName("uID")).isEqualTo("uid");
        assertThat(MessageLayout.goJsonName("aPIGroup")).isEqualTo("apiGroup");
        assertThat(MessageLayout.goJsonName("apiVersion")).isEqualTo("apiVersion");
        assertThat(MessageLayout.goJsonName("x")).isEqualTo("x");
    }
}
