package io.wharf.api.apply;

import static io.wharf.api.apply.ApplyTestSupport.deployment;
import static io.wharf.api.apply.ApplyTestSupport.kind;
import static io.wharf.api.apply.ApplyTestSupport.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wharf.api.json.Json;
import org.junit.jupiter.api.Test;

/** The field sets of whole objects, compared with what upstream records for them. */
class ObjectFieldsTest {
    private final FieldManager manager = new FieldManager();

    static final String NGINX = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: nginx
              labels:
                app: nginx
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: nginx
              template:
                metadata:
                  labels:
                    app: nginx
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.25
                    ports:
                    - containerPort: 80
            """;

    @Test
    void aDeploymentAsKubectlApplyServerSideRecordsIt() {
        FieldSet set = manager.fieldsSetBy(yaml(NGINX), deployment());

        // apiVersion, kind and metadata.name are in the raw set; the field manager strips them
        assertThat(Json.string(FieldsV1.encode(set))).isEqualTo("{\"f:apiVersion\":{},\"f:kind\":{},"
                + "\"f:metadata\":{\"f:labels\":{\"f:app\":{}},\"f:name\":{}},"
                + "\"f:spec\":{\"f:replicas\":{},\"f:selector\":{},"
                + "\"f:template\":{\"f:metadata\":{\"f:labels\":{\"f:app\":{}}},"
                + "\"f:spec\":{\"f:containers\":{\"k:{\\\"name\\\":\\\"nginx\\\"}\":{\".\":{},\"f:image\":{},\"f:name\":{},"
                + "\"f:ports\":{\"k:{\\\"containerPort\\\":80,\\\"protocol\\\":\\\"TCP\\\"}\":{\".\":{},\"f:containerPort\":{}}}}}}}}}");
    }

    @Test
    void emptyMapsAndNullsAreOwnedWholeButEmptyGranularListsAreNot() {
        FieldSet set = manager.fieldsSetBy(yaml("""
                apiVersion: v1
                kind: Pod
                metadata:
                  annotations: {}
                  finalizers: []
                  labels: null
                spec:
                  containers:
                  - name: c
                    resources: {}
                    args: []
                """), kind("", "v1", "Pod"));

        assertThat(set.paths()).extracting(FieldPath::toString).contains(
                ".metadata.annotations", ".metadata.labels",
                ".spec.containers[name=\"c\"].resources", ".spec.containers[name=\"c\"].args");
        assertThat(set.has(FieldPath.of("metadata", "finalizers"))).isFalse();
    }

    @Test
    void setElementsAreValuesAndDuplicatesAreOwnedWhole() {
        FieldSet set = manager.fieldsSetBy(yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  finalizers: [a, b]
                """), kind("", "v1", "ConfigMap"));
        assertThat(Json.string(FieldsV1.encode(set.recursiveDifference(FieldSet.of(FieldPath.of("apiVersion"),
                FieldPath.of("kind")))))).isEqualTo("{\"f:metadata\":{\"f:finalizers\":{\"v:\\\"a\\\"\":{},\"v:\\\"b\\\"\":{}}}}");

        FieldSet dup = manager.fieldsSetBy(yaml("""
                apiVersion: v1
                kind: Pod
                spec:
                  containers:
                  - name: c
                    env:
                    - {name: A, value: "1"}
                    - {name: A, value: "2"}
                """), kind("", "v1", "Pod"));
        assertThat(Json.string(FieldsV1.encode(dup.withPrefix(PathElement.field("spec")))))
                .isEqualTo("{\"f:containers\":{\"k:{\\\"name\\\":\\\"c\\\"}\":{\".\":{},\"f:env\":{\"k:{\\\"name\\\":\\\"A\\\"}\":{}},\"f:name\":{}}}}");
    }

    @Test
    void atomicListsAndMapsAreLeaves() {
        FieldSet set = manager.fieldsSetBy(yaml("""
                apiVersion: v1
                kind: Pod
                spec:
                  nodeSelector: {disk: ssd}
                  tolerations: [{key: k, operator: Exists}]
                  containers:
                  - name: c
                    command: [sh, -c]
                """), kind("", "v1", "Pod"));
        assertThat(Json.string(FieldsV1.encode(set.withPrefix(PathElement.field("spec"))))).isEqualTo(
                "{\"f:containers\":{\"k:{\\\"name\\\":\\\"c\\\"}\":{\".\":{},\"f:command\":{},\"f:name\":{}}},"
                        + "\"f:nodeSelector\":{},\"f:tolerations\":{}}");
    }

    @Test
    void servicePortsAreKeyedByPortAndDefaultedProtocol() {
        FieldSet set = manager.fieldsSetBy(yaml("""
                apiVersion: v1
                kind: Service
                spec:
                  ports:
                  - port: 53
                    protocol: UDP
                  - port: 53
                """), kind("", "v1", "Service"));
        assertThat(Json.string(FieldsV1.encode(set.withPrefix(PathElement.field("spec"))))).isEqualTo(
                "{\"f:ports\":{\"k:{\\\"port\\\":53,\\\"protocol\\\":\\\"TCP\\\"}\":{\".\":{},\"f:port\":{}},"
                        + "\"k:{\\\"port\\\":53,\\\"protocol\\\":\\\"UDP\\\"}\":{\".\":{},\"f:port\":{},\"f:protocol\":{}}}}");
    }

    @Test
    void rawExtensionsAreLeavesAndDeducedValuesAreGranularMaps() {
        FieldSet raw = manager.fieldsSetBy(yaml("""
                apiVersion: apps/v1
                kind: ControllerRevision
                revision: 1
                data: {spec: {a: 1}}
                """), kind("apps", "v1", "ControllerRevision"));
        assertThat(raw.has(FieldPath.of("data"))).isTrue();
        assertThat(raw.has(FieldPath.of("data", "spec"))).isFalse();

        FieldSet deduced = ObjectFields.of(Shape.Deduced.INSTANCE, yaml("{a: {b: 1, c: [1, 2]}, d: null}"));
        assertThat(Json.string(FieldsV1.encode(deduced)))
                .isEqualTo("{\"f:a\":{\".\":{},\"f:b\":{},\"f:c\":{}},\"f:d\":{}}");
    }

    @Test
    void listElementsWithoutTheirKeyCannotBeNamed() {
        assertThatThrownBy(() -> manager.fieldsSetBy(yaml("""
                apiVersion: v1
                kind: Pod
                spec:
                  containers:
                  - image: x
                """), kind("", "v1", "Pod")))
                .hasMessage("associative list with keys has an element that omits key field \"name\" (and doesn't have default value)");
    }
}
