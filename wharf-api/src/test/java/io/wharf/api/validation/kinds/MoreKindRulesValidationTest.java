package io.wharf.api.validation.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Further rules of several kinds, one concern per test. */
class MoreKindRulesValidationTest {
    private static final KindTestSupport SERVICES = new KindTestSupport("", "v1", "Service");
    private static final KindTestSupport SECRETS = new KindTestSupport("", "v1", "Secret");
    private static final KindTestSupport VOLUMES = new KindTestSupport("", "v1", "PersistentVolume");
    private static final KindTestSupport CLAIMS = new KindTestSupport("", "v1", "PersistentVolumeClaim");
    private static final KindTestSupport JOBS = new KindTestSupport("batch", "v1", "Job");
    private static final KindTestSupport CRON_JOBS = new KindTestSupport("batch", "v1", "CronJob");
    private static final KindTestSupport DEPLOYMENTS = new KindTestSupport("apps", "v1", "Deployment");
    private static final KindTestSupport HPAS = new KindTestSupport("autoscaling", "v2", "HorizontalPodAutoscaler");
    private static final KindTestSupport INGRESSES = new KindTestSupport("networking.k8s.io", "v1", "Ingress");
    private static final KindTestSupport INGRESS_CLASSES = new KindTestSupport("networking.k8s.io", "v1", "IngressClass");
    private static final KindTestSupport NETWORK_POLICIES = new KindTestSupport("networking.k8s.io", "v1", "NetworkPolicy");
    private static final KindTestSupport CLUSTER_ROLES = new KindTestSupport("rbac.authorization.k8s.io", "v1", "ClusterRole");
    private static final KindTestSupport PRIORITY_CLASSES = new KindTestSupport("scheduling.k8s.io", "v1", "PriorityClass");
    private static final KindTestSupport CRDS = new KindTestSupport("apiextensions.k8s.io", "v1", "CustomResourceDefinition");
    private static final KindTestSupport PDBS = new KindTestSupport("policy", "v1", "PodDisruptionBudget");
    private static final KindTestSupport SLICES = new KindTestSupport("discovery.k8s.io", "v1", "EndpointSlice");

    @Test
    void externalNamesAreDnsNames() {
        assertThat(SERVICES.create("metadata: {name: s}\nspec: {type: ExternalName, externalName: 'not a host'}")).containsExactly(
                "FieldValueInvalid spec.externalName: Invalid value: \"not a host\": a lowercase RFC 1123 subdomain must consist of "
                        + "lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character "
                        + "(e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]"
                        + "([-a-z0-9]*[a-z0-9])?)*')");
    }

    @Test
    void sessionAffinityNoneDropsItsConfigBeforeValidation() {
        // upstream's defaulting clears the config of a None affinity, so the Forbidden rule never fires
        ObjectNode service = SERVICES.object("metadata: {name: s}\nspec: {ports: [{port: 80}], sessionAffinity: None, "
                + "sessionAffinityConfig: {clientIP: {timeoutSeconds: 10}}}");
        assertThat(service.at("/spec/sessionAffinityConfig").isMissingNode()).isTrue();
        assertThat(SERVICES.create(service)).isEmpty();
    }

    @Test
    void clusterIpsMatchTheirFamilies() {
        assertThat(SERVICES.create("metadata: {name: s}\nspec: {ports: [{port: 80}], clusterIP: 10.96.0.5, clusterIPs: [10.96.0.5], "
                + "ipFamilies: [IPv6]}")).containsExactly(
                "FieldValueInvalid spec.clusterIPs[0]: Invalid value: \"10.96.0.5\": expected an IPv6 value as indicated by `ipFamilies[0]`");
    }

    @Test
    void dockerConfigSecretsHoldJson() {
        assertThat(SECRETS.create("metadata: {name: s}\ntype: kubernetes.io/dockerconfigjson\nstringData: {.dockerconfigjson: '{\"auths\":{}}'}"))
                .isEmpty();
        assertThat(SECRETS.create("metadata: {name: s}\ntype: kubernetes.io/dockerconfigjson")).containsExactly(
                "FieldValueRequired data[.dockerconfigjson]: Required value");
    }

