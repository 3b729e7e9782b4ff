package io.ringbus.latency.report;

import java.util.Arrays;
import java.util.List;

/** Median and spread of the repetitions of one measurement; NaN values (failed runs) are left out. */
public record Stats(double median, double min, double max, int n) {

    public static Stats of(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).filter(d -> !Double.isNaN(d)).toArray();
        if (v.length == 0) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        Arrays.sort(v);
        int mid = v.length / 2;
        double median = v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
        return new Stats(median, v[0], v[v.length - 1], v.length);
    }

    public boolean empty() {
        return n == 0;
    }
}
