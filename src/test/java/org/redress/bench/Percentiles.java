package org.redress.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Latency percentiles by the nearest-rank method (p99 of 300 values is the 297th smallest): exact, no
 * interpolation, no histogram buckets, so a reader can check a number against the raw latencies. Milliseconds.
 */
record Percentiles(int count, double p50, double p95, double p99, double max, double mean) {

    static final Percentiles NONE = new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    static Percentiles ofNanos(Collection<Long> nanos) {
        return of(nanos.stream().mapToDouble(n -> n / 1e6).sorted().toArray());
    }

    static Percentiles ofMillis(Collection<Double> millis) {
        return of(millis.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    }

    private static Percentiles of(double[] millis) {
        if (millis.length == 0) {
            return NONE;
        }
        return new Percentiles(millis.length, rank(millis, 50), rank(millis, 95), rank(millis, 99),
                millis[millis.length - 1], Arrays.stream(millis).average().orElse(Double.NaN));
    }

    private static double rank(double[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