    @Test
    void hostPathVolumesOfTheRootAreNotRecycled() {
        assertThat(VOLUMES.create("metadata: {name: pv}\nspec: {capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], "
                + "persistentVolumeReclaimPolicy: Recycle, hostPath: {path: /}}")).containsExactly(
                "FieldValueForbidden spec.persistentVolumeReclaimPolicy: Forbidden: may not be 'recycle' for a hostPath mount of '/'");
    }

    @Test
    void volumeReclaimPolicies() {
        assertThat(VOLUMES.create("metadata: {name: pv}\nspec: {capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], "
                + "persistentVolumeReclaimPolicy: Keep, nfs: {server: s, path: /x}}")).containsExactly(
                "FieldValueNotSupported spec.persistentVolumeReclaimPolicy: Unsupported value: \"Keep\": supported values: "
                        + "\"Delete\", \"Recycle\", \"Retain\"");
    }

    @Test
    void aClaimMayGetAStorageClassOnce() {
        ObjectNode old = CLAIMS.object("metadata: {name: c}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}");
        assertThat(CLAIMS.update(old, c -> ((ObjectNode) c.get("spec")).put("storageClassName", "fast"))).isEmpty();
    }

    @Test
    void claimDataSourcesOfTheCoreGroupAreClaims() {
        assertThat(CLAIMS.create("metadata: {name: c}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}, "
                + "dataSource: {kind: Secret, name: s}}")).containsExactly(
                "FieldValueInvalid spec.dataSource: Invalid value: \"Secret\": must be 'PersistentVolumeClaim' when referencing the default apiGroup");
    }

    private static ObjectNode job(String spec) {
        ObjectNode job = JOBS.object("metadata: {name: j, namespace: default, uid: 1c2d}\nspec:\n" + spec
                + "  template: {spec: {restartPolicy: Never, containers: [{name: c, image: i}]}}\n");
        JobSelectors.generate(job);
        return job;
    }

    @Test
    void jobCountsAndTimers() {
        assertThat(JOBS.create(job("  completions: -1\n  ttlSecondsAfterFinished: -5\n"))).containsExactly(
                "FieldValueInvalid spec.completions: Invalid value: -1: must be greater than or equal to 0",
                "FieldValueInvalid spec.ttlSecondsAfterFinished: Invalid value: -5: must be greater than or equal to 0");
    }

    @Test
    void cronJobHistoryLimits() {
        assertThat(CRON_JOBS.create("metadata: {name: c}\nspec: {schedule: '@daily', successfulJobsHistoryLimit: -1, "
                + "jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: i}]}}}}}"))
                .containsExactly("FieldValueInvalid spec.successfulJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0");
    }

    @Test
    void aDeploymentTemplateIsValidatedAsAPodTemplate() {
        assertThat(DEPLOYMENTS.create("metadata: {name: d}\nspec: {selector: {matchLabels: {a: b}}, template: {metadata: {labels: "
                + "{a: b}}, spec: {containers: [{name: c, image: i, volumeMounts: [{name: data, mountPath: /d}]}]}}}")).containsExactly(
                "FieldValueNotFound spec.template.spec.containers[0].volumeMounts[0].name: Not found: \"data\"");
    }

    @Test
    void autoscalingBehaviors() {
        assertThat(HPAS.create("metadata: {name: h}\nspec: {scaleTargetRef: {kind: Deployment, name: d}, maxReplicas: 3, behavior: "
                + "{scaleUp: {stabilizationWindowSeconds: 4000, policies: [{type: Pods, value: 0, periodSeconds: 2000}]}}}"))
                .containsExactly(
                        "FieldValueInvalid spec.behavior.scaleUp.stabilizationWindowSeconds: Invalid value: 4000: must be less than or equal to 3600",
                        "FieldValueInvalid spec.behavior.scaleUp.policies[0].value: Invalid value: 0: must be greater than zero",
                        "FieldValueInvalid spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 2000: must be less than or equal to 1800");
    }

    @Test
    void ingressBackendsAreServiceOrResource() {
        assertThat(INGRESSES.create("metadata: {name: i}\nspec: {defaultBackend: {service: {name: s, port: {number: 80}}, "
                + "resource: {kind: Bucket, name: b}}}")).containsExactly(
                "FieldValueInvalid spec.defaultBackend: Invalid value: \"\": cannot set both resource and service backends");
        assertThat(INGRESSES.create("metadata: {name: i}\nspec: {defaultBackend: {service: {name: s, port: {name: http, number: 80}}}}"))
                .containsExactly("FieldValueInvalid spec.defaultBackend: Invalid value: \"\": cannot set both port name & port number");
    }

