package io.wharf.apiserver.admission;

import static io.wharf.apiserver.admission.Requests.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.admission.quota.QuotaEvaluators;
import io.wharf.apiserver.admission.quota.QuotaStatusWriter;
import io.wharf.apiserver.errors.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceQuotaTest {
    private final FakeClusterObjects objects = new FakeClusterObjects();
    /** Stores what is written, as the status subresource would; fails the first {@code conflicts} writes with 409. */
    private final List<ObjectNode> written = new ArrayList<>();
    private int conflicts;
    private final QuotaStatusWriter writer = quota -> {
        if (conflicts > 0) {
            conflicts--;
            throw ApiException.staleUpdate("", "resourcequotas", quota.path("metadata").path("name").asText());
        }
        written.add(quota.deepCopy());
        objects.put("", "resourcequotas", quota.deepCopy());
    };
    private final ResourceQuota plugin = new ResourceQuota(objects, writer,
            new QuotaEvaluators(Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC)));

    private void quota(String name, String hard, String used, String spec) {
        objects.put("", "resourcequotas", yaml("metadata: {name: " + name + ", namespace: ns, resourceVersion: '3'}\nspec: {" + spec
                + "}\nstatus: {hard: {" + hard + "}, used: {" + used + "}}"));
    }

    private String used(String quota) {
        return Json.string(objects.get("", "resourcequotas", "ns", quota).orElseThrow().at("/status/used"));
    }

    private static ObjectNode pod(String name, String resources) {
        return yaml("metadata: {name: " + name + "}\nspec: {containers: [{name: app, resources: {" + resources + "}}]}");
    }

    private ApiException refused(AdmissionRequest r) {
        return catchThrowableOfType(() -> plugin.validate(r), ApiException.class);
    }

    @Test
    void aPodWithinTheQuotaIsChargedAndOneBeyondItIsRefused() {
        quota("q", "pods: '2', count/pods: '5'", "pods: '1', count/pods: '1'", "");
        plugin.validate(Requests.create("", "pods", "ns", pod("a", "")));
        assertThat(used("q")).isEqualTo("{\"count/pods\":\"2\",\"pods\":\"2\"}");
        ApiException e = refused(Requests.create("", "pods", "ns", pod("b", "")));
        assertThat(e.code()).isEqualTo(403);
        assertThat(e.getMessage()).isEqualTo("pods \"b\" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2");
        assertThat(written).hasSize(1);
    }

    @Test
    void computeResourcesAddUpAndAQuotaOnThemObligesEveryContainerToDeclareThem() {
        quota("compute", "requests.cpu: '1', limits.memory: 1Gi", "requests.cpu: 200m, limits.memory: 512Mi", "");
        plugin.validate(Requests.create("", "pods", "ns", pod("a", "requests: {cpu: 300m}, limits: {memory: 256Mi}")));
        assertThat(used("compute")).isEqualTo("{\"limits.memory\":\"768Mi\",\"requests.cpu\":\"500m\"}");

        ApiException tooMuch = refused(Requests.create("", "pods", "ns", pod("b", "requests: {cpu: 600m}, limits: {memory: 1Gi}")));
        assertThat(tooMuch.getMessage()).isEqualTo("pods \"b\" is forbidden: exceeded quota: compute, "
                + "requested: limits.memory=1Gi,requests.cpu=600m, used: limits.memory=768Mi,requests.cpu=500m, "
                + "limited: limits.memory=1Gi,requests.cpu=1");

        ObjectNode undeclared = yaml("""
                metadata: {name: c}
                spec:
                  initContainers: [{name: init, resources: {requests: {cpu: 100m}}}]
                  containers: [{name: x}, {name: y, resources: {limits: {memory: 1Mi}}}]
                """);
        assertThat(refused(Requests.create("", "pods", "ns", undeclared)).getMessage()).isEqualTo("pods \"c\" is forbidden: "
                + "failed quota: compute: must specify limits.memory for: init,x; requests.cpu for: x,y");
    }

    @Test
    void aQuotaWithoutUsageForWhatItLimitsRefusesUntilItsStatusIsKnown() {
        quota("fresh", "pods: '10', services: '3'", "services: '0'", "");
        assertThat(refused(Requests.create("", "pods", "ns", pod("a", ""))).getMessage())
                .isEqualTo("pods \"a\" is forbidden: status unknown for quota: fresh, resources: pods");
        objects.put("", "resourcequotas", yaml("metadata: {name: fresh, namespace: ns}\nspec: {hard: {pods: '10'}}"));
        assertThatCode(() -> plugin.validate(Requests.create("", "pods", "ns", pod("a", ""))))
                .as("without status.hard a quota limits nothing").doesNotThrowAnyException();
    }

    @Test
    void scopesSelectWhichPodsAQuotaCounts() {
        quota("best-effort", "pods: '1'", "pods: '1'", "scopes: [BestEffort]");
        quota("critical", "pods: '1'", "pods: '1'", "scopeSelector: {matchExpressions: [{scopeName: PriorityClass, operator: In, "
                + "values: [critical]}]}");
        assertThatCode(() -> plugin.validate(Requests.create("", "pods", "ns", pod("a", "requests: {cpu: 10m}"))))
                .as("neither a best-effort nor a critical pod").doesNotThrowAnyException();
        assertThat(refused(Requests.create("", "pods", "ns", pod("b", ""))).getMessage()).contains("exceeded quota: best-effort");
        ObjectNode critical = yaml("metadata: {name: c}\nspec: {priorityClassName: critical, containers: [{name: x, resources: "
                + "{requests: {cpu: 10m}}}]}");
        assertThat(refused(Requests.create("", "pods", "ns", critical)).getMessage()).contains("exceeded quota: critical");
        assertThat(written).isEmpty();
    }

    @Test
    void servicesCountNodePortsAndLoadBalancersAlsoWhenTheirTypeChanges() {
        quota("svc", "services: '5', services.nodeports: '2', services.loadbalancers: '1'",
                "services: '0', services.nodeports: '0', services.loadbalancers: '0'", "");
        ObjectNode nodePort = yaml("metadata: {name: a}\nspec: {type: NodePort, ports: [{port: 80}, {port: 443}]}");
        plugin.validate(Requests.create("", "services", "ns", nodePort));
        assertThat(used("svc")).isEqualTo("{\"services\":\"1\",\"services.loadbalancers\":\"0\",\"services.nodeports\":\"2\"}");
        ObjectNode old = yaml("metadata: {name: b, resourceVersion: '9'}\nspec: {type: ClusterIP, ports: [{port: 80}]}");
        ObjectNode lb = yaml("metadata: {name: b, resourceVersion: '9'}\nspec: {type: LoadBalancer, ports: [{port: 80}]}");
        assertThat(refused(Requests.update("", "services", "ns", lb, old)).getMessage()).isEqualTo("services \"b\" is forbidden: "
                + "exceeded quota: svc, requested: services.nodeports=1, used: services.nodeports=2, limited: services.nodeports=2");
    }

    @Test
    void claimsCountStoragePerClassAndOtherKindsCountObjects() {
        quota("storage", "requests.storage: 10Gi, gold.storageclass.storage.k8s.io/requests.storage: 5Gi, configmaps: '1', "
                + "count/deployments.apps: '1'", "requests.storage: 1Gi, gold.storageclass.storage.k8s.io/requests.storage: 0, "
                + "configmaps: '1', count/deployments.apps: '0'", "");
        ObjectNode claim = yaml("metadata: {name: c}\nspec: {storageClassName: gold, resources: {requests: {storage: 6Gi}}}");
        assertThat(refused(Requests.create("", "persistentvolumeclaims", "ns", claim)).getMessage()).isEqualTo(
                "persistentvolumeclaims \"c\" is forbidden: exceeded quota: storage, requested: "
                        + "gold.storageclass.storage.k8s.io/requests.storage=6Gi, used: gold.storageclass.storage.k8s.io/requests.storage=0, "
                        + "limited: gold.storageclass.storage.k8s.io/requests.storage=5Gi");
        assertThat(refused(Requests.create("", "configmaps", "ns", yaml("metadata: {name: m}"))).getMessage())
                .isEqualTo("configmaps \"m\" is forbidden: exceeded quota: storage, requested: configmaps=1, used: configmaps=1, "
                        + "limited: configmaps=1");
        plugin.validate(Requests.create("apps", "deployments", "ns", yaml("metadata: {name: d}")));
        assertThat(used("storage")).contains("\"count/deployments.apps\":\"1\"");
    }

    @Test
    void dryRunsAreCheckedButNotCharged() {
        quota("q", "pods: '1'", "pods: '0'", "");
        plugin.validate(Requests.dryRunCreate("", "pods", "ns", pod("a", "")));
        assertThat(written).isEmpty();
        quota("q", "pods: '1'", "pods: '1'", "");
        assertThat(refused(Requests.dryRunCreate("", "pods", "ns", pod("a", ""))).code()).isEqualTo(403);
    }

    @Test
    void aQuotaChangedConcurrentlyIsReadAgainAndRechecked() {
        quota("q", "pods: '5'", "pods: '1'", "");
        conflicts = 2;
        plugin.validate(Requests.create("", "pods", "ns", pod("a", "")));
        assertThat(used("q")).isEqualTo("{\"pods\":\"2\"}");
        conflicts = 10;
        ApiException e = refused(Requests.create("", "pods", "ns", pod("b", "")));
        assertThat(e.code()).as("upstream gives up after three retries").isEqualTo(409);
    }

    @Test
    void subresourcesClusterScopedObjectsAndEventsAreNotCharged() {
        quota("q", "pods: '0', count/events: '0', count/nodes: '0'", "pods: '0', count/events: '0', count/nodes: '0'", "");
        ObjectNode pod = pod("a", "");
        assertThatCode(() -> {
            plugin.validate(Requests.subresourceUpdate("", "pods", "status", "ns", pod, pod.deepCopy()));
            plugin.validate(Requests.create("", "events", "ns", yaml("metadata: {name: e}")));
            plugin.validate(Requests.create("", "nodes", "", yaml("metadata: {name: n}")));
            plugin.validate(Requests.update("", "pods", "ns", pod, pod.deepCopy()));
        }).doesNotThrowAnyException();
        assertThat(written).isEmpty();
    }
}
