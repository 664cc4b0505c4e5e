package io.wharf.bench;

import java.util.Arrays;

/**
 * A growable list of nanosecond samples (latencies), appended to by one thread, summarised as
 * nearest-rank percentiles in milliseconds.
 */
final class Samples {
    private long[] values = new long[1024];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    void addAll(Samples other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    int size() {
        return size;
    }

    /** The p-th percentile (0 < p ≤ 100, nearest rank) in milliseconds; NaN when there are no samples. */
    double percentileMillis(double p) {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return Results.percentileMillis(sorted, p);
    }

    double maxMillis() {
        return percentileMillis(100);
    }
}
