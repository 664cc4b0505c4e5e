package io.wharf.server.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's certificates on disk, in {@code <data-dir>/tls/}: the CA, the API server's serving
 * certificate and the admin client certificate, each as a {@code .crt}/{@code .key} pair.
 *
 * <p>{@link #ensure} is meant to run at every start and periodically (at
 * {@link ClusterCredentials#nextRenewal()}): it creates what is missing, reuses what is still
 * good, and reissues a leaf certificate when it is due for renewal ({@link RenewalPolicy}), no
 * longer covers the requested serving names, was not signed by the current CA, does not match
 * its key, or names the wrong identity. The CA itself is never replaced automatically: when it
 * nears its end this logs a warning, and once it has expired it refuses to continue.
 */
public final class ClusterPki {
    public static final String CA_CERT = "ca.crt";
    public static final String CA_KEY = "ca.key";
    public static final String SERVER_CERT = "server.crt";
    public static final String SERVER_KEY = "server.key";
    public static final String ADMIN_CERT = "admin.crt";
    public static final String ADMIN_KEY = "admin.key";

    public static final Duration CA_VALIDITY = Duration.ofDays(3650);
    public static final Duration LEAF_VALIDITY = Duration.ofDays(365);
    public static final String ADMIN_USER = "admin";
    /** The group the API server's authorizer lets do anything, RBAC or not. */
    public static final String ADMIN_GROUP = "system:masters";
    public static final String CA_NAME_PREFIX = "wharf-ca@";

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterPki.class);

    private final Path directory;
    private final Clock clock;
    private CertificateAuthority authority;

    /** Manages {@code <dataDir>/tls}, reading the time from {@code clock} (tests move it). */
    public ClusterPki(Path dataDir, Clock clock) {
        this.directory = dataDir.resolve("tls");
        this.clock = clock;
    }

    public ClusterPki(Path dataDir) {
        this(dataDir, Clock.systemUTC());
    }

    /** The {@code tls} directory holding the files. */
    public Path directory() {
        return directory;
    }

    /**
     * Makes sure the CA, a serving certificate covering {@code servingNames} and the admin client
     * certificate exist and are fit for use, writing only what had to change.
     *
     * @throws IllegalStateException when the CA has expired, or only half of it (cert or key) exists
     */
    public synchronized ClusterCredentials ensure(ServingNames servingNames) {
        Instant now = clock.instant();
        List<String> written = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        // Read afresh on every call, so a CA an operator swapped in is picked up by the next check.
        CertificateAuthority ca = readOrCreateAuthority(now, written);
        authority = ca;
        checkAuthorityLifetime(ca.certificate(), now, warnings);

        CertifiedKey serving = loadLeaf(SERVER_CERT, SERVER_KEY);
        String servingProblem = servingProblem(ca, serving, servingNames, now);
        if (servingProblem != null) {
            serving = ca.issue(CertificateTemplate.serving(
                    servingNames.dnsNames(), servingNames.ipAddresses(), LEAF_VALIDITY), now);
            store(serving, SERVER_CERT, SERVER_KEY, servingProblem, written);
        }

        CertifiedKey admin = loadLeaf(ADMIN_CERT, ADMIN_KEY);
        String adminProblem = adminProblem(ca, admin, now);
        if (adminProblem != null) {
            admin = ca.issue(CertificateTemplate.client(ADMIN_USER, List.of(ADMIN_GROUP), LEAF_VALIDITY), now);
            store(admin, ADMIN_CERT, ADMIN_KEY, adminProblem, written);
        }

        Instant servingRenewal = RenewalPolicy.renewalTime(serving.certificate());
        Instant adminRenewal = RenewalPolicy.renewalTime(admin.certificate());
        Instant nextRenewal = servingRenewal.isBefore(adminRenewal) ? servingRenewal : adminRenewal;
        return new ClusterCredentials(ca, serving, admin, written, warnings, nextRenewal);
    }

    /** The cluster CA as of the last {@link #ensure}, or loaded from disk (created if absent) on first use. */
    public synchronized CertificateAuthority authority() {
        if (authority == null) {
            authority = readOrCreateAuthority(clock.instant(), new ArrayList<>());
        }
        return authority;
    }

    /** Drops the CA held in memory, so the next use reads (or creates) it from disk again. */
    public synchronized void forgetAuthority() {
        authority = null;
    }

    /** A client certificate for {@code user} in {@code groups}, signed by the cluster CA; nothing is written to disk. */
    public CertifiedKey issueClientCertificate(String user, List<String> groups, Duration validity) {
        return authority().issue(CertificateTemplate.client(user, groups, validity), clock.instant());
    }

    /** A serving certificate for the given names, signed by the cluster CA; nothing is written to disk. */
    public CertifiedKey issueServingCertificate(List<String> dnsNames, List<InetAddress> ipAddresses, Duration validity) {
        return authority().issue(CertificateTemplate.serving(dnsNames, ipAddresses, validity), clock.instant());
    }

    private CertificateAuthority readOrCreateAuthority(Instant now, List<String> written) {
        AtomicFiles.createPrivateDirectory(directory);
        Path certFile = directory.resolve(CA_CERT);
        Path keyFile = directory.resolve(CA_KEY);
        boolean haveCert = Files.exists(certFile);
        boolean haveKey = Files.exists(keyFile);
        if (haveCert && haveKey) {
            try {
                CertifiedKey identity = new CertifiedKey(
                        Pem.decodePrivateKey(read(keyFile)), Pem.decodeCertificate(read(certFile)));
                CertificateAuthority loaded = new CertificateAuthority(identity);
                LOG.debug("Loaded CA {} from {}", loaded.certificate().getSubjectX500Principal().getName(), directory);
                return loaded;
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("cannot use the CA in " + directory + ": " + e.getMessage(), e);
            }
        }
        if (haveCert || haveKey) {
            // Replacing half a CA would orphan every certificate and kubeconfig made with the other half.
            throw new IllegalStateException(directory.resolve(haveCert ? CA_KEY : CA_CERT) + " is missing but "
                    + directory.resolve(haveCert ? CA_CERT : CA_KEY) + " exists; restore it, or remove both"
                    + " to create a new CA (every existing kubeconfig and client certificate will stop working)");
        }
        CertificateAuthority created = CertificateAuthority.create(CA_NAME_PREFIX + now.getEpochSecond(), now, CA_VALIDITY);
        // Key first: a crash between the two writes leaves "key without cert", which is reported, never half-trusted.
        AtomicFiles.writePrivate(keyFile, bytes(Pem.encodePrivateKey(created.key())));
        AtomicFiles.writePublic(certFile, bytes(Pem.encodeCertificate(created.certificate())));
        written.add(CA_KEY);
        written.add(CA_CERT);
        LOG.info("Created cluster CA {} in {}", created.certificate().getSubjectX500Principal().getName(), directory);
        return created;
    }

    private void checkAuthorityLifetime(X509Certificate ca, Instant now, List<String> warnings) {
        Instant end = ca.getNotAfter().toInstant();
        String name = ca.getSubjectX500Principal().getName();
        if (!now.isBefore(end)) {
            throw new IllegalStateException("the cluster CA " + name + " in " + directory + " expired at " + end
                    + "; no certificate it signs can be trusted. Replace " + CA_CERT + " and " + CA_KEY
                    + " (or remove them to create a new CA) and hand out new kubeconfigs");
        }
        if (RenewalPolicy.authorityExpiringSoon(ca, now, LEAF_VALIDITY)) {
            long days = Duration.between(now, end).toDays();
            String warning = "the cluster CA " + name + " expires at " + end + " (" + days + " days left). Wharf does"
                    + " not replace a CA by itself because every kubeconfig and client trusting it would break;"
                    + " plan to replace " + directory.resolve(CA_CERT) + " and " + CA_KEY + " and redistribute"
                    + " kubeconfigs. Until then new certificates end when the CA does";
            warnings.add(warning);
            LOG.warn("!!! {} !!!", warning);
        }
        if (now.isBefore(ca.getNotBefore().toInstant())) {
            String warning = "the cluster CA " + name + " is not valid until " + ca.getNotBefore().toInstant()
                    + "; is this machine's clock behind?";
            warnings.add(warning);
            LOG.warn(warning);
        }
    }

    /** The stored leaf, or null when either file is missing or unreadable (it will be reissued). */
    private CertifiedKey loadLeaf(String certName, String keyName) {
        Path certFile = directory.resolve(certName);
        Path keyFile = directory.resolve(keyName);
        if (!Files.exists(certFile) || !Files.exists(keyFile)) {
            return null;
        }
        try {
            return new CertifiedKey(Pem.decodePrivateKey(read(keyFile)), Pem.decodeCertificate(read(certFile)));
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring unreadable {} or {}: {}", certFile, keyFile, e.getMessage());
            return null;
        }
    }

    /** Why the serving certificate must be reissued, or null when it is fine. */
    private static String servingProblem(CertificateAuthority ca, CertifiedKey serving, ServingNames names, Instant now) {
        String common = commonProblem(ca, serving, now, SERVER_AUTH);
        if (common != null) {
            return common;
        }
        List<String> missing = names.missingFrom(serving.certificate());
        return missing.isEmpty() ? null : "it does not cover " + String.join(", ", missing);
    }

    /** Why the admin certificate must be reissued, or null when it is fine. */
    private static String adminProblem(CertificateAuthority ca, CertifiedKey admin, Instant now) {
        String common = commonProblem(ca, admin, now, CLIENT_AUTH);
        if (common != null) {
            return common;
        }
        ClientIdentity identity = ClientIdentity.of(admin.certificate());
        if (!identity.user().equals(ADMIN_USER) || !identity.groups().contains(ADMIN_GROUP)) {
            return "it names " + identity + " instead of user " + ADMIN_USER + " in " + ADMIN_GROUP;
        }
        return null;
    }

    private static String commonProblem(CertificateAuthority ca, CertifiedKey leaf, Instant now, String usage) {
        if (leaf == null) {
            return "it does not exist";
        }
        X509Certificate cert = leaf.certificate();
        if (!ca.issued(cert)) {
            return "it was not signed by the current CA";
        }
        if (!leaf.keyMatchesCertificate()) {
            return "its key does not match it";
        }
        if (!hasExtendedKeyUsage(cert, usage)) {
            return "it lacks extended key usage " + usage;
        }
        if (RenewalPolicy.renewalDue(cert, now)) {
            return "it expires at " + cert.getNotAfter().toInstant() + " and was due for renewal at "
                    + RenewalPolicy.renewalTime(cert);
        }
        return null;
    }

    private static boolean hasExtendedKeyUsage(X509Certificate cert, String usage) {
        try {
            List<String> usages = cert.getExtendedKeyUsage();
            return usages != null && usages.contains(usage);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private void store(CertifiedKey leaf, String certName, String keyName, String reason, List<String> written) {
        AtomicFiles.writePrivate(directory.resolve(keyName), bytes(Pem.encodePrivateKey(leaf.key())));
        AtomicFiles.writePublic(directory.resolve(certName), bytes(Pem.encodeCertificate(leaf.certificate())));
        written.add(keyName);
        written.add(certName);
        LOG.info("Issued {} ({}), valid until {}, because {}", certName,
                leaf.certificate().getSubjectX500Principal().getName(), leaf.certificate().getNotAfter().toInstant(),
                reason);
    }

    private static String read(Path file) {
        try {
            // Latin-1 maps every byte, so stray non-ASCII comments around PEM blocks cannot break decoding.
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static byte[] bytes(String pem) {
        return pem.getBytes(StandardCharsets.US_ASCII);
    }
}
