package io.wharf.apiserver.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.wharf.apiserver.auth.UserInfo;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.http.ApiRequest;
import io.wharf.store.Store;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The refusals of the snapshot endpoint, which all happen before anything is streamed. */
class SnapshotHandlerTest {
    private static final UserInfo ADMIN = new UserInfo("admin", "", List.of("system:masters", UserInfo.AUTHENTICATED));
    private static final UserInfo DEVELOPER = new UserInfo("dave", "", List.of("developers", UserInfo.AUTHENTICATED));

    /** A store without the snapshot capability (as the etcd backend is); any call to it fails the test. */
    private static final Store PLAIN_STORE = (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[]{Store.class},
            (proxy, method, args) -> {
                throw new AssertionError("the store must not be used: " + method.getName());
            });

    private static ApiRequest request(HttpMethod method, UserInfo user) {
        return new ApiRequest(null, new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, SnapshotHandler.PATH), new byte[0], user);
    }

    @Test
    void aStoreThatCannotTakeSnapshotsAnswers501NamingTheAlternative() {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> new SnapshotHandler(PLAIN_STORE).handle(request(HttpMethod.GET, ADMIN)));
        assertThat(e.code()).isEqualTo(501);
        assertThat(e.getMessage()).contains("cannot take snapshots").contains("etcdctl snapshot save");
    }

    @Test
    void usersOutsideSystemMastersAreForbiddenWhateverTheStore() {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> new SnapshotHandler(PLAIN_STORE).handle(request(HttpMethod.GET, DEVELOPER)));
        assertThat(e.code()).isEqualTo(403);
        assertThat(e.reason()).isEqualTo("Forbidden");
        assertThat(e.getMessage()).isEqualTo("forbidden: User \"dave\" cannot get path \"/wharf/v1/snapshot\": "
                + "snapshots hold every object, Secrets included, and are for members of system:masters");
    }

    @Test
    void onlyGetIsAllowed() {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> new SnapshotHandler(PLAIN_STORE).handle(request(HttpMethod.DELETE, ADMIN)));
        assertThat(e.code()).isEqualTo(405);
    }
}
