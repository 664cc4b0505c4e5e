package io.wharf.apiserver.kubelet;

import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.http.ApiRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads typed connect options from query parameters, failing as upstream's parameter codec does:
 * a 400 carrying Go's parse error.
 */
final class OptionValues {
    private OptionValues() {
    }

    /** A boolean as Go's strconv.ParseBool reads it; absent is false. */
    static boolean bool(ApiRequest req, String name) {
        String v = req.param(name);
        if (v == null) {
            return false;
        }
        return switch (v) {
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            case "0", "f", "F", "false", "FALSE", "False" -> false;
            default -> throw ApiException.badRequest("strconv.ParseBool: parsing \"" + v + "\": invalid syntax");
        };
    }

    /** A 64-bit integer, or null when absent. */
    static Long int64(ApiRequest req, String name) {
        String v = req.param(name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("strconv.ParseInt: parsing \"" + v + "\": "
                    + (v.matches("[+-]?[0-9]+") ? "value out of range" : "invalid syntax"));
        }
    }

    /** An RFC 3339 time, or null when absent. */
    static Instant time(ApiRequest req, String name) {
        String v = req.param(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("parsing time \"" + v + "\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"" + v + "\"");
        }
    }
}
