package io.wharf.server.pki;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a leaf certificate should say: the subject, the names it may serve, what it may be used
 * for and for how long. Kubernetes reads a client's user name from the subject CN and its groups
 * from the O attributes, so those carry meaning here, not just decoration.
 *
 * @param commonName    subject CN; for client certificates the Kubernetes user name
 * @param organizations subject O values; for client certificates the Kubernetes groups
 * @param dnsNames      subjectAltName DNS entries (serving certificates)
 * @param ipAddresses   subjectAltName IP entries (serving certificates)
 * @param serverAuth    whether extendedKeyUsage includes serverAuth
 * @param clientAuth    whether extendedKeyUsage includes clientAuth
 * @param validity      requested lifetime, counted from issuance (the issuer may shorten it)
 */
public record CertificateTemplate(
        String commonName,
        List<String> organizations,
        List<String> dnsNames,
        List<InetAddress> ipAddresses,
        boolean serverAuth,
        boolean clientAuth,
        Duration validity) {

    /** The common name serving certificates carry; clients verify SANs, never this. */
    public static final String SERVING_COMMON_NAME = "kube-apiserver";

    public CertificateTemplate {
        if (commonName == null || commonName.isBlank()) {
            throw new IllegalArgumentException("a certificate needs a common name");
        }
        organizations = List.copyOf(organizations);
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        if (!serverAuth && !clientAuth) {
            throw new IllegalArgumentException("a leaf certificate must allow serverAuth, clientAuth or both");
        }
        if (serverAuth && dnsNames.isEmpty() && ipAddresses.isEmpty()) {
            // Go and JSSE both ignore the CN for host name checks, so without SANs nobody could verify it.
            throw new IllegalArgumentException("a serving certificate needs at least one DNS name or IP address");
        }
        Objects.requireNonNull(validity, "validity");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive: " + validity);
        }
    }

    /** A client certificate for {@code user} in {@code groups} (e.g. admin in system:masters). */
    public static CertificateTemplate client(String user, List<String> groups, Duration validity) {
        return new CertificateTemplate(user, groups, List.of(), List.of(), false, true, validity);
    }

    /** A serving certificate valid for exactly the given names and addresses. */
    public static CertificateTemplate serving(List<String> dnsNames, List<InetAddress> ipAddresses, Duration validity) {
        return new CertificateTemplate(SERVING_COMMON_NAME, List.of(), dnsNames, ipAddresses, true, false, validity);
    }
}
