package io.wharf.apiserver;

import io.wharf.apiserver.auth.UserInfo;
import io.wharf.apiserver.cache.WatchCache;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How an API server is set up.
 *
 * @param bindAddress       address to listen on
 * @param port              HTTPS port (0 picks a free one)
 * @param advertiseAddress  the address other members of the cluster reach this server at (the
 *                          {@code kubernetes} Service's endpoint)
 * @param serviceCidr       range of Service cluster IPs
 * @param nodePortRange     range of NodePorts, "30000-32767"
 * @param enabledAdmissionPlugins  plugins enabled beyond the defaults (upstream names; see
 *                                 {@code admission.AdmissionPluginSelection})
 * @param disabledAdmissionPlugins default plugins switched off
 * @param tokenAuthFile     static bearer tokens, or null
 * @param extraTokens       bearer tokens given by the embedding program (e.g. for its own components)
 * @param workerThreads     threads handling requests
 * @param maxQueuedRequests requests waiting for a thread before 429 answers
 * @param tls               serving key and chain, and the CA client certificates must chain to
 * @param version           what /version reports
 * @param watch             how the watch caches keep history and send bookmarks
 * @param kubeletClient     how this server reaches kubelets for logs, exec, attach, port-forward and
 *                          node proxying; null when none is configured (those requests then get 503)
 */
public record ApiServerOptions(InetAddress bindAddress, int port, String advertiseAddress, String serviceCidr, String nodePortRange,
                               List<String> enabledAdmissionPlugins, List<String> disabledAdmissionPlugins, Path tokenAuthFile,
                               Map<String, UserInfo> extraTokens, int workerThreads, int maxQueuedRequests, Tls tls, VersionInfo version,
                               WatchSettings watch, KubeletClient kubeletClient) {

    /** Serving certificate material. */
    public record Tls(PrivateKey key, List<X509Certificate> chain, X509Certificate clientCa) {
    }

    /**
     * The API server's identity towards kubelets and what it trusts them by (upstream's
     * --kubelet-client-certificate, --kubelet-client-key and --kubelet-certificate-authority).
     *
     * @param key            the client certificate's private key
     * @param chain          the client certificate first, then any intermediates
     * @param kubeletCa      the CA kubelet serving certificates must chain to
     * @param connectTimeout how long to wait for a kubelet's TCP connection
     */
    public record KubeletClient(PrivateKey key, List<X509Certificate> chain, X509Certificate kubeletCa, Duration connectTimeout) {
        public KubeletClient {
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("the kubelet client certificate chain is empty");
            }
            chain = List.copyOf(chain);
            if (connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new IllegalArgumentException("the kubelet connect timeout must be positive, not " + connectTimeout);
            }
        }
    }

    /**
     * How watches are served.
     *
     * @param cacheCapacity    events each resource's watch cache keeps; a watch resuming from a
     *                         resourceVersion older than that window gets 410 Expired and relists
     * @param bookmarkInterval how often watchers that allow bookmarks are told the current resourceVersion
     */
    public record WatchSettings(int cacheCapacity, Duration bookmarkInterval) {
        public WatchSettings {
            if (cacheCapacity < 1) {
                throw new IllegalArgumentException("the watch cache capacity must be at least 1, not " + cacheCapacity);
            }
            if (bookmarkInterval.isNegative() || bookmarkInterval.isZero()) {
                throw new IllegalArgumentException("the bookmark interval must be positive, not " + bookmarkInterval);
            }
        }

        /**
         * A fixed window of {@link WatchCache#DEFAULT_CAPACITY} events (upstream resizes its window
         * between 100 and 102,400 events to keep about 75 s of history) and, as upstream, a bookmark
         * about every minute.
         */
        public static WatchSettings defaults() {
            return new WatchSettings(WatchCache.DEFAULT_CAPACITY, Duration.ofMinutes(1));
        }

        public WatchSettings withCacheCapacity(int capacity) {
            return new WatchSettings(capacity, bookmarkInterval);
        }

        public WatchSettings withBookmarkInterval(Duration interval) {
            return new WatchSettings(cacheCapacity, interval);
        }
    }
}
