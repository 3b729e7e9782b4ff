package io.ringbus.latency.cli;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of counts with K/M/G suffixes and of durations with units; one rule each, one message each. */
public final class Quantities {
    private static final Pattern COUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)([kmg]?)");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s|m)?");

    private Quantities() {
    }

    /**
     * A positive count such as {@code 500K}, {@code 1M}, {@code 1.5M} or {@code 250000}.
     *
     * @throws IllegalArgumentException naming the rule, if the text is not one
     */
    public static long parseCount(String text) {
        Matcher m = COUNT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a count: give a positive number, "
                    + "optionally with K or M (e.g. 500K, 1M)");
        }
        double base = Double.parseDouble(m.group(1));
        double scale = m.group(2).isEmpty() ? 1 : m.group(2).equals("k") ? 1e3 : m.group(2).equals("m") ? 1e6 : 1e9;
        double value = base * scale;
        if (value < 1 || value > 1e12 || value != Math.rint(value)) {
            throw new IllegalArgumentException("'" + text + "' must be a whole number between 1 and 1e12");
        }
        return (long) value;
    }

    /**
     * A duration such as {@code 10s}, {@code 500ms}, {@code 2m} or {@code 3} (seconds), in nanoseconds.
     *
     * @throws IllegalArgumentException naming the rule, if the text is not one
     */
    public static long parseDurationNanos(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: give a number with "
                    + "ns, us, ms, s or m (e.g. 10s, 500ms, 2m); a bare number means seconds");
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double nanos;
        switch (unit) {
            case "ns": nanos = v; break;
            case "us": nanos = v * 1e3; break;
            case "ms": nanos = v * 1e6; break;
            case "m": nanos = v * 60e9; break;
            default: nanos = v * 1e9;
        }
        if (nanos > TimeUnit.HOURS.toNanos(24)) {
            throw new IllegalArgumentException("'" + text + "' is longer than a day");
        }
        return (long) nanos;
    }

    /** Formats nanoseconds for humans: 1.5s, 500ms, 20us. */
    public static String formatDuration(long nanos) {
        if (nanos == 0) {
            return "none";
        }
        if (nanos >= 1_000_000_000L) {
            return trim(nanos / 1e9) + "s";
        }
        if (nanos >= 1_000_000L) {
            return trim(nanos / 1e6) + "ms";
        }
        return trim(nanos / 1e3) + "us";
    }

    /** Formats a count for humans: 20M, 500K, 1234. */
    public static String formatCount(long n) {
        if (n >= 1_000_000 && n % 100_000 == 0) {
            return trim(n / 1e6) + "M";
        }
        if (n >= 1_000 && n % 100 == 0) {
            return trim(n / 1e3) + "K";
        }
        return Long.toString(n);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
