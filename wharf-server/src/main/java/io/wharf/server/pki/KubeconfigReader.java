package io.wharf.server.pki;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Reads the server URL and credentials of one context out of a kubeconfig, for components that
 * take {@code --kubeconfig}. It accepts what kubectl accepts for these fields: inline
 * {@code *-data} or file paths (relative ones resolved against the kubeconfig's own directory, as
 * client-go does), and a {@code token} or {@code tokenFile}.
 */
public final class KubeconfigReader {
    private KubeconfigReader() {
    }

    /** The current context of {@code file} (or its only context when current-context is unset). */
    public static Kubeconfig read(Path file) {
        return read(file, null);
    }

    /** The named context of {@code file}; null means the current context. */
    public static Kubeconfig read(Path file, String contextName) {
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kubeconfig " + file, e);
        }
        Path base = file.toAbsolutePath().getParent();
        try {
            return parse(yaml, base, contextName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kubeconfig " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses kubeconfig text; relative file references resolve against {@code baseDirectory}. */
    public static Kubeconfig parse(String yaml, Path baseDirectory, String contextName) {
        JsonNode root;
        try {
            root = Json.YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a kubeconfig (expected a mapping at the top)");
        }
        String wanted = contextName != null ? contextName : currentContext(root);
        JsonNode context = entry(root, "contexts", wanted, "context");
        String clusterName = requiredText(context, "cluster", "context " + wanted);
        String userName = requiredText(context, "user", "context " + wanted);
        JsonNode cluster = entry(root, "clusters", clusterName, "cluster");
        JsonNode user = entry(root, "users", userName, "user");

        String server = requiredText(cluster, "server", "cluster " + clusterName);
        String ca = pem(cluster, "certificate-authority-data", "certificate-authority", baseDirectory);
        String clientCert = pem(user, "client-certificate-data", "client-certificate", baseDirectory);
        String clientKey = pem(user, "client-key-data", "client-key", baseDirectory);
        String token = token(user, baseDirectory);
        return new Kubeconfig(clusterName, userName, wanted, server, ca, clientCert, clientKey, token);
    }

    private static String currentContext(JsonNode root) {
        String current = Json.text(root, "current-context");
        if (current != null && !current.isEmpty()) {
            return current;
        }
        JsonNode contexts = root.get("contexts");
        if (contexts != null && contexts.isArray() && contexts.size() == 1) {
            return Json.text(contexts.get(0), "name");
        }
        throw new IllegalArgumentException("no current-context set and no single context to fall back on");
    }

    /** The {@code field} object of the entry named {@code name} in the list {@code list}. */
    private static JsonNode entry(JsonNode root, String list, String name, String field) {
        JsonNode entries = root.get(list);
        if (entries != null && entries.isArray()) {
            for (JsonNode entry : entries) {
                if (name.equals(Json.text(entry, "name"))) {
                    JsonNode value = entry.get(field);
                    // kubectl writes "user: {}" for a user without credentials; a missing object means the same.
                    return value != null && value.isObject() ? value : Json.object();
                }
            }
        }
        throw new IllegalArgumentException("no " + field + " named \"" + name + "\" in " + list);
    }

    private static String requiredText(JsonNode node, String field, String where) {
        String value = Json.text(node, field);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(where + " has no " + field);
        }
        return value;
    }

    /** Inline base64 data wins over a file path, as in client-go; null when neither is set. */
    private static String pem(JsonNode node, String dataField, String fileField, Path base) {
        String data = Json.text(node, dataField);
        if (data != null && !data.isEmpty()) {
            try {
                // The MIME decoder skips line breaks, which hand-edited files sometimes contain.
                return new String(Base64.getMimeDecoder().decode(data), StandardCharsets.ISO_8859_1);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(dataField + " is not valid base64", e);
            }
        }
        String file = Json.text(node, fileField);
        return file == null || file.isEmpty() ? null : readReferenced(base, file, fileField);
    }

    private static String token(JsonNode user, Path base) {
        String token = Json.text(user, "token");
        if (token != null && !token.isEmpty()) {
            return token;
        }
        String file = Json.text(user, "tokenFile");
        return file == null || file.isEmpty() ? null : readReferenced(base, file, "tokenFile").trim();
    }

    private static String readReferenced(Path base, String reference, String field) {
        Path path = base == null ? Path.of(reference) : base.resolve(reference);
        try {
            return Files.readString(path, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalArgumentException(field + " " + path + " cannot be read: " + e, e);
        }
    }
}
