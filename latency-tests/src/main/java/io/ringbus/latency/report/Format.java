package io.ringbus.latency.report;

import java.util.Locale;

/** Number formats of the tables: microseconds, millions per second, ratios, cores. */
final class Format {
    private Format() {
    }

    static String micros(double nanos) {
        if (Double.isNaN(nanos)) {
            return "-";
        }
        double us = nanos / 1000.0;
        String f = us < 1 ? "%.3f" : us < 100 ? "%.2f" : us < 10_000 ? "%.1f" : "%.0f";
        return String.format(Locale.ROOT, f, us);
    }

    static String mops(double opsPerSecond) {
        return Double.isNaN(opsPerSecond) ? "-" : String.format(Locale.ROOT, "%.2f", opsPerSecond / 1e6);
    }

    static String ratio(double value, double reference) {
        if (Double.isNaN(value) || Double.isNaN(reference) || reference == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2fx", value / reference);
    }

    static String percent(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", v);
    }

    static String cores(double v) {
        return Double.isNaN(v) ? "?" : String.format(Locale.ROOT, "%.2f", v);
    }

    static String plain(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
