package io.wharf.apiserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpMethod;
import io.wharf.api.apply.FieldManagerNames;
import io.wharf.api.defaults.Defaulter;
import io.wharf.api.fields.FieldSelector;
import io.wharf.api.json.Json;
import io.wharf.api.labels.LabelSelector;
import io.wharf.api.schema.SchemaRegistry;
import io.wharf.api.validation.FieldValidation;
import io.wharf.apiserver.cache.ObjectFilter;
import io.wharf.apiserver.cache.WatchCache;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.kinds.PodBindings;
import io.wharf.apiserver.kinds.PodEphemeralContainers;
import io.wharf.apiserver.kinds.PodEvictions;
import io.wharf.apiserver.kubelet.KubeletSubresources;
import io.wharf.api.validation.FieldProblem;
import io.wharf.apiserver.registry.ApplyRequest;
import io.wharf.apiserver.registry.DeleteOptions;
import io.wharf.apiserver.registry.DeleteResult;
import io.wharf.apiserver.registry.ListOptions;
import io.wharf.apiserver.registry.ListResult;
import io.wharf.apiserver.registry.Meta;
import io.wharf.apiserver.registry.RequestContext;
import io.wharf.apiserver.registry.ResourceStorage;
import io.wharf.apiserver.registry.WriteResult;
import io.wharf.apiserver.resources.ResourceRegistry;
import io.wharf.apiserver.resources.ResourceType;
import io.wharf.apiserver.resources.ServedResource;
import io.wharf.apiserver.resources.Subresource;
import io.wharf.apiserver.watch.WatchEncoders;
import io.wharf.apiserver.watch.WatchSession;
import io.wharf.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The REST verbs on resources: get, list, watch, create, update, patch, delete and
 * deletecollection, and the status, scale and finalize subresources. It decodes and checks
 * requests, converts between the served and the stored version, and renders answers; the
 * Kubernetes semantics of each verb live in {@link ResourceStorage}.
 */
public final class ResourceHandler {
    /** Upstream's --min-request-timeout: watches without timeoutSeconds last 30 to 60 minutes. */
    private static final long MIN_REQUEST_TIMEOUT_SECONDS = 1800;
    /** Upstream bookmarks a watch this long before its timeout, so the client resumes from a recent resourceVersion. */
    private static final long PRE_TIMEOUT_BOOKMARK_SECONDS = 2;

    private final ResourceRegistry registry;
    private final Renderer renderer;
    private final Store store;
    private final Patcher patcher;
    private final WebSocketUpgrader upgrader;
    private final PodSubresourceHandler pods;
    private final KubeletSubresources kubelets;
    private final FieldValidator fields = new FieldValidator(SchemaRegistry.builtin());

    public ResourceHandler(ResourceRegistry registry, Renderer renderer, Store store, Patcher patcher, WebSocketUpgrader upgrader,
                           PodBindings bindings, PodEvictions evictions, KubeletSubresources kubelets) {
        this.registry = registry;
        this.renderer = renderer;
        this.store = store;
        this.patcher = patcher;
        this.upgrader = upgrader;
        this.pods = new PodSubresourceHandler(bindings, evictions, fields, SchemaRegistry.builtin());
        this.kubelets = kubelets;
    }

