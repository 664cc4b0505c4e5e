package io.wharf.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EtcdVersionsTest {
    @ParameterizedTest
    @CsvSource({"3.4.23,false", "3.4.31,true", "3.5.12,false", "3.5.13,true", "v3.5.17,true", "3.6.0-rc.1,true",
            "3.3.27,false", "garbage,false", "4.0.0,true"})
    void progressReportsAreTrustedFromTheFixedReleasesOn(String version, boolean reliable) {
        assertThat(EtcdVersions.progressIsReliable(version)).isEqualTo(reliable);
    }
}
