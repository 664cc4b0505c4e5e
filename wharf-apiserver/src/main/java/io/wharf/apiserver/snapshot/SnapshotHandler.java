package io.wharf.apiserver.snapshot;

import io.netty.handler.codec.http.HttpMethod;
import io.wharf.apiserver.auth.UserInfo;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.http.ApiRequest;
import io.wharf.apiserver.http.StreamedResponse;
import io.wharf.store.SnapshotSource;
import io.wharf.store.Store;
import io.wharf.store.StoreSnapshot;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /wharf/v1/snapshot}: a consistent image of the whole store, streamed, for
 * {@code wharf snapshot save}. It holds every Secret, so only cluster administrators (group
 * {@code system:masters}) may take one. Only stores that can take snapshots serve it.
 */
public final class SnapshotHandler {
    public static final String PATH = "/wharf/v1/snapshot";
    /** The revision the streamed image is consistent at (the store's resourceVersion then). */
    public static final String REVISION_HEADER = "X-Wharf-Snapshot-Revision";
    static final String ADMIN_GROUP = "system:masters";
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotHandler.class);

    private final Store store;

    public SnapshotHandler(Store store) {
        this.store = store;
    }

    public void handle(ApiRequest req) {
        if (!req.method().equals(HttpMethod.GET)) {
            throw ApiException.methodNotAllowed();
        }
        UserInfo user = req.user();
        if (!user.groups().contains(ADMIN_GROUP)) {
            throw ApiException.forbidden("forbidden: User \"" + user.name() + "\" cannot get path \"" + PATH
                    + "\": snapshots hold every object, Secrets included, and are for members of " + ADMIN_GROUP);
        }
        if (!(store instanceof SnapshotSource source)) {
            throw new ApiException(501, "NotImplemented", "this server's store cannot take snapshots; "
                    + "back up its backend with that backend's own tools (etcdctl snapshot save for etcd)");
        }
        try (StoreSnapshot snapshot = source.openSnapshot()) {
            StreamedResponse out = StreamedResponse.begin(req, "application/octet-stream", Map.of(
                    REVISION_HEADER, Long.toString(snapshot.revision()),
                    "Content-Disposition", "attachment; filename=\"wharf-snapshot-" + snapshot.revision() + ".db\""));
            try {
                long bytes = snapshot.writeTo(out);
                out.close();
                LOG.info("snapshot at revision {} ({} keys, {} bytes) sent to {}", snapshot.revision(), snapshot.keyCount(), bytes, user.name());
            } catch (IOException | RuntimeException e) {
                // the head is out: the only way left to signal failure is an incomplete body
                out.abort();
                LOG.warn("snapshot at revision {} for {} failed: {}", snapshot.revision(), user.name(), e.toString());
            }
        }
    }
}
