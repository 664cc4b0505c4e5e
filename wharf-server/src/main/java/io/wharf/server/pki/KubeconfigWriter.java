package io.wharf.server.pki;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Writes a self-contained kubeconfig (everything inline as base64 {@code *-data} fields) so the
 * file can be copied to another machine and still work. It holds a private key, so it is written
 * with mode 0600, atomically: kubectl running during a rotation sees the old or the new file.
 */
public final class KubeconfigWriter {
    private KubeconfigWriter() {
    }

    public static void write(Path file, Kubeconfig config) {
        AtomicFiles.writePrivate(file, toYaml(config).getBytes(StandardCharsets.UTF_8));
    }

    /** The kubeconfig as YAML, laid out the way {@code kubectl config view --raw} prints one. */
    public static String toYaml(Kubeconfig config) {
        ObjectNode root = Json.object();
        root.put("apiVersion", "v1");

        ObjectNode cluster = Json.object();
        if (config.certificateAuthorityPem() != null) {
            cluster.put("certificate-authority-data", base64(config.certificateAuthorityPem()));
        }
        cluster.put("server", config.server());
        ObjectNode namedCluster = root.putArray("clusters").addObject();
        namedCluster.set("cluster", cluster);
        namedCluster.put("name", config.clusterName());

        ObjectNode context = Json.object();
        context.put("cluster", config.clusterName());
        context.put("user", config.userName());
        ObjectNode namedContext = root.putArray("contexts").addObject();
        namedContext.set("context", context);
        namedContext.put("name", config.contextName());

        root.put("current-context", config.contextName());
        root.put("kind", "Config");
        root.putObject("preferences");

        ObjectNode user = Json.object();
        if (config.clientCertificatePem() != null) {
            user.put("client-certificate-data", base64(config.clientCertificatePem()));
            user.put("client-key-data", base64(config.clientKeyPem()));
        }
        if (config.token() != null) {
            user.put("token", config.token());
        }
        ObjectNode namedUser = root.putArray("users").addObject();
        namedUser.put("name", config.userName());
        namedUser.set("user", user);

        try {
            return Json.YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }
}
