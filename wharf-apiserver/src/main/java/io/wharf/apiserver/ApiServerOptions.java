package io.wharf.apiserver;

import io.wharf.apiserver.auth.UserInfo;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
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
 */
public record ApiServerOptions(InetAddress bindAddress, int port, String advertiseAddress, String serviceCidr, String nodePortRange,
                               List<String> enabledAdmissionPlugins, List<String> disabledAdmissionPlugins, Path tokenAuthFile,
                               Map<String, UserInfo> extraTokens, int workerThreads, int maxQueuedRequests, Tls tls, VersionInfo version) {

    /** Serving certificate material. */
    public record Tls(PrivateKey key, List<X509Certificate> chain, X509Certificate clientCa) {
    }
}
