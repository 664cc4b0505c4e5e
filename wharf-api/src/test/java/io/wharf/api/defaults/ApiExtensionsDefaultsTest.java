package io.wharf.api.defaults;

import static io.wharf.api.defaults.DefaultsTestSupport.assertDefaults;

import org.junit.jupiter.api.Test;

/** apiextensions.k8s.io/v1 CustomResourceDefinition. */
class ApiExtensionsDefaultsTest {
    @Test
    void namesConversionAndStoredVersions() {
        assertDefaults("apiextensions.k8s.io", "v1", "CustomResourceDefinition", """
                metadata: {name: widgets.example.com}
                spec:
                  group: example.com
                  scope: Namespaced
                  names: {plural: widgets, kind: Widget}
                  versions:
                  - {name: v1beta1, served: true, storage: false, schema: {openAPIV3Schema: {type: object}}}
                  - {name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}
                """, """
                metadata: {name: widgets.example.com}
                spec:
                  group: example.com
                  scope: Namespaced
                  names: {plural: widgets, kind: Widget, singular: widget, listKind: WidgetList}
                  versions:
                  - {name: v1beta1, served: true, storage: false, schema: {openAPIV3Schema: {type: object}}}
                  - {name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}
                  conversion: {strategy: None}
                status:
                  storedVersions: [v1]
                """);
    }

    @Test
    void webhookConversionServiceDefaultsToPort443() {
        assertDefaults("apiextensions.k8s.io", "v1", "CustomResourceDefinition", """
                spec:
                  names: {plural: gadgets, singular: thing, kind: Gadget, listKind: Gadgets}
                  conversion:
                    strategy: Webhook
                    webhook:
                      conversionReviewVersions: [v1]
                      clientConfig:
                        service: {namespace: sys, name: conv, path: /convert}
                  versions: [{name: v2, served: true, storage: true}]
                status:
                  storedVersions: [v1, v2]
                """, """
                spec:
                  names: {plural: gadgets, singular: thing, kind: Gadget, listKind: Gadgets}
                  conversion:
                    strategy: Webhook
                    webhook:
                      conversionReviewVersions: [v1]
                      clientConfig:
                        service: {namespace: sys, name: conv, path: /convert, port: 443}
                  versions: [{name: v2, served: true, storage: true}]
                status:
                  storedVersions: [v1, v2]
                """);
    }

    @Test
    void withoutKindOrStorageVersionNothingIsDerived() {
        assertDefaults("apiextensions.k8s.io", "v1", "CustomResourceDefinition", """
                spec:
                  names: {plural: things}
                  versions: [{name: v1, served: true, storage: false}]
                """, """
                spec:
                  names: {plural: things}
                  versions: [{name: v1, served: true, storage: false}]
                  conversion: {strategy: None}
                """);
    }
}
