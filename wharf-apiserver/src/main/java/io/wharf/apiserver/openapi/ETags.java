package io.wharf.apiserver.openapi;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content hashes of OpenAPI documents, spelled as upstream's handlers spell them (upper-case hex SHA-512). */
final class ETags {
    private ETags() {
    }

    static String sha512(byte[] content) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-512").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether an {@code If-None-Match} header names this entity tag (given without quotes): any
     * listed tag, weak or strong, or {@code *}, as Go's http.ServeContent compares them.
     */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*")) {
                return true;
            }
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("\"" + etag + "\"")) {
                return true;
            }
        }
        return false;
    }
}
