package io.wharf.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EtcdMetricsTest {
    private static String exposition(long fsyncs, double fsyncSeconds, double proposals) {
        return "# HELP etcd_disk_wal_fsync_duration_seconds The latency distributions of fsync called by WAL.\n"
                + "# TYPE etcd_disk_wal_fsync_duration_seconds histogram\n"
                + "etcd_disk_wal_fsync_duration_seconds_bucket{le=\"0.001\"} 3\n"
                + "etcd_disk_wal_fsync_duration_seconds_bucket{le=\"+Inf\"} " + fsyncs + "\n"
                + "etcd_disk_wal_fsync_duration_seconds_sum " + fsyncSeconds + "\n"
                + "etcd_disk_wal_fsync_duration_seconds_count " + fsyncs + "\n"
                + "etcd_server_proposals_committed_total " + proposals + "\n"
                + "grpc_server_handled_total{grpc_code=\"OK\",grpc_method=\"Txn\"} " + proposals / 10 + "\n"
                + "grpc_server_handled_total{grpc_code=\"Unavailable\",grpc_method=\"Txn\"} 1\n"
                + "grpc_server_handled_total{grpc_code=\"OK\",grpc_method=\"Range\",x=\"a} \\\"b\\\"\"} 2 1700000000000\n";
    }

    @Test
    void readsSamplesSummingLabelSetsAndSkippingComments() {
        EtcdMetrics m = EtcdMetrics.parse(exposition(10, 0.02, 1.5e3));
        assertThat(m.value("etcd_disk_wal_fsync_duration_seconds_count")).isEqualTo(10.0);
        assertThat(m.value("etcd_server_proposals_committed_total")).isEqualTo(1500.0);
        assertThat(m.value("grpc_server_handled_total")).isEqualTo(153.0);
        assertThat(m.value("etcd_disk_wal_fsync_duration_seconds_bucket")).isEqualTo(13.0);
        assertThat(m.value("no_such_metric")).isZero();
    }

    @Test
    void histogramDeltasBetweenTwoScrapes() {
        EtcdMetrics before = EtcdMetrics.parse(exposition(10, 0.02, 100));
        EtcdMetrics after = EtcdMetrics.parse(exposition(110, 0.32, 300));
        assertThat(after.countSince(before, EtcdMetrics.WAL_FSYNC)).isEqualTo(100);
        assertThat(after.meanMillisSince(before, EtcdMetrics.WAL_FSYNC)).isEqualTo(3.0);
        assertThat(after.meanMillisSince(after, EtcdMetrics.WAL_FSYNC)).isNaN();
    }

    @Test
    void counterGrowthPerLabelValueSumsTheOtherLabels() {
        EtcdMetrics before = EtcdMetrics.parse(exposition(10, 0.02, 100));
        EtcdMetrics after = EtcdMetrics.parse(exposition(110, 0.32, 300));
        // Txn: 10 + 1 before, 30 + 1 after; Range did not grow
        assertThat(after.growthByLabel(before, EtcdMetrics.GRPC_HANDLED, "grpc_method")).containsExactly(java.util.Map.entry("Txn", 20L));
        assertThat(after.growthByLabel(EtcdMetrics.parse(""), EtcdMetrics.GRPC_HANDLED, "grpc_method"))
                .containsEntry("Txn", 31L).containsEntry("Range", 2L);
    }
}