    public void handle(ApiRequest req, ResourcePath path) {
        ServedResource sr = registry.find(path.group(), path.version(), path.resource())
                .orElseThrow(ApiException::notFoundPath);
        ResourceType type = sr.type();
        if (sr.deprecationWarning() != null) {
            req.warnings().add(sr.deprecationWarning());
        }
        if (type.namespaced() && path.resource().equals("namespaces")) {
            throw ApiException.notFoundPath();
        }
        if (!type.namespaced() && !path.namespace().isEmpty() && !type.resource().equals("namespaces")) {
            throw ApiException.notFoundPath();
        }
        String namespace = type.namespaced() ? path.namespace() : "";
        if (!path.subresource().isEmpty()) {
            handleSubresource(req, sr, path, namespace);
            return;
        }
        HttpMethod m = req.method();
        boolean hasName = !path.name().isEmpty();
        if (path.legacyWatch() || (m.equals(HttpMethod.GET) && !hasName && req.flag("watch"))) {
            require(type, "watch");
            watch(req, sr, namespace, path.name());
        } else if (m.equals(HttpMethod.GET)) {
            require(type, hasName ? "get" : "list");
            if (hasName) {
                get(req, sr, namespace, path.name());
            } else {
                list(req, sr, namespace);
            }
        } else if (m.equals(HttpMethod.POST) && !hasName) {
            require(type, "create");
            if (PodSubresourceHandler.isBindings(type)) {
                pods.bind(req, context(req), podResource(), namespace, null);
            } else {
                create(req, sr, namespace);
            }
        } else if (m.equals(HttpMethod.PUT) && hasName) {
            require(type, "update");
            update(req, sr, namespace, path.name());
        } else if (m.equals(HttpMethod.PATCH) && hasName) {
            require(type, "patch");
            patch(req, sr, namespace, path.name(), "");
        } else if (m.equals(HttpMethod.DELETE)) {
            require(type, hasName ? "delete" : "deletecollection");
            if (hasName) {
                delete(req, sr, namespace, path.name());
            } else {
                deleteCollection(req, sr, namespace);
            }
        } else {
            throw ApiException.methodNotAllowed();
        }
    }

    private static void require(ResourceType type, String verb) {
        if (!type.hasVerb(verb)) {
            throw ApiException.methodNotAllowed();
        }
    }

    static RequestContext context(ApiRequest req) {
        List<String> dry = req.params("dryRun");
        for (String d : dry) {
            if (!d.equals("All")) {
                throw ApiException.badRequest("Invalid dry run value: " + d + " [supported values: \"All\"]");
            }
        }
        return new RequestContext(req.user(), !dry.isEmpty(),
                FieldManagerNames.managerOrUserAgent(req.param("fieldManager"), req.header("User-Agent")),
                FieldValidator.directive(req), req.warnings());
    }

    // ---------------------------------------------------------------- reads

    private void get(ApiRequest req, ServedResource sr, String namespace, String name) {
        Output out = Output.negotiate(req, true);
        ObjectNode obj = sr.out(sr.storage().get(namespace, name, req.param("resourceVersion", "")));
        Responses.send(req, 200, out.contentType(), renderer.object(sr, obj, out));
    }

    private void list(ApiRequest req, ServedResource sr, String namespace) {
        Output out = Output.negotiate(req, true);
        if (req.param("sendInitialEvents") != null) {
            throw invalidListOptions(List.of(FieldProblem.forbidden("sendInitialEvents", "sendInitialEvents is forbidden for list")));
        }
        ListResult lr = sr.storage().list(listOptions(req, sr, namespace, null));
        Responses.send(req, 200, out.contentType(), renderer.list(sr, lr, out));
    }

    private ListOptions listOptions(ApiRequest req, ServedResource sr, String namespace, String name) {
        int limit = 0;
        String l = req.param("limit");
        if (l != null && !l.isEmpty()) {
            try {
                limit = Math.max(0, Integer.parseInt(l));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("limit: Invalid value: \"" + l + "\": must be an integer");
            }
        }
        return new ListOptions(filter(req, sr, namespace, name), req.param("resourceVersion", ""),
                req.param("resourceVersionMatch", ""), limit, req.param("continue"));
    }