    @Test
    void ingressClassParametersHaveAScope() {
        assertThat(INGRESS_CLASSES.create("metadata: {name: c}\nspec: {controller: example.com/c, parameters: {kind: Config, name: p, "
                + "scope: Namespace}}")).containsExactly(
                "FieldValueRequired spec.parameters.namespace: Required value: `parameters.scope` is set to 'Namespace'");
        assertThat(INGRESS_CLASSES.create("metadata: {name: c}\nspec: {controller: example.com/c, parameters: {kind: Config, name: p, "
                + "scope: Cluster, namespace: n}}")).containsExactly(
                "FieldValueForbidden spec.parameters.namespace: Forbidden: `parameters.scope` is set to 'Cluster'");
    }

    @Test
    void networkPolicyPortRangesAndBlocks() {
        assertThat(NETWORK_POLICIES.create("""
                metadata: {name: n}
                spec:
                  podSelector: {}
                  ingress:
                  - from: [{ipBlock: {cidr: 10.0.0.0/16, except: [10.1.0.0/24]}}]
                    ports: [{port: 8080, endPort: 80}, {port: http, endPort: 90}]
                """)).containsExactly(
                // upstream reports the port, not the end port, here
                "FieldValueInvalid spec.ingress[0].ports[0].endPort: Invalid value: 8080: must be greater than or equal to `port`",
                "FieldValueInvalid spec.ingress[0].ports[1].endPort: Invalid value: 90: may not be specified when `port` is non-numeric",
                "FieldValueInvalid spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: \"10.1.0.0/24\": must be a strict subset of `cidr`");
    }

    @Test
    void aggregatedClusterRolesNeedSelectors() {
        assertThat(CLUSTER_ROLES.create("metadata: {name: r}\naggregationRule: {clusterRoleSelectors: []}")).containsExactly(
                "FieldValueRequired aggregationRule.clusterRoleSelectors: Required value: at least one clusterRoleSelector required if "
                        + "aggregationRule is non-nil");
    }

    @Test
    void systemPriorityClassesAreReserved() {
        assertThat(PRIORITY_CLASSES.create("metadata: {name: system-mine}\nvalue: 10")).containsExactly(
                "FieldValueForbidden metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system "
                        + "use only. error: system-mine is not a known system priority class");
        assertThat(PRIORITY_CLASSES.create("metadata: {name: system-node-critical}\nvalue: 2000001000")).isEmpty();
    }

    @Test
    void crdNamesAndConversion() {
        assertThat(CRDS.create("metadata: {name: widgets.example.com}\nspec: {group: example.com, scope: Cluster, names: "
                + "{plural: widgets, kind: widget, listKind: widget, shortNames: [W]}, versions: [{name: v1, served: true, storage: true, "
                + "schema: {openAPIV3Schema: {type: object}}}], conversion: {strategy: Webhook}}\nstatus: {storedVersions: [v1]}"))
                .containsExactly(
                        "FieldValueInvalid spec.names.shortNames[0]: Invalid value: \"W\": a DNS-1035 label must consist of lower case "
                                + "alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric "
                                + "character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
                        "FieldValueInvalid spec.names.listKind: Invalid value: \"widget\": kind and listKind may not be the same",
                        "FieldValueRequired spec.conversion.webhookClientConfig: Required value: required when strategy is set to Webhook",
                        "FieldValueRequired spec.conversion.conversionReviewVersions: Required value");
    }

    @Test
    void budgetSelectorsAreChecked() {
        assertThat(PDBS.create("metadata: {name: p}\nspec: {minAvailable: 1, selector: {matchExpressions: [{key: a, operator: Has}]}}"))
                .containsExactly("FieldValueInvalid spec.selector.matchExpressions[0].operator: Invalid value: \"Has\": "
                        + "not a valid selector operator");
    }

    @Test
    void fqdnSlicesHoldDomainNames() {
        assertThat(SLICES.create("metadata: {name: e}\naddressType: FQDN\nendpoints: [{addresses: [example.com, 'Not Valid']}]")).hasSize(1)
                .allSatisfy(p -> assertThat(p).startsWith("FieldValueInvalid endpoints[0].addresses[1]: Invalid value: \"Not Valid\": "));
    }
}
