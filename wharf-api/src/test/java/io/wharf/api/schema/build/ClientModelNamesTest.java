package io.wharf.api.schema.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientModelNamesTest {
    private static final String P = ClientModelNames.PACKAGE + ".";

    @Test
    void versionedTypesTryTheGroupPrefixedNameFirst() {
        assertThat(ClientModelNames.candidates("io.k8s.api.core.v1.PodSpec"))
                .containsExactly(P + "CoreV1PodSpec", P + "V1PodSpec");
        assertThat(ClientModelNames.candidates("io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler"))
                .containsExactly(P + "AutoscalingV2HorizontalPodAutoscaler", P + "V2HorizontalPodAutoscaler");
        assertThat(ClientModelNames.candidates("io.k8s.api.events.v1.Event"))
                .containsExactly(P + "EventsV1Event", P + "V1Event");
        assertThat(ClientModelNames.candidates("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"))
                .containsExactly(P + "MetaV1ObjectMeta", P + "V1ObjectMeta");
        assertThat(ClientModelNames.candidates("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps"))
                .containsExactly(P + "ApiextensionsV1JSONSchemaProps", P + "V1JSONSchemaProps");
        assertThat(ClientModelNames.candidates("io.k8s.api.flowcontrol.v1beta3.Subject"))
                .containsExactly(P + "FlowcontrolV1beta3Subject", P + "V1beta3Subject");
    }

    @Test
    void unversionedTypesAreNamedAfterTheirPackage() {
        assertThat(ClientModelNames.candidates("io.k8s.apimachinery.pkg.version.Info")).containsExactly(P + "VersionInfo");
        assertThat(ClientModelNames.candidates("io.k8s.apimachinery.pkg.runtime.RawExtension"))
                .containsExactly(P + "RuntimeRawExtension");
        assertThat(ClientModelNames.candidates("Nonsense")).isEmpty();
    }
}
