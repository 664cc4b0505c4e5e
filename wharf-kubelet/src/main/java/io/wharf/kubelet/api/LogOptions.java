package io.wharf.kubelet.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The v1 PodLogOptions a {@code /containerLogs} request carries, decoded with the API
 * machinery's query conventions and validated as the kubelet does; {@link #since} folds
 * sinceSeconds and sinceTime into one instant.
 *
 * @param tailLines  -1: all records
 * @param limitBytes -1: no limit
 * @param since      null: from the first record
 */
record LogOptions(boolean follow, boolean previous, boolean timestamps, long tailLines, long limitBytes,
                  Instant since) {

    /** The query could not be decoded (400) or failed validation (422); the message is the kubelet's body. */
    static final class Rejected extends Exception {
        final int code;

        Rejected(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    static final String UNDECODABLE = "{\"message\": \"Unable to decode query.\"}";
    static final String INVALID = "{\"message\": \"Invalid request.\"}";

    static LogOptions parse(KubeletRequest request, Instant now) throws Rejected {
        String stream = request.param("stream");
        Long tail;
        Long limit;
        Long sinceSeconds;
        Instant sinceTime;
        try {
            String tailParam = request.param("tail");
            if (tailParam != null && !tailParam.isEmpty()) {
                // the legacy "tail" parameter wins over tailLines; "all" means no tail
                tail = "all".equals(tailParam) ? null : Long.parseLong(tailParam);
            } else {
                tail = integer(request.param("tailLines"));
            }
            limit = integer(request.param("limitBytes"));
            sinceSeconds = integer(request.param("sinceSeconds"));
            sinceTime = time(request.param("sinceTime"));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new Rejected(400, UNDECODABLE);
        }
        if ((tail != null && tail < 0) || (limit != null && limit < 1) || (sinceSeconds != null && sinceSeconds < 1)
                || (sinceSeconds != null && sinceTime != null)) {
            throw new Rejected(422, INVALID);
        }
        if (stream != null && !"All".equals(stream)) {
            throw new Rejected(400, "unable to return the given log stream: \"" + stream
                    + "\". Please enable PodLogsQuerySplitStreams feature gate in kubelet");
        }
        Instant since = null;
        if (sinceSeconds != null) {
            since = now.minusSeconds(sinceSeconds);
        }
        if (sinceTime != null && (since == null || sinceTime.isAfter(since))) {
            since = sinceTime;
        }
        return new LogOptions(bool(request, "follow"), bool(request, "previous"), bool(request, "timestamps"),
                tail == null ? -1 : tail, limit == null ? -1 : limit, since);
    }

    /** The API machinery's query boolean: absent is false, and so are 0, f, false, n, no; anything else is true. */
    static boolean bool(KubeletRequest request, String name) {
        if (!request.hasParam(name)) {
            return false;
        }
        String value = request.param(name);
        if (value == null) {
            return true;
        }
        String v = value.toLowerCase(Locale.ROOT);
        return !(v.equals("0") || v.equals("f") || v.equals("false") || v.equals("n") || v.equals("no"));
    }

    private static Long integer(String value) {
        return value == null || value.isEmpty() ? null : Long.parseLong(value);
    }

    private static Instant time(String value) {
        if (value == null || value.isEmpty() || value.equals("null")) {
            return null;
        }
        return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }
}