    private static ObjectFilter filter(ApiRequest req, ServedResource sr, String namespace, String name) {
        LabelSelector labels;
        FieldSelector fields;
        try {
            labels = LabelSelector.parse(req.param("labelSelector", ""));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("unable to parse requirement: " + e.getMessage());
        }
        String fs = req.param("fieldSelector", "");
        if (name != null && !name.isEmpty()) {
            fs = fs.isEmpty() ? "metadata.name=" + escapeField(name) : fs + ",metadata.name=" + escapeField(name);
        }
        try {
            fields = FieldSelector.parse(fs);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        for (io.wharf.api.fields.Requirement r : fields.requirements()) {
            if (!sr.storage().strategy().fields().supports(r.field())) {
                throw ApiException.badRequest("field label not supported: " + r.field());
            }
        }
        return new ObjectFilter(namespace.isEmpty() ? null : namespace, labels, fields);
    }

    private static String escapeField(String v) {
        return v.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=").replace("!", "\\!");
    }

    private static ApiException invalidListOptions(List<FieldProblem> errors) {
        return ApiException.invalid("meta.k8s.io", "ListOptions", "", errors);
    }

    // ---------------------------------------------------------------- watch

    private void watch(ApiRequest req, ServedResource sr, String namespace, String name) {
        Output out = Output.negotiate(req, true);
        ObjectFilter filter = filter(req, sr, namespace, name);
        String rvParam = req.param("resourceVersion", "");
        String sendInitial = req.param("sendInitialEvents");
        boolean bookmarks = req.flag("allowWatchBookmarks");
        boolean initialEvents = sendInitial != null && req.flag("sendInitialEvents");
        String match = req.param("resourceVersionMatch", "");
        List<FieldProblem> problems = new ArrayList<>();
        if (sendInitial != null) {
            if (!match.equals("NotOlderThan")) {
                problems.add(FieldProblem.forbidden("resourceVersionMatch", "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan"));
            }
            if (!bookmarks) {
                problems.add(FieldProblem.forbidden("allowWatchBookmarks", "sendInitialEvents requires setting allowWatchBookmarks to true"));
            }
        } else if (!match.isEmpty()) {
            problems.add(FieldProblem.forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided"));
        }
        if (!problems.isEmpty()) {
            throw invalidListOptions(problems);
        }
        long timeout = timeoutSeconds(req);
        ResourceStorage storage = sr.storage();
        WatchCache cache = storage.cache();
        long rv = rvParam.isEmpty() ? 0 : parseRv(rvParam);
        // Fresh enough before anything is written, so the client never sees a 200 followed by a timeout.
        long needed = rvParam.isEmpty() && (initialEvents || sendInitial == null) ? store.currentRevision() : rv;
        if (needed > 0 && !cache.waitUntilFresh(needed, 3000)) {
            throw ApiException.tooLargeResourceVersion(needed, cache.revision());
        }
        boolean websocket = req.isWebSocketUpgrade();
        if (websocket) {
            upgrader.upgrade(req);
        }
        WatchSession.Framing framing = websocket ? WatchSession.Framing.MESSAGE
                : out.form() == Output.Form.PROTOBUF ? WatchSession.Framing.LENGTH_PREFIXED : WatchSession.Framing.NEWLINE;
        WatchSession session = new WatchSession(req.ctx().channel(), framing, filter, WatchEncoders.forOutput(sr, out, renderer), bookmarks);
        String contentType = switch (out.form()) {
            case TABLE -> out.contentType();
            case PROTOBUF -> "application/vnd.kubernetes.protobuf;stream=watch";
            default -> "application/json";
        };
        session.begin(contentType, req.warnings().headerValues(), timeout, () -> cache.unwatch(session));
        try {
            if (sendInitial != null) {
                // with sendInitialEvents=false the watch starts at the given revision like a plain one
                cache.watch(session, initialEvents ? null : (rvParam.isEmpty() || rv == 0 ? cache.revision() : rv), initialEvents);
            } else if (rvParam.isEmpty() || rv == 0) {
                cache.watch(session, null, false);
            } else {
                cache.watch(session, rv, false);
            }
        } catch (WatchCache.TooOldException e) {
            session.failWith(ApiException.gone(e.getMessage()));
            return;
        }
        if (bookmarks && timeout > PRE_TIMEOUT_BOOKMARK_SECONDS) {
            req.ctx().channel().eventLoop().schedule(() -> cache.bookmark(session), timeout - PRE_TIMEOUT_BOOKMARK_SECONDS,
                    TimeUnit.SECONDS);
        }
    }

    private static long timeoutSeconds(ApiRequest req) {
        String t = req.param("timeoutSeconds");
        if (t != null && !t.isEmpty()) {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("timeoutSeconds: Invalid value: \"" + t + "\": must be an integer");
            }
        }
        return (long) (MIN_REQUEST_TIMEOUT_SECONDS * (1 + ThreadLocalRandom.current().nextDouble()));
    }

    private static long parseRv(String rv) {
        try {
            long v = Long.parseLong(rv);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid value for resourceVersion: \"" + rv + "\"");
        }
    }

    // ---------------------------------------------------------------- writes

