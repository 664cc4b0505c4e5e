package io.wharf.apiserver.registry;

import static io.wharf.apiserver.registry.StorageFixture.apiError;
import static io.wharf.apiserver.registry.StorageFixture.configMap;
import static io.wharf.apiserver.registry.StorageFixture.ctx;
import static io.wharf.apiserver.registry.StorageFixture.filter;
import static io.wharf.apiserver.registry.StorageFixture.listAll;
import static io.wharf.apiserver.registry.StorageFixture.names;
import static io.wharf.apiserver.registry.StorageFixture.type;
import static io.wharf.apiserver.registry.StorageFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.cache.ObjectFilter;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.resources.ResourceType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceStorageReadTest {
    private static final ResourceType CONFIGMAPS = type("", "v1", "configmaps");
    private static final ResourceType PODS = type("", "v1", "pods");

    @TempDir
    Path dir;
    StorageFixture f;
    ResourceStorage configmaps;

    @BeforeEach
    void setUp() {
        f = new StorageFixture(dir);
        configmaps = f.storage(CONFIGMAPS);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private ObjectNode create(String ns, String name, String... labels) {
        return configmaps.create(ctx(), CONFIGMAPS, ns, configMap(name, labels));
    }

    private ObjectNode setData(String ns, String name, String value) {
        return configmaps.update(ctx(), CONFIGMAPS, ns, name, "", false, cur -> {
            Json.with(cur, "data").put("k", value);
            return cur;
        }).object();
    }

    private static ListOptions page(String ns, int limit, String token) {
        return new ListOptions(filter(ns, "", ""), "", "", limit, token);
    }

    private static ListOptions at(String ns, String rv, String match, int limit) {
        return new ListOptions(filter(ns, "", ""), rv, match, limit, null);
    }

    // ------------------------------------------------------------------ get

    @Test
    void getReadsTheCurrentObjectWithItsResourceVersion() {
        ObjectNode created = create("default", "a");
        ObjectNode updated = setData("default", "a", "v2");
        assertThat(configmaps.get("default", "a", "")).isEqualTo(updated);
        assertThat(Meta.resourceVersion(updated)).isNotEqualTo(Meta.resourceVersion(created));
    }

    @Test
    void getWithResourceVersionZeroOrAPastRevisionIsServedFromTheCache() {
        ObjectNode created = create("default", "a");
        // "0" means "any state": whatever the cache holds, without waiting
        assertThat(configmaps.cache().waitUntilFresh(f.store.currentRevision(), 5000)).isTrue();
        assertThat(configmaps.get("default", "a", "0")).isEqualTo(created);
        // "N" means "at least as new as N": the cache waits until it has N, then answers what it holds
        ObjectNode updated = setData("default", "a", "v2");
        ObjectNode notOlder = configmaps.get("default", "a", Meta.resourceVersion(created));
        assertThat(Long.parseLong(Meta.resourceVersion(notOlder))).isGreaterThanOrEqualTo(Long.parseLong(Meta.resourceVersion(created)));
        assertThat(configmaps.get("default", "a", Meta.resourceVersion(updated))).isEqualTo(updated);
    }

    @Test
    void getOfAMissingObjectIsNotFound() {
        ApiException e = apiError(() -> configmaps.get("default", "nope", ""));
        assertThat(e.code()).isEqualTo(404);
        assertThat(e.getMessage()).isEqualTo("configmaps \"nope\" not found");
        assertThat(apiError(() -> configmaps.get("default", "nope", "0")).code()).isEqualTo(404);
    }

    @Test
    void getAtAFutureResourceVersionTimesOutAsTooLarge() {
        create("default", "a");
        long future = f.store.currentRevision() + 100;
        ApiException e = apiError(() -> configmaps.get("default", "a", Long.toString(future)));
        assertTooLargeResourceVersion(e, future);
    }

    /** Upstream's NewTooLargeResourceVersionError: 504 with the cause clients look for. */
    static void assertTooLargeResourceVersion(ApiException e, long requested) {
        assertThat(e.code()).isEqualTo(504);
        assertThat(e.reason()).isEqualTo("Timeout");
        assertThat(e.getMessage()).startsWith("Timeout: Too large resource version: " + requested + ", current: ");
        assertThat(e.retryAfterSeconds()).isEqualTo(1);
        ObjectNode status = e.toStatus();
        assertThat(status.path("details").path("causes")).hasSize(1);
        assertThat(status.path("details").path("causes").get(0).path("reason").asText()).isEqualTo("ResourceVersionTooLarge");
        assertThat(status.path("details").path("causes").get(0).path("message").asText()).isEqualTo("Too large resource version");
    }

    // ------------------------------------------------------------------ list: selectors and scope

    @Test
    void listFiltersByNamespaceAndLabels() {
        create("a", "one", "app", "web", "tier", "front");
        create("a", "two", "app", "db");
        create("b", "three", "app", "web");
        create("b", "four");

        assertThat(names(configmaps.list(listAll(null)))).containsExactly("one", "two", "four", "three");
        assertThat(names(configmaps.list(listAll("b")))).containsExactly("four", "three");
        assertThat(names(configmaps.list(new ListOptions(filter(null, "app=web", ""), "", "", 0, null))))
                .containsExactly("one", "three");
        assertThat(names(configmaps.list(new ListOptions(filter(null, "app!=web", ""), "", "", 0, null))))
                .as("!= also selects objects without the label").containsExactly("two", "four");
        assertThat(names(configmaps.list(new ListOptions(filter(null, "app in (web,db),!tier", ""), "", "", 0, null))))
                .containsExactly("two", "three");
        assertThat(names(configmaps.list(new ListOptions(filter("a", "app", ""), "", "", 0, null))))
                .containsExactly("one", "two");
    }

    @Test
    void listFiltersByFieldSelectorsIncludingAKindsOwnFieldLabels() {
        ResourceStorage pods = f.storage(PODS);
        for (String[] p : new String[][]{{"p1", "node-1"}, {"p2", "node-2"}, {"p3", ""}}) {
            ObjectNode pod = yaml("{apiVersion: v1, kind: Pod, metadata: {name: " + p[0] + "}, spec: {containers: [{name: c, image: i}]}}");
            if (!p[1].isEmpty()) {
                Json.with(pod, "spec").put("nodeName", p[1]);
            }
            pods.create(ctx(), PODS, "default", pod);
        }
        assertThat(names(pods.list(new ListOptions(filter(null, "", "spec.nodeName=node-1"), "", "", 0, null))))
                .containsExactly("p1");
        assertThat(names(pods.list(new ListOptions(filter(null, "", "spec.nodeName="), "", "", 0, null))))
                .as("an absent field reads as empty").containsExactly("p3");
        assertThat(names(pods.list(new ListOptions(filter(null, "", "spec.nodeName!=node-1,status.phase=Pending"), "", "", 0, null))))
                .containsExactly("p2", "p3");
        assertThat(names(pods.list(new ListOptions(filter(null, "", "metadata.name=p2"), "", "", 0, null))))
                .containsExactly("p2");
        assertThat(names(pods.list(new ListOptions(filter(null, "", "metadata.namespace=other"), "", "", 0, null))))
                .isEmpty();
    }

    // ------------------------------------------------------------------ list: paging

    @Test
    void pagesFollowKeyOrderWithRemainingCountsAndTokensAtTheFirstPagesRevision() {
        create("b", "x");
        create("a", "z");
        create("a", "y");
        create("c", "w");
        create("a", "x");

        ListResult p1 = configmaps.list(page(null, 2, null));
        assertThat(p1.items()).extracting(o -> o.namespace() + "/" + o.name()).containsExactly("a/x", "a/y");
        assertThat(p1.remainingItemCount()).isEqualTo(3);
        assertThat(p1.continueToken()).isNotNull();
        assertThat(p1.revision()).isEqualTo(f.store.currentRevision());

        ListResult p2 = configmaps.list(page(null, 2, p1.continueToken()));
        assertThat(p2.items()).extracting(o -> o.namespace() + "/" + o.name()).containsExactly("a/z", "b/x");
        assertThat(p2.remainingItemCount()).isEqualTo(1);
        assertThat(p2.revision()).isEqualTo(p1.revision());

        ListResult p3 = configmaps.list(page(null, 2, p2.continueToken()));
        assertThat(p3.items()).extracting(o -> o.namespace() + "/" + o.name()).containsExactly("c/w");
        assertThat(p3.continueToken()).isNull();
        assertThat(p3.remainingItemCount()).isNull();
        assertThat(p3.revision()).isEqualTo(p1.revision());
    }

    @Test
    void continuingAfterChangesStillShowsTheFirstPagesRevision() {
        create("default", "a");
        create("default", "b");
        create("default", "c");
        create("default", "d");
        ListResult p1 = configmaps.list(page("default", 2, null));
        assertThat(names(p1)).containsExactly("a", "b");
        String cBefore = Json.text(configmaps.get("default", "c", "").path("data"), "k");

        // the rest of the list changes after the first page was served
        setData("default", "c", "changed");
        configmaps.delete(ctx(), CONFIGMAPS, "default", "d", DeleteOptions.DEFAULT);
        create("default", "e");

        ListResult p2 = configmaps.list(page("default", 2, p1.continueToken()));
        assertThat(p2.revision()).isEqualTo(p1.revision());
        assertThat(names(p2)).containsExactly("c", "d");
        assertThat(Json.text(p2.items().get(0).parse(), "data", "k")).isEqualTo(cBefore);
        assertThat(Meta.resourceVersion(p2.items().get(0).parse())).isEqualTo(Long.toString(p2.items().get(0).revision()));
        assertThat(p2.continueToken()).isNull();
    }

    @Test
    void pagingWithASelectorLeavesTheRemainingCountUnknown() {
        for (int i = 0; i < 6; i++) {
            create("default", "cm" + i, "even", Boolean.toString(i % 2 == 0));
        }
        ListOptions opts = new ListOptions(filter("default", "even=true", ""), "", "", 2, null);
        ListResult p1 = configmaps.list(opts);
        assertThat(names(p1)).containsExactly("cm0", "cm2");
        assertThat(p1.remainingItemCount()).isNull();
        ListResult p2 = configmaps.list(new ListOptions(opts.filter(), "", "", 2, p1.continueToken()));
        assertThat(names(p2)).containsExactly("cm4");
    }

    @Test
    void aContinuationServedAfterACacheReloadIncludesObjectsDeletedSinceTheFirstPage() {
        create("default", "a");
        create("default", "b");
        create("default", "c");
        ListResult p1 = configmaps.list(page("default", 1, null));
        configmaps.delete(ctx(), CONFIGMAPS, "default", "c", DeleteOptions.DEFAULT);

        // a new storage over the same store (an API server restart) loads its cache after the delete
        ResourceStorage restarted = new ResourceStorage(configmaps.type(), configmaps.strategy(), f.store,
                new io.wharf.apiserver.admission.AdmissionChain(List.of()), f.clock);
        restarted.start();
        try {
            ListResult p2 = restarted.list(page("default", 5, p1.continueToken()));
            assertThat(p2.revision()).isEqualTo(p1.revision());
            assertThat(names(p2)).containsExactly("b", "c");
        } finally {
            restarted.stop();
        }
    }

    @Test
    void continueTokensAreRelativeToTheListedNamespaceLikeUpstreams() {
        create("a", "x");
        create("a", "y");
        create("z", "w");
        ListResult inA = configmaps.list(page("a", 1, null));
        assertThat(ContinueToken.decode(inA.continueToken()).start()).isEqualTo("x");
        assertThat(names(configmaps.list(page("a", 1, inA.continueToken())))).containsExactly("y");

        ListResult all = configmaps.list(page(null, 1, null));
        assertThat(ContinueToken.decode(all.continueToken()).start()).isEqualTo("a/x");

        // a token used with another namespace than it came from stays inside that namespace
        ListResult lastOfAll = configmaps.list(page(null, 2, null));
        assertThat(ContinueToken.decode(lastOfAll.continueToken()).start()).isEqualTo("a/y");
        assertThat(names(configmaps.list(page("z", 5, lastOfAll.continueToken())))).containsExactly("w");
        ListResult fromZ = configmaps.list(page(null, 2, ContinueToken.encode(all.revision(), "z/a")));
        assertThat(names(fromZ)).containsExactly("w");
        assertThat(names(configmaps.list(page("a", 5, ContinueToken.encode(all.revision(), "z/a"))))).isEmpty();
    }

    @Test
    void aTamperedContinueTokenIsABadRequest() {
        ApiException e = apiError(() -> configmaps.list(page(null, 1, "not-a-token")));
        assertThat(e.code()).isEqualTo(400);
    }

    @Test
    void aContinueTokenOlderThanTheCompactedHistoryIsGone() {
        create("default", "a");
        create("default", "b");
        ListResult p1 = configmaps.list(page("default", 1, null));
        setData("default", "b", "v2");
        f.store.compact(f.store.currentRevision());
        ApiException e = apiError(() -> configmaps.list(page("default", 1, p1.continueToken())));
        assertThat(e.code()).isEqualTo(410);
        assertThat(e.reason()).isEqualTo("Expired");
        assertThat(e.getMessage()).startsWith("The provided continue parameter is too old to display a consistent list result.");
    }

    @Test
    void theExpiredAnswerCarriesATokenThatContinuesAtTheLatestRevision() {
        create("default", "a");
        create("default", "b");
        create("default", "c");
        ListResult p1 = configmaps.list(page("default", 1, null));
        configmaps.delete(ctx(), CONFIGMAPS, "default", "b", DeleteOptions.DEFAULT);
        create("default", "d");
        f.store.compact(f.store.currentRevision());
        ApiException e = apiError(() -> configmaps.list(page("default", 1, p1.continueToken())));
        assertThat(e).isInstanceOf(io.wharf.apiserver.errors.ExpiredContinuation.class);
        String latest = ((io.wharf.apiserver.errors.ExpiredContinuation) e).continueToken();
        assertThat(e.toStatus().path("metadata").path("continue").asText()).isEqualTo(latest);
        assertThat(ContinueToken.decode(latest)).isEqualTo(new ContinueToken(ContinueToken.LATEST, "a"));

        // the remainder after "a" as it is now: "b" is gone, "d" shows up, and later pages stay at one revision
        ListResult p2 = configmaps.list(page("default", 1, latest));
        assertThat(names(p2)).containsExactly("c");
        assertThat(p2.revision()).isEqualTo(f.store.currentRevision());
        assertThat(ContinueToken.decode(p2.continueToken()).revision()).isEqualTo(p2.revision());
        ListResult p3 = configmaps.list(page("default", 1, p2.continueToken()));
        assertThat(names(p3)).containsExactly("d");
        assertThat(p3.continueToken()).isNull();
    }

    // ------------------------------------------------------------------ list: resourceVersion semantics

    @Test
    void exactListsShowTheStateAtThatRevision() {
        create("default", "a");
        ObjectNode b = create("default", "b");
        String rv = Meta.resourceVersion(b);
        setData("default", "a", "later");
        create("default", "c");

        ListResult exact = configmaps.list(at("default", rv, "Exact", 0));
        assertThat(exact.revision()).isEqualTo(Long.parseLong(rv));
        assertThat(names(exact)).containsExactly("a", "b");
        assertThat(Json.text(exact.items().get(0).parse(), "data", "k")).isEqualTo("v");

        // the legacy form: a resourceVersion with a limit and no match is exact too
        ListResult legacy = configmaps.list(at("default", rv, "", 5));
        assertThat(legacy.revision()).isEqualTo(Long.parseLong(rv));
        assertThat(names(legacy)).containsExactly("a", "b");

        // NotOlderThan answers any state at least that new (the cache's), never an older one
        ListResult notOlder = configmaps.list(at("default", rv, "NotOlderThan", 0));
        assertThat(notOlder.revision()).isGreaterThanOrEqualTo(Long.parseLong(rv));
        assertThat(names(notOlder)).startsWith("a", "b");
    }

    @Test
    void exactListsOfCompactedRevisionsAreGone() {
        ObjectNode a = create("default", "a");
        setData("default", "a", "v2");
        setData("default", "a", "v3");
        f.store.compact(f.store.currentRevision());
        ApiException e = apiError(() -> configmaps.list(at("default", Meta.resourceVersion(a), "Exact", 0)));
        assertThat(e.code()).isEqualTo(410);
        assertThat(e.reason()).isEqualTo("Expired");
        assertThat(e.getMessage()).isEqualTo("The resourceVersion for the provided list is too old.");
    }

    @Test
    void listsAtAFutureRevisionTimeOutAsTooLarge() {
        create("default", "a");
        long future = f.store.currentRevision() + 50;
        assertTooLargeResourceVersion(apiError(() -> configmaps.list(at("default", Long.toString(future), "Exact", 0))), future);
        assertTooLargeResourceVersion(apiError(() -> configmaps.list(at("default", Long.toString(future), "NotOlderThan", 0))), future);
    }

    @Test
    void listOptionsAreValidatedLikeUpstreamsListOptionsValidation() {
        ApiException noRv = apiError(() -> configmaps.list(at(null, "", "Exact", 0)));
        assertThat(noRv.code()).isEqualTo(422);
        assertThat(noRv.getMessage()).isEqualTo("ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: "
                + "resourceVersionMatch is forbidden unless resourceVersion is provided");

        ApiException unknown = apiError(() -> configmaps.list(at(null, "5", "Newest", 0)));
        assertThat(unknown.code()).isEqualTo(422);
        assertThat(unknown.getMessage()).isEqualTo("ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Unsupported value: "
                + "\"Newest\": supported values: \"Exact\", \"NotOlderThan\", \"\"");

        ApiException exactZero = apiError(() -> configmaps.list(at(null, "0", "Exact", 0)));
        assertThat(exactZero.code()).isEqualTo(422);
        assertThat(exactZero.getMessage()).isEqualTo("ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: "
                + "resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\"");

        create("default", "a");
        create("default", "b");
        String token = configmaps.list(page(null, 1, null)).continueToken();
        ApiException matchAndContinue = apiError(() -> configmaps.list(
                new ListOptions(filter(null, "", ""), "5", "NotOlderThan", 1, token)));
        assertThat(matchAndContinue.code()).isEqualTo(422);
        assertThat(matchAndContinue.getMessage()).contains("resourceVersionMatch is forbidden when continue is provided");

        ApiException rvAndContinue = apiError(() -> configmaps.list(new ListOptions(filter(null, "", ""), "5", "", 1, token)));
        assertThat(rvAndContinue.code()).isEqualTo(400);
        assertThat(rvAndContinue.getMessage()).isEqualTo("specifying resource version is not allowed when using continue");
        assertThat(names(configmaps.list(new ListOptions(filter(null, "", ""), "0", "", 1, token)))).containsExactly("b");
    }

    @Test
    void resourceVersionZeroListsWhateverTheCacheHolds() {
        create("default", "a");
        assertThat(configmaps.cache().waitUntilFresh(f.store.currentRevision(), 5000)).isTrue();
        ListResult r = configmaps.list(at(null, "0", "", 0));
        assertThat(names(r)).containsExactly("a");
        assertThat(r.revision()).isEqualTo(configmaps.cache().revision());
    }

    @Test
    void aConsistentListSeesEveryCompletedWrite() {
        for (int i = 0; i < 20; i++) {
            create("default", "cm" + i);
            assertThat(configmaps.list(listAll("default")).items()).hasSize(i + 1);
        }
        ObjectFilter everything = filter(null, "", "");
        assertThat(configmaps.list(new ListOptions(everything, "", "", 0, null)).revision()).isEqualTo(f.store.currentRevision());
    }
}
