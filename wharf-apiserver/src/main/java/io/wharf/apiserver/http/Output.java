package io.wharf.apiserver.http;

import io.wharf.apiserver.errors.ApiException;
import java.util.List;

/**
 * The representation a client asked for in its Accept header: plain JSON or YAML, a server-side
 * Table, or PartialObjectMetadata.
 *
 * @param form          what to render
 * @param includeObject for tables: None, Metadata (default) or Object
 */
public record Output(Form form, String includeObject) {
    public enum Form { JSON, YAML, TABLE, PARTIAL_METADATA, PROTOBUF }

    public static final Output JSON = new Output(Form.JSON, "Metadata");
    private static final String SUPPORTED = "application/json, application/yaml, application/vnd.kubernetes.protobuf, application/json;as=Table;v=v1;g=meta.k8s.io, "
            + "application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io, application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io";

    /**
     * Picks the first acceptable entry of the Accept header; transformations (Table, metadata) are
     * only offered for reads. Protobuf is served only to clients that accept nothing else: Go's typed
     * clients list it first but take JSON, which costs Wharf less. No acceptable entry answers 406.
     */
    public static Output negotiate(ApiRequest req, boolean transformsAllowed) {
        String accept = req.header("Accept");
        List<MediaType> types = MediaType.parseAccept(accept);
        if (types.isEmpty()) {
            return JSON;
        }
        String include = req.param("includeObject", "Metadata");
        if (!include.equals("None") && !include.equals("Metadata") && !include.equals("Object")) {
            throw ApiException.badRequest("includeObject: Unsupported value: \"" + include + "\": supported values: \"Metadata\", \"None\", \"Object\"");
        }
        boolean protobuf = false;
        for (MediaType t : types) {
            String as = t.param("as");
            if (t.type().equals("application/vnd.kubernetes.protobuf") && as == null) {
                protobuf = true;
                continue;
            }
            if (as != null) {
                if (!transformsAllowed || !t.isJson() || !"meta.k8s.io".equals(t.param("g"))
                        || !("v1".equals(t.param("v")) || "v1beta1".equals(t.param("v")))) {
                    continue;
                }
                if (as.equals("Table")) {
                    return new Output(Form.TABLE, include);
                }
                if (as.equals("PartialObjectMetadata") || as.equals("PartialObjectMetadataList")) {
                    return new Output(Form.PARTIAL_METADATA, include);
                }
                continue;
            }
            if (t.isJson()) {
                return JSON;
            }
            if (t.isYaml()) {
                return new Output(Form.YAML, include);
            }
        }
        if (protobuf) {
            return new Output(Form.PROTOBUF, include);
        }
        throw ApiException.notAcceptable(SUPPORTED);
    }

    public String contentType() {
        return switch (form) {
            case YAML -> "application/yaml";
            case TABLE -> "application/json;as=Table;v=v1;g=meta.k8s.io";
            case PARTIAL_METADATA -> "application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io";
            case PROTOBUF -> "application/vnd.kubernetes.protobuf";
            default -> "application/json";
        };
    }
}
