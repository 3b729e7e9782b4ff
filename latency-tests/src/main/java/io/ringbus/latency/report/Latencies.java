package io.ringbus.latency.report;

import io.ringbus.latency.scenario.RunResult;
import java.util.List;
import org.HdrHistogram.Histogram;

/** The percentiles every latency table and CSV row shows, in one place. */
public final class Latencies {
    /** p50, p90, p99, p99.9, p99.99; the max comes from the histogram itself. */
    public static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99};
    public static final List<String> LABELS = List.of("p50", "p90", "p99", "p99.9", "p99.99", "max");

    private Latencies() {
    }

    /** The histogram a latency scenario is judged by: end to end for pipelines, else the only one. */
    public static String primary(RunResult r) {
        if (r.histograms().containsKey("e2e")) {
            return "e2e";
        }
        return r.histograms().keySet().stream().sorted().findFirst().orElse(null);
    }

    /** p50 .. p99.99 and max of a histogram, in nanoseconds; NaN when empty or absent. */
    public static double[] values(Histogram h) {
        double[] v = new double[PERCENTILES.length + 1];
        for (int i = 0; i < PERCENTILES.length; i++) {
            v[i] = h == null || h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(PERCENTILES[i]);
        }
        v[PERCENTILES.length] = h == null || h.getTotalCount() == 0 ? Double.NaN : h.getMaxValue();
        return v;
    }
}
