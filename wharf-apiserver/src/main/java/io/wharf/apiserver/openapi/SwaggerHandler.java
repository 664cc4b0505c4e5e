package io.wharf.apiserver.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.schema.SchemaRegistry;
import io.wharf.apiserver.http.ApiRequest;
import io.wharf.apiserver.http.Responses;
import io.wharf.apiserver.resources.ResourceRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Serves the swagger 2.0 document at {@code /openapi/v2}, as JSON or as gnostic protobuf (what
 * kubectl asks for to validate manifests and explain fields). The document is built on the first
 * request, not at start-up, and again after the set of served resources changed; both encodings
 * share one entity tag, the hash of the JSON, so a client's cached copy stays valid until then.
 */
public final class SwaggerHandler {
    public static final String PATH = "/openapi/v2";

    private final ResourceRegistry registry;
    private final SchemaRegistry schemas;
    private final String version;
    private volatile Snapshot snapshot;

    /** One build of the document, for one generation of the resource registry. */
    private record Snapshot(long generation, byte[] json, byte[] protobuf, String etag, Instant lastModified) {
    }

    public SwaggerHandler(ResourceRegistry registry, SchemaRegistry schemas, String version) {
        this.registry = registry;
        this.schemas = schemas;
        this.version = version;
    }

    public void handle(ApiRequest req) {
        Optional<SwaggerFormat> format = SwaggerFormat.negotiate(req.header("Accept"));
        if (format.isEmpty()) {
            Responses.send(req.ctx(), req.raw(), 406, "text/plain; charset=utf-8",
                    "only application/json and application/com.github.proto-openapi.spec.v2.v1.0+protobuf are served"
                            .getBytes(StandardCharsets.UTF_8),
                    Map.of("Vary", "Accept"));
            return;
        }
        Snapshot s = current();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Vary", "Accept");
        headers.put("Etag", "\"" + s.etag() + "\"");
        headers.put("Last-Modified", ConditionalGet.httpDate(s.lastModified()));
        if (ConditionalGet.notModified(req.header("If-None-Match"), req.header("If-Modified-Since"), s.etag(), s.lastModified())) {
            Responses.notModified(req.ctx(), req.raw(), headers);
            return;
        }
        byte[] body = format.get() == SwaggerFormat.PROTOBUF ? s.protobuf() : s.json();
        Responses.send(req.ctx(), req.raw(), 200, format.get().contentType(), body, headers);
    }

    /** The document for the registry as it is now, built when there is none for this generation. */
    private Snapshot current() {
        Snapshot s = snapshot;
        long generation = registry.generation();
        if (s != null && s.generation() == generation) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            generation = registry.generation();
            if (s == null || s.generation() != generation) {
                s = build(generation);
                snapshot = s;
            }
            return s;
        }
    }

    private Snapshot build(long generation) {
        ObjectNode doc = SwaggerDocument.build(schemas, registry.all(), version);
        byte[] json = Json.bytes(doc);
        return new Snapshot(generation, json, SwaggerProtoEncoder.encode(doc), ConditionalGet.sha512(json), Instant.now());
    }
}
