package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.NameValidation;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Secrets (upstream's ValidateSecret and ValidateSecretUpdate): valid keys and at most 1 MiB of
 * data, the keys or annotation each well-known type needs, well-formed docker configs, and on
 * update a fixed type and nothing changed once {@code immutable} is set. {@code stringData} counts
 * as data, since upstream merges it before validating.
 */
final class SecretValidation implements KindValidator {
    private static final String SERVICE_ACCOUNT_NAME = "kubernetes.io/service-account.name";
    private static final String IMMUTABLE = "field is immutable when `immutable` is set";

    @Override
    public List<FieldProblem> validate(ObjectNode secret) {
        Problems out = new Problems();
        Map<String, byte[]> data = data(secret);
        FieldPath dataPath = FieldPath.of("data");
        long total = 0;
        for (Map.Entry<String, byte[]> e : data.entrySet()) {
            out.invalidEach(dataPath.key(e.getKey()), e.getKey(), NameValidation.isConfigMapKey(e.getKey()));
            total += e.getValue().length;
        }
        if (total > ConfigMapValidation.MAX_SIZE) {
            out.tooLong(dataPath, ConfigMapValidation.MAX_SIZE);
        }
        switch (Nodes.text(secret, "type")) {
            case "kubernetes.io/service-account-token" -> {
                Map<String, String> annotations = Nodes.sortedMap(Nodes.get(secret, "metadata"), "annotations");
                if (annotations.getOrDefault(SERVICE_ACCOUNT_NAME, "").isEmpty()) {
                    out.required(FieldPath.of("metadata", "annotations").key(SERVICE_ACCOUNT_NAME), "");
                }
            }
            case "kubernetes.io/dockercfg" -> dockerConfig(out, data, ".dockercfg", dataPath);
            case "kubernetes.io/dockerconfigjson" -> dockerConfig(out, data, ".dockerconfigjson", dataPath);
            case "kubernetes.io/basic-auth" -> {
                if (!data.containsKey("username") && !data.containsKey("password")) {
                    out.required(dataPath.key("username"), "");
                    out.required(dataPath.key("password"), "");
                }
            }
            case "kubernetes.io/ssh-auth" -> {
                if (data.getOrDefault("ssh-privatekey", new byte[0]).length == 0) {
                    out.required(dataPath.key("ssh-privatekey"), "");
                }
            }
            case "kubernetes.io/tls" -> {
                for (String key : List.of("tls.crt", "tls.key")) {
                    if (!data.containsKey(key)) {
                        out.required(dataPath.key(key), "");
                    }
                }
            }
            default -> {
                // Opaque and custom types have no required keys.
            }
        }
        return out.list();
    }

    @Override
    public List<FieldProblem> validateUpdate(ObjectNode secret, ObjectNode old) {
        Problems out = new Problems();
        String type = Nodes.text(secret, "type");
        if (!type.equals(Nodes.text(old, "type"))) {
            out.invalid(FieldPath.of("type"), type, FieldChecks.IMMUTABLE);
        }
        if (Nodes.bool(old, "immutable")) {
            if (!Nodes.bool(secret, "immutable")) {
                out.forbidden(FieldPath.of("immutable"), IMMUTABLE);
            }
            if (!sameData(data(secret), data(old))) {
                out.forbidden(FieldPath.of("data"), IMMUTABLE);
            }
        }
        out.addAll(validate(secret));
        return out.list();
    }

    /** Decoded data with stringData merged over it, by key. */
    private static Map<String, byte[]> data(JsonNode secret) {
        Map<String, byte[]> data = new TreeMap<>();
        for (Map.Entry<String, String> e : Nodes.sortedMap(secret, "data").entrySet()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(e.getValue());
            } catch (IllegalArgumentException ex) {
                bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
            }
            data.put(e.getKey(), bytes);
        }
        for (Map.Entry<String, String> e : Nodes.sortedMap(secret, "stringData").entrySet()) {
            data.put(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return data;
    }

    private static boolean sameData(Map<String, byte[]> a, Map<String, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, byte[]> e : a.entrySet()) {
            if (!Arrays.equals(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static void dockerConfig(Problems out, Map<String, byte[]> data, String key, FieldPath dataPath) {
        byte[] config = data.get(key);
        if (config == null) {
            out.required(dataPath.key(key), "");
            return;
        }
        String error = SecretDockerConfigCheck.error(config);
        if (error != null) {
            out.invalid(dataPath.key(key), "<secret contents redacted>", error);
        }
    }
}