    private void create(ApiRequest req, ServedResource sr, String namespace) {
        WriteOptions.checkFieldManager(req, "CreateOptions");
        Output out = Output.negotiate(req, false);
        if (sr.type().namespaced() && namespace.isEmpty()) {
            throw ApiException.notFoundPath();
        }
        RequestContext ctx = context(req);
        ObjectNode body = typedBody(req, sr, ctx);
        WriteResult created = sr.storage().createWritten(ctx, sr.type(), namespace, sr.in(body));
        Responses.send(req, 201, out.contentType(), render(sr, created, out));
    }

    private void update(ApiRequest req, ServedResource sr, String namespace, String name) {
        WriteOptions.checkFieldManager(req, "UpdateOptions");
        Output out = Output.negotiate(req, false);
        RequestContext ctx = context(req);
        ObjectNode body = typedBody(req, sr, ctx);
        checkNameAndNamespace(body, sr.type(), namespace, name);
        ObjectNode desired = sr.in(body);
        boolean pinned = !isBlank(Meta.resourceVersion(desired));
        WriteResult r = sr.storage().update(ctx, sr.type(), namespace, name, "", pinned, current -> desired.deepCopy());
        Responses.send(req, r.created() ? 201 : 200, out.contentType(), render(sr, r, out));
    }

    /** A written object for the response, reusing its stored JSON when the client wants exactly that. */
    private byte[] render(ServedResource sr, WriteResult r, Output out) {
        if (r.json() != null && out.form() == Output.Form.JSON && !sr.converts()) {
            return r.json();
        }
        return renderer.object(sr, sr.out(r.object()), out);
    }

    /** The request body as an object of the endpoint's kind, its fields validated and upstream's defaults applied. */
    private ObjectNode typedBody(ApiRequest req, ServedResource sr, RequestContext ctx) {
        ObjectNode body = fields.decode(req, sr.fields(), sr.type().apiVersion(), sr.type().kind(), ctx);
        defaults(sr.type(), body);
        return body;
    }

    private static void defaults(ResourceType type, ObjectNode obj) {
        Defaulter.apply(type.group(), type.version(), type.kind(), obj);
    }

    private static void checkNameAndNamespace(ObjectNode body, ResourceType type, String namespace, String name) {
        String objName = Meta.name(body);
        if (objName == null || !objName.equals(name)) {
            throw ApiException.badRequest("the name of the object (" + (objName == null ? "" : objName)
                    + ") does not match the name on the URL (" + name + ")");
        }
        String objNs = Meta.namespace(body);
        if (type.namespaced()) {
            if (isBlank(objNs)) {
                Meta.meta(body).put("namespace", namespace);
            } else if (!objNs.equals(namespace)) {
                throw ApiException.badRequest("the namespace of the object (" + objNs + ") does not match the namespace on the request (" + namespace + ")");
            }
        }
    }

    private void patch(ApiRequest req, ServedResource sr, String namespace, String name, String subresource) {
        Output out = Output.negotiate(req, false);
        Patcher.Kind kind = patcher.kindOf(BodyDecoder.contentType(req), sr);
        ApplyRequest apply = WriteOptions.patch(req, kind, patcher);
        if (apply != null) {
            if (subresource.equals(PodEphemeralContainers.SUBRESOURCE)) {
                throw ApiException.unsupportedMediaType(Patcher.APPLY_PATCH, List.of("application/json-patch+json",
                        "application/merge-patch+json", "application/strategic-merge-patch+json"));
            }
            RequestContext ctx = context(req);
            FieldValidator.checkApplyPatch(req.body(), ctx);
            WriteResult r = sr.storage().apply(ctx, sr.type(), namespace, name, subresource, apply);
            Responses.send(req, r.created() ? 201 : 200, out.contentType(), render(sr, r, out));
            return;
        }
        JsonNode patchDoc = patcher.parse(kind, req.body());
        boolean pinned = patcher.setsResourceVersion(kind, patchDoc);
        RequestContext ctx = context(req);
        PatchFieldCheck fieldCheck = fields.forPatch(kind, req.body(), patchDoc, sr.fields(), ctx);
        WriteResult r = sr.storage().update(ctx, sr.type(), namespace, name, subresource, pinned, current -> {
            if (current == null) {
                return null;
            }
            ObjectNode served = sr.out(current);
            JsonNode patched = patcher.apply(kind, served, patchDoc, sr);
            if (!(patched instanceof ObjectNode p)) {
                throw ApiException.badRequest("the patched object is not a JSON object");
            }
            fieldCheck.check(p);
            checkPatchedIdentity(p, sr.type(), namespace, name);
            defaults(sr.type(), p);
            ObjectNode desired = sr.in(p);
            // the ephemeral containers subresource takes nothing else from the patched pod
            return subresource.equals(PodEphemeralContainers.SUBRESOURCE) ? PodEphemeralContainers.apply(current, desired) : desired;
        });
        Responses.send(req, 200, out.contentType(), render(sr, r, out));
    }

