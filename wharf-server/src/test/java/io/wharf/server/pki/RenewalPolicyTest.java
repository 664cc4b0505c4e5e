package io.wharf.server.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenewalPolicyTest {
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private final CertificateAuthority ca = CertificateAuthority.create("wharf-ca@1", NOW, Duration.ofDays(3650));

    @Test
    void oneYearLeafIsDueWhenAThirdOfItsLifeRemains() {
        X509Certificate cert = ca.issue(CertificateTemplate.client("u", List.of(), Duration.ofDays(365)), NOW).certificate();
        Instant due = RenewalPolicy.renewalTime(cert);
        Duration before = Duration.between(due, cert.getNotAfter().toInstant());
        assertThat(before.toDays()).isEqualTo(121);
        assertThat(RenewalPolicy.renewalDue(cert, NOW)).isFalse();
        assertThat(RenewalPolicy.renewalDue(cert, due.minusSeconds(1))).isFalse();
        assertThat(RenewalPolicy.renewalDue(cert, due)).isTrue();
        assertThat(RenewalPolicy.renewalDue(cert, cert.getNotAfter().toInstant().plusSeconds(1))).isTrue();
    }

    @Test
    void shortLivedLeafScalesTheSameWay() {
        X509Certificate cert = ca.issue(CertificateTemplate.client("u", List.of(), Duration.ofHours(24)), NOW).certificate();
        assertThat(RenewalPolicy.renewalDue(cert, NOW.plus(Duration.ofHours(15)))).isFalse();
        assertThat(RenewalPolicy.renewalDue(cert, NOW.plus(Duration.ofHours(17)))).isTrue();
    }

    @Test
    void caIsExpiringSoonWithinOneLeafLifetime() {
        X509Certificate cert = ca.certificate();
        Instant end = cert.getNotAfter().toInstant();
        Duration leaf = Duration.ofDays(365);
        assertThat(RenewalPolicy.authorityExpiringSoon(cert, NOW, leaf)).isFalse();
        assertThat(RenewalPolicy.authorityExpiringSoon(cert, end.minus(Duration.ofDays(366)), leaf)).isFalse();
        assertThat(RenewalPolicy.authorityExpiringSoon(cert, end.minus(Duration.ofDays(364)), leaf)).isTrue();
    }
}
