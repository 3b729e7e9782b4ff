package io.ringbus.latency.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** What one scenario run produced; mutable while the run assembles it. */
public final class Measurement {
    private final List<String> notes = new ArrayList<>();
    private final Map<String, List<Histogram>> histograms = new LinkedHashMap<>();
    private boolean failed;
    private double opsPerSecond = Double.NaN;
    private double idleCpuPercent = Double.NaN;
    private double achievedRate = Double.NaN;
    private long count;
    private long partnerCpuNanos;

    public Measurement fail(String why) {
        failed = true;
        notes.add("FAILED: " + why);
        return this;
    }

    public Measurement note(String note) {
        notes.add(note);
        return this;
    }

    /** Marks the run failed when the verdict found a lost, duplicated or corrupted message. */
    public Measurement verdict(Verdict verdict) {
        if (!verdict.ok()) {
            fail(verdict.problems());
        }
        return this;
    }

    public Measurement histogram(String name, List<Histogram> intervals) {
        histograms.put(name, List.copyOf(intervals));
        return this;
    }

    public Measurement opsPerSecond(double v) {
        opsPerSecond = v;
        return this;
    }

    public Measurement idleCpuPercent(double v) {
        idleCpuPercent = v;
        return this;
    }

    public Measurement achievedRate(double v) {
        achievedRate = v;
        return this;
    }

    public Measurement count(long v) {
        count = v;
        return this;
    }

    /**
     * Adds CPU time of a process the run started as part of the system it measures (an echo JVM), so that
     * it counts as the run's own CPU rather than as other processes' load.
     */
    public Measurement partnerCpuNanos(long nanos) {
        partnerCpuNanos += Math.max(0, nanos);
        return this;
    }

    public long partnerCpuNanos() {
        return partnerCpuNanos;
    }

    public boolean failed() {
        return failed;
    }

    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    /** Histogram name to its interval histograms, in recording order. */
    public Map<String, List<Histogram>> histograms() {
        return Collections.unmodifiableMap(histograms);
    }

    public double opsPerSecond() {
        return opsPerSecond;
    }

    public double idleCpuPercent() {
        return idleCpuPercent;
    }

    public double achievedRate() {
        return achievedRate;
    }

    public long count() {
        return count;
    }
}