    /** A patch may not move an object to another kind, name or namespace. */
    private static void checkPatchedIdentity(ObjectNode p, ResourceType type, String namespace, String name) {
        if (!type.apiVersion().equals(Json.text(p, "apiVersion")) || !type.kind().equals(Json.text(p, "kind"))) {
            throw ApiException.badRequest("the patch must not change the object's apiVersion or kind");
        }
        if (!name.equals(Meta.name(p))) {
            throw ApiException.badRequest("the name of the object (" + Meta.name(p) + ") does not match the name on the URL (" + name + ")");
        }
        if (type.namespaced() && !namespace.equals(Meta.namespace(p))) {
            throw ApiException.badRequest("the namespace of the object (" + Meta.namespace(p) + ") does not match the namespace on the request (" + namespace + ")");
        }
    }

    private void delete(ApiRequest req, ServedResource sr, String namespace, String name) {
        Output out = Output.negotiate(req, false);
        DeleteRequest dr = DeleteRequest.from(req);
        RequestContext ctx = dr.dryRun() ? new RequestContext(req.user(), true, null, FieldValidation.WARN, req.warnings()) : context(req);
        DeleteResult r = sr.storage().delete(ctx, sr.type(), namespace, name, dr.options());
        byte[] body;
        if (r.deletedNow() && !sr.storage().strategy().returnsDeletedObject()) {
            body = Json.bytes(successStatus(sr.type(), name, Meta.uid(r.object())));
        } else {
            body = renderer.object(sr, sr.out(r.object()), out);
        }
        Responses.send(req, 200, out.contentType(), body);
    }

    private static ObjectNode successStatus(ResourceType type, String name, String uid) {
        ObjectNode s = Json.object();
        s.put("kind", "Status");
        s.put("apiVersion", "v1");
        s.putObject("metadata");
        s.put("status", "Success");
        ObjectNode d = s.putObject("details");
        d.put("name", name);
        if (!type.group().isEmpty()) {
            d.put("group", type.group());
        }
        d.put("kind", type.resource());
        if (uid != null) {
            d.put("uid", uid);
        }
        return s;
    }

    private void deleteCollection(ApiRequest req, ServedResource sr, String namespace) {
        Output out = Output.negotiate(req, false);
        DeleteRequest dr = DeleteRequest.from(req);
        RequestContext ctx = dr.dryRun() ? new RequestContext(req.user(), true, null, FieldValidation.WARN, req.warnings()) : context(req);
        List<ObjectNode> deleted = sr.storage().deleteCollection(ctx, sr.type(), listOptions(req, sr, namespace, null), dr.options());
        List<ObjectNode> served = deleted.stream().map(sr::out).toList();
        Responses.send(req, 200, out.contentType(), renderer.list(sr, served, out));
    }

    // ---------------------------------------------------------------- subresources

