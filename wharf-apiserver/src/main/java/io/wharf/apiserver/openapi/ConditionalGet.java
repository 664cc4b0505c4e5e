package io.wharf.apiserver.openapi;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The validators of OpenAPI documents and the conditional-GET rules upstream's handlers get from
 * Go's http.ServeContent: an entity tag that is the document's SHA-512 in upper-case hex, a
 * Last-Modified date, and "not modified" when If-None-Match names the tag or, without it,
 * If-Modified-Since is not older than the document.
 */
final class ConditionalGet {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private ConditionalGet() {
    }

    static String sha512(byte[] content) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-512").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String httpDate(Instant t) {
        return HTTP_DATE.format(t);
    }

    /**
     * Whether the client's copy is current. {@code etag} is given without quotes; listed tags may
     * be weak or strong, or {@code *}. If-Modified-Since counts only without If-None-Match.
     */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, Instant lastModified) {
        if (ifNoneMatch != null) {
            return matches(ifNoneMatch, etag);
        }
        if (ifModifiedSince == null) {
            return false;
        }
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
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
