package io.ringbus.latency.fork;

import io.ringbus.latency.scenario.RunResult;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** One short line per finished run, so a long campaign shows where it is. */
final class Progress {
    private Progress() {
    }

    static String line(RunResult r) {
        if (r.status() != RunResult.Status.OK) {
            String notes = String.join("; ", r.notes());
            return r.status() == RunResult.Status.SKIPPED ? "skipped: " + notes : notes;
        }
        String cpu = Double.isNaN(r.otherCores()) ? "" : String.format(Locale.ROOT, " (others %.2f cores)", r.otherCores());
        if (!Double.isNaN(r.opsPerSecond())) {
            // A passing run's notes say how it ran: time-capped, or how a worker pool split the work.
            String notes = r.notes().isEmpty() ? "" : "; " + String.join("; ", r.notes());
            return String.format(Locale.ROOT, "%.2f M msg/s%s%s", r.opsPerSecond() / 1e6, cpu, notes);
        }
        if (!Double.isNaN(r.idleCpuPercent())) {
            return String.format(Locale.ROOT, "%.1f%% of a core%s", r.idleCpuPercent(), cpu);
        }
        String name = r.histograms().containsKey("e2e") ? "e2e" : r.histograms().keySet().stream().findFirst().orElse(null);
        Histogram h = name == null ? null : r.total(name);
        if (h == null || h.getTotalCount() == 0) {
            return "no samples";
        }
        return String.format(Locale.ROOT, "p50 %.3f us, p99 %.2f us, max %.1f us, %d samples%s",
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3,
                h.getTotalCount(), cpu);
    }
}