    private void handleSubresource(ApiRequest req, ServedResource sr, ResourcePath path, String namespace) {
        Subresource sub = sr.type().subresource(path.subresource()).orElseThrow(ApiException::notFoundPath);
        if (path.name().isEmpty()) {
            throw ApiException.notFoundPath();
        }
        if (sub.connect()) {
            // answered by a kubelet; every HTTP method is meaningful there, so no verb mapping
            kubelets.handle(req, sr.type().resource(), namespace, path.name(), sub.name());
            return;
        }
        HttpMethod m = req.method();
        String verb = m.equals(HttpMethod.GET) ? "get" : m.equals(HttpMethod.PUT) ? "update" : m.equals(HttpMethod.PATCH) ? "patch"
                : m.equals(HttpMethod.POST) ? "create" : m.equals(HttpMethod.DELETE) ? "delete" : "";
        if (!sub.verbs().contains(verb)) {
            throw ApiException.methodNotAllowed();
        }
        switch (sub.name()) {
            case "status" -> status(req, sr, namespace, path.name(), verb);
            case "scale" -> ScaleHandler.handle(req, context(req), fields, sr, namespace, path.name(), verb, patcher);
            case "finalize" -> finalizeNamespace(req, sr, path.name());
            case PodBindings.SUBRESOURCE -> pods.bind(req, context(req), sr, namespace, path.name());
            case "eviction" -> pods.evict(req, context(req), sr, namespace, path.name());
            case PodEphemeralContainers.SUBRESOURCE -> ephemeralContainers(req, sr, namespace, path.name(), verb);
            default -> throw ApiException.notFoundPath();
        }
    }

    private ServedResource podResource() {
        return registry.find("", "v1", "pods").orElseThrow(ApiException::notFoundPath);
    }

    /** Reads the pod, or changes only its ephemeral containers (PUT with a Pod, or a patch of the pod). */
    private void ephemeralContainers(ApiRequest req, ServedResource sr, String namespace, String name, String verb) {
        switch (verb) {
            case "get" -> get(req, sr, namespace, name);
            case "patch" -> patch(req, sr, namespace, name, PodEphemeralContainers.SUBRESOURCE);
            default -> {
                Output out = Output.negotiate(req, false);
                RequestContext ctx = context(req);
                ObjectNode body = typedBody(req, sr, ctx);
                checkNameAndNamespace(body, sr.type(), namespace, name);
                boolean pinned = !isBlank(Meta.resourceVersion(body));
                WriteResult r = sr.storage().update(ctx, sr.type(), namespace, name, PodEphemeralContainers.SUBRESOURCE, pinned,
                        c -> c == null ? null : PodEphemeralContainers.apply(c, sr.in(body.deepCopy())));
                Responses.send(req, 200, out.contentType(), render(sr, r, out));
            }
        }
    }

    private void status(ApiRequest req, ServedResource sr, String namespace, String name, String verb) {
        switch (verb) {
            case "get" -> get(req, sr, namespace, name);
            case "patch" -> patch(req, sr, namespace, name, "status");
            default -> {
                WriteOptions.checkFieldManager(req, "UpdateOptions");
                Output out = Output.negotiate(req, false);
                RequestContext ctx = context(req);
                ObjectNode body = typedBody(req, sr, ctx);
                checkNameAndNamespace(body, sr.type(), namespace, name);
                ObjectNode desired = sr.in(body);
                boolean pinned = !isBlank(Meta.resourceVersion(desired));
                WriteResult r = sr.storage().update(ctx, sr.type(), namespace, name, "status", pinned, c -> c == null ? null : desired.deepCopy());
                Responses.send(req, 200, out.contentType(), render(sr, r, out));
            }
        }
    }

    /** {@code PUT namespaces/x/finalize}: only spec.finalizers is taken from the body. */
    private void finalizeNamespace(ApiRequest req, ServedResource sr, String name) {
        Output out = Output.negotiate(req, false);
        RequestContext ctx = context(req);
        ObjectNode body = fields.decode(req, sr.fields(), sr.type().apiVersion(), sr.type().kind(), ctx);
        checkNameAndNamespace(body, sr.type(), "", name);
        JsonNode finalizers = body.path("spec").get("finalizers");
        String rv = Meta.resourceVersion(body);
        WriteResult r = sr.storage().update(ctx, sr.type(), "", name, "finalize", !isBlank(rv), current -> {
            if (current == null) {
                return null;
            }
            ObjectNode spec = Json.with(current, "spec");
            if (finalizers == null || finalizers.isNull() || finalizers.isEmpty()) {
                spec.remove("finalizers");
            } else {
                spec.set("finalizers", finalizers.deepCopy());
            }
            if (!isBlank(rv)) {
                Meta.meta(current).put("resourceVersion", rv);
            }
            return current;
        });
        Responses.send(req, 200, out.contentType(), render(sr, r, out));
    }

    static boolean isBlank(String s) {
        return s == null || s.isEmpty();
    }
}
