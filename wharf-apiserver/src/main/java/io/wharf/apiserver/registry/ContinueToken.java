package io.wharf.apiserver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.errors.ApiException;
import java.util.Base64;

/**
 * The opaque {@code continue} token of a paged list: the revision the first page was read at and
 * the last key returned (relative to the resource's prefix), in upstream's encoding. A negative
 * revision (upstream hands one out with a 410 for a compacted token) means "at the latest revision".
 */
public record ContinueToken(long revision, String start) {
    /** The revision of a token that continues at whatever the store holds now. */
    public static final long LATEST = -1;

    /** Whether the token asks for the latest state rather than the first page's revision. */
    public boolean atLatest() {
        return revision < 0;
    }

    public static String encode(long revision, String lastKey) {
        ObjectNode o = Json.object();
        o.put("v", "meta.k8s.io/v1");
        o.put("rv", revision);
        o.put("start", lastKey + "\u0000");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.bytes(o));
    }

    public static ContinueToken decode(String token) {
        try {
            JsonNode o = Json.parse(Base64.getUrlDecoder().decode(token));
            if (!"meta.k8s.io/v1".equals(o.path("v").asText())) {
                throw new IllegalArgumentException("unknown version");
            }
            String start = o.path("start").asText();
            long rv = o.path("rv").asLong(0);
            if (start.isEmpty() || rv == 0 || !isClean(start)) {
                throw new IllegalArgumentException("bad token");
            }
            if (start.startsWith("/")) {
                start = start.substring(1);
            }
            if (start.endsWith("\u0000")) {
                start = start.substring(0, start.length() - 1);
            }
            return new ContinueToken(rv, start);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("continue key is not valid: " + e.getMessage());
        }
    }

    /**
     * Upstream's guard against walking out of the resource's prefix: the key (made absolute) must be
     * what path cleaning leaves unchanged, so no empty, "." or ".." segment.
     */
    private static boolean isClean(String start) {
        String relative = start.startsWith("/") ? start.substring(1) : start;
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
