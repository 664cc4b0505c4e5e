package io.wharf.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * etcd's own counters, read from its Prometheus endpoint: how many WAL fsyncs and backend commits
 * it did and how long they took (how much of a write's latency is the disk's), and how many calls of
 * each kind it served (how many etcd calls one API request costs).
 */
final class EtcdMetrics {
    static final String WAL_FSYNC = "etcd_disk_wal_fsync_duration_seconds";
    static final String BACKEND_COMMIT = "etcd_disk_backend_commit_duration_seconds";
    static final String PROPOSALS_COMMITTED = "etcd_server_proposals_committed_total";
    static final String GRPC_HANDLED = "grpc_server_handled_total";

    /** One sample: metric name, labels, value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private EtcdMetrics(List<Sample> samples) {
        this.samples = samples;
    }

    static EtcdMetrics scrape(String endpoint) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("etcd /metrics answered " + r.statusCode());
        }
        return parse(r.body());
    }

    /** Prometheus text format: {@code name{label="value",...} value [timestamp]}, comments skipped. */
    static EtcdMetrics parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            line = line.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            int brace = line.indexOf('{');
            int end = brace < 0 ? line.indexOf(' ') : labels(line, brace + 1, labels);
            if (end < 0) {
                continue;
            }
            String name = line.substring(0, brace < 0 ? end : brace);
            String[] rest = line.substring(end).trim().split("\\s+"); // value, then an optional timestamp
            try {
                samples.add(new Sample(name, labels, Double.parseDouble(rest[0])));
            } catch (NumberFormatException e) {
                // not a sample line
            }
        }
        return new EtcdMetrics(samples);
    }

    /** Reads the label pairs starting at {@code i} into {@code out}; answers the index after the closing brace, or -1. */
    private static int labels(String line, int i, Map<String, String> out) {
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '}') {
                return i + 1;
            }
            if (c == ',' || c == ' ') {
                i++;
                continue;
            }
            int eq = line.indexOf('=', i);
            if (eq < 0 || eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
                return -1;
            }
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            for (; j < line.length() && line.charAt(j) != '"'; j++) {
                char v = line.charAt(j);
                if (v == '\\' && j + 1 < line.length()) {
                    v = line.charAt(++j);
                    value.append(v == 'n' ? '\n' : v);
                } else {
                    value.append(v);
                }
            }
            out.put(line.substring(i, eq).trim(), value.toString());
            i = j + 1;
        }
        return -1;
    }

    /** The metric's value, summed over all its label sets (0 when absent). */
    double value(String name) {
        double sum = 0;
        for (Sample s : samples) {
            if (s.name().equals(name)) {
                sum += s.value();
            }
        }
        return sum;
    }

    /** How many observations a histogram gained since {@code before}. */
    long countSince(EtcdMetrics before, String histogram) {
        return Math.round(value(histogram + "_count") - before.value(histogram + "_count"));
    }

    /** The mean of a histogram's observations since {@code before}, in milliseconds (NaN when none). */
    double meanMillisSince(EtcdMetrics before, String histogram) {
        long n = countSince(before, histogram);
        double sum = value(histogram + "_sum") - before.value(histogram + "_sum");
        return n == 0 ? Double.NaN : Math.round(sum / n * 1e6) / 1e3;
    }

    /** How much a counter grew since {@code before}, per value of one of its labels; labels that did not grow are left out. */
    Map<String, Long> growthByLabel(EtcdMetrics before, String counter, String label) {
        Map<String, Double> now = byLabel(counter, label);
        Map<String, Double> then = before.byLabel(counter, label);
        Map<String, Long> growth = new TreeMap<>();
        now.forEach((k, v) -> {
            long d = Math.round(v - then.getOrDefault(k, 0.0));
            if (d > 0) {
                growth.put(k, d);
            }
        });
        return growth;
    }

    private Map<String, Double> byLabel(String counter, String label) {
        Map<String, Double> sums = new HashMap<>();
        for (Sample s : samples) {
            if (s.name().equals(counter) && s.labels().containsKey(label)) {
                sums.merge(s.labels().get(label), s.value(), Double::sum);
            }
        }
        return sums;
    }
}
