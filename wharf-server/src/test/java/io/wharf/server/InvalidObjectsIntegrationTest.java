package io.wharf.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invalid objects of kinds from several API groups, sent over HTTP: 422 Invalid, one cause per bad field, upstream's paths. */
class InvalidObjectsIntegrationTest {
    @TempDir
    static Path dir;
    static InProcessCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = new InProcessCluster(dir);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    /** POSTs the object and answers its Status message and its causes as "reason field: message". */
    private static List<String> refused(String path, String body) throws Exception {
        HttpResponse<String> r = cluster.post(path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        JsonNode status = Json.MAPPER.readTree(r.body());
        assertThat(status.path("reason").asText()).isEqualTo("Invalid");
        List<String> out = new ArrayList<>();
        for (JsonNode c : status.path("details").path("causes")) {
            out.add(c.path("reason").asText() + " " + c.path("field").asText() + ": " + c.path("message").asText());
        }
        return out;
    }

    @Test
    void aServiceWithABadPortAndSelector() throws Exception {
        assertThat(refused("/api/v1/namespaces/default/services", """
                {"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},
                 "spec":{"selector":{"app":"-bad-"},"ports":[{"port":0,"protocol":"SCTP2"}]}}""")).containsExactly(
                "FieldValueInvalid spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
                "FieldValueNotSupported spec.ports[0].protocol: Unsupported value: \"SCTP2\": supported values: \"SCTP\", \"TCP\", \"UDP\"",
                // targetPort defaults to the port, so it is out of range too
                "FieldValueInvalid spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive",
                "FieldValueInvalid spec.selector: Invalid value: \"-bad-\": a valid label must be an empty string or consist of alphanumeric "
                        + "characters, '-', '_' or '.', and must start and end with an alphanumeric character "
                        + "(e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
    }

    @Test
    void aConfigMapWithABadKey() throws Exception {
        assertThat(refused("/api/v1/namespaces/default/configmaps", """
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"a b":"x"}}""")).containsExactly(
                "FieldValueInvalid data[a b]: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, "
                        + "'-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
    }

    @Test
    void aRoleWithoutVerbs() throws Exception {
        assertThat(refused("/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles", """
                {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","metadata":{"name":"r"},
                 "rules":[{"apiGroups":[""],"resources":["pods"]}]}""")).containsExactly(
                "FieldValueRequired rules[0].verbs: Required value: verbs must contain at least one value");
    }

    @Test
    void aCronJobWithABadSchedule() throws Exception {
        List<String> causes = refused("/apis/batch/v1/namespaces/default/cronjobs", """
                {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"cj"},
                 "spec":{"schedule":"every minute","jobTemplate":{"spec":{"template":{"spec":{
                   "restartPolicy":"OnFailure","containers":[{"name":"c","image":"busybox"}]}}}}}}""");
        assertThat(causes).singleElement().asString().startsWith("FieldValueInvalid spec.schedule: Invalid value: \"every minute\":");
    }

    @Test
    void anIngressWithAnIpHost() throws Exception {
        assertThat(refused("/apis/networking.k8s.io/v1/namespaces/default/ingresses", """
                {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"i"},
                 "spec":{"rules":[{"host":"1.2.3.4","http":{"paths":[{"path":"/","pathType":"Prefix",
                   "backend":{"service":{"name":"s","port":{"number":80}}}}]}}]}}""")).containsExactly(
                "FieldValueInvalid spec.rules[0].host: Invalid value: \"1.2.3.4\": must be a DNS name, not an IP address");
    }

    @Test
    void anImmutableFieldChangedOnUpdate() throws Exception {
        cluster.created("/apis/apps/v1/namespaces/default/deployments", """
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},
                 "spec":{"selector":{"matchLabels":{"app":"a"}},"template":{"metadata":{"labels":{"app":"a","v":"1"}},
                   "spec":{"containers":[{"name":"c","image":"nginx"}]}}}}""");
        HttpResponse<String> r = cluster.patch("/apis/apps/v1/namespaces/default/deployments/d", "application/merge-patch+json",
                "{\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"a\",\"v\":\"1\"}}}}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Json.MAPPER.readTree(r.body()).path("details").path("causes").get(0).path("field").asText()).isEqualTo("spec.selector");
        assertThat(r.body()).contains("field is immutable");
    }
}
