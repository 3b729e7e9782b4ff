package io.ringbus.latency.scenario;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The outcome of one run (one implementation, one repetition), as the report needs it.
 *
 * @param otherCores CPU (in cores) that other processes took while the run measured; NaN if unknown
 * @param selfCores  CPU (in cores) this run's own process took while it measured
 * @param histograms histogram name to its interval histograms (latency runs only; read back by the parent,
 *                   one merged histogram per name)
 */
public record RunResult(RunSpec spec, Status status, List<String> notes, double opsPerSecond,
                        double idleCpuPercent, double achievedRate, long count, double otherCores,
                        double selfCores, double wallSeconds, Map<String, List<Histogram>> histograms) {

    /** OK, FAILED (lost or duplicated a message, missed its rate, or broke), or SKIPPED (not expressible). */
    public enum Status { OK, FAILED, SKIPPED }

    public RunResult {
        notes = List.copyOf(notes);
        histograms = Map.copyOf(histograms);
    }

    public static RunResult skipped(RunSpec spec, String why) {
        return new RunResult(spec, Status.SKIPPED, List.of(why), Double.NaN, Double.NaN, Double.NaN, 0,
                Double.NaN, Double.NaN, 0, Map.of());
    }

    public static RunResult failed(RunSpec spec, String why) {
        return new RunResult(spec, Status.FAILED, List.of("FAILED: " + why), Double.NaN, Double.NaN, Double.NaN,
                0, Double.NaN, Double.NaN, 0, Map.of());
    }

    /** The merged histogram of one name over all intervals, or null. */
    public Histogram total(String name) {
        List<Histogram> intervals = histograms.get(name);
        return intervals == null ? null : LatencyRecorder.total(intervals);
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
