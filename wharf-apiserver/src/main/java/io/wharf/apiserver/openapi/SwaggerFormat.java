package io.wharf.apiserver.openapi;

import io.wharf.apiserver.http.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The two encodings of the swagger 2.0 document and how a request's Accept header picks one, as
 * upstream's handler does: clauses by descending quality, the first that JSON or gnostic protobuf
 * satisfies wins ({@code *}{@code /*} means JSON); nothing acceptable is a 406.
 */
enum SwaggerFormat {
    JSON("application/json"),
    PROTOBUF("application/com.github.proto-openapi.spec.v2.v1.0+protobuf");

    /** The spelling kubectl and client-go send; answered with the current content type. */
    static final String PROTOBUF_DEPRECATED = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf";

    private final String contentType;

    SwaggerFormat(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    static Optional<SwaggerFormat> negotiate(String accept) {
        List<MediaType> clauses = new ArrayList<>(MediaType.parseAccept(accept == null || accept.isBlank() ? "*/*" : accept));
        clauses.sort(Comparator.comparingDouble(SwaggerFormat::quality).reversed());
        for (MediaType clause : clauses) {
            if (quality(clause) <= 0) {
                continue;
            }
            for (SwaggerFormat f : List.of(JSON, PROTOBUF)) {
                if (f.satisfies(clause.type())) {
                    return Optional.of(f);
                }
            }
            if (clause.type().equals(PROTOBUF_DEPRECATED)) {
                return Optional.of(PROTOBUF);
            }
        }
        return Optional.empty();
    }

    private boolean satisfies(String range) {
        if (range.equals("*/*") || range.equals(contentType)) {
            return true;
        }
        return range.endsWith("/*") && contentType.startsWith(range.substring(0, range.length() - 1));
    }

    private static double quality(MediaType clause) {
        String q = clause.param("q");
        if (q == null) {
            return 1;
        }
        try {
            return Double.parseDouble(q);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
