package io.wharf.server.pki;

import java.time.Instant;
import java.util.List;

/**
 * The cluster's TLS material after {@link ClusterPki#ensure}: what the API server serves with,
 * what the admin kubeconfig carries, and what happened to get there.
 *
 * @param authority   the cluster CA
 * @param serving     the API server's serving certificate and key
 * @param admin       the admin client certificate (CN=admin, O=system:masters) and key
 * @param written     names of the files this call (re)wrote, e.g. {@code server.crt}; empty when all were reused
 * @param warnings    problems an operator should know about (also logged), e.g. a CA near expiry
 * @param nextRenewal when the earliest leaf becomes due for renewal: call ensure again then
 */
public record ClusterCredentials(
        CertificateAuthority authority,
        CertifiedKey serving,
        CertifiedKey admin,
        List<String> written,
        List<String> warnings,
        Instant nextRenewal) {

    public ClusterCredentials {
        written = List.copyOf(written);
        warnings = List.copyOf(warnings);
    }

    /** Whether any certificate was created or replaced, i.e. TLS contexts and kubeconfigs need refreshing. */
    public boolean changed() {
        return !written.isEmpty();
    }
}
