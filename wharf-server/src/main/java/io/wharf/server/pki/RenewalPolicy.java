package io.wharf.server.pki;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/**
 * When certificates need attention.
 *
 * <p>A leaf is renewed once less than a third of its lifetime remains. For Wharf's one-year
 * leaves that is about 122 days before expiry, close to k3s's "renew within 120 days" rule, but
 * unlike a fixed number of days it also works for short-lived certificates issued to other
 * components: a one-day certificate is renewed after 16 hours instead of on every check.
 *
 * <p>A CA is never renewed automatically, because every kubeconfig and every component trusting
 * it would break at once. Instead it counts as "expiring soon" once it has less than one leaf
 * lifetime left: from then on new leaves come out shorter than asked for (they cannot outlive
 * their issuer), which is the point where an operator must plan the CA's replacement.
 */
public final class RenewalPolicy {
    /** Renew when the remaining life falls below lifetime / RENEW_FRACTION_DENOMINATOR. */
    public static final int RENEW_FRACTION_DENOMINATOR = 3;

    private RenewalPolicy() {
    }

    /** The instant from which {@code cert} should be replaced. */
    public static Instant renewalTime(X509Certificate cert) {
        Instant notBefore = cert.getNotBefore().toInstant();
        Instant notAfter = cert.getNotAfter().toInstant();
        Duration lifetime = Duration.between(notBefore, notAfter);
        return notAfter.minus(lifetime.dividedBy(RENEW_FRACTION_DENOMINATOR));
    }

    public static boolean renewalDue(X509Certificate cert, Instant now) {
        return !now.isBefore(renewalTime(cert));
    }

    /** Whether the CA ends within {@code leafValidity} of {@code now}, i.e. it can no longer back full-length leaves. */
    public static boolean authorityExpiringSoon(X509Certificate ca, Instant now, Duration leafValidity) {
        return !now.plus(leafValidity).isBefore(ca.getNotAfter().toInstant());
    }
}
