package io.ringbus.latency.scenario;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Single-writer latency recording into one histogram per interval (for the .hlog interval log). The
 * interval histograms are allocated before the run, so rolling over allocates and zeroes nothing on the
 * recording thread. Values are in nanoseconds and clamped to the trackable range.
 */
public final class LatencyRecorder {
    /** One hour; anything slower is clamped, not lost. */
    public static final long HIGHEST_NANOS = 3_600_000_000_000L;
    public static final int SIGNIFICANT_DIGITS = 3;

    private final long intervalNanos;
    private final long epochMillisAtBase;
    private final long nanoBase;
    private final Histogram[] intervals;
    private int index;
    private long intervalEnd;

    public LatencyRecorder(long expectedDurationNanos, long intervalNanos) {
        this.intervalNanos = intervalNanos;
        int n = (int) Math.min(10_000, expectedDurationNanos / intervalNanos + 3);
        this.intervals = new Histogram[n];
        for (int i = 0; i < n; i++) {
            intervals[i] = new Histogram(HIGHEST_NANOS, SIGNIFICANT_DIGITS);
        }
        this.nanoBase = System.nanoTime();
        this.epochMillisAtBase = System.currentTimeMillis();
        this.intervalEnd = nanoBase + intervalNanos;
        intervals[0].setStartTimeStamp(epochMillisAtBase);
    }

    public void record(long now, long latencyNanos) {
        current(now).recordValue(clamp(latencyNanos));
    }

    /** Closed-loop only: back-fills the samples a stalled loop would have taken; open-loop runs never use it. */
    public void recordWithExpectedInterval(long now, long latencyNanos, long expectedIntervalNanos) {
        current(now).recordValueWithExpectedInterval(clamp(latencyNanos), expectedIntervalNanos);
    }

    private Histogram current(long now) {
        if (now - intervalEnd >= 0 && index + 1 < intervals.length) {
            roll(now);
        }
        return intervals[index];
    }

    private void roll(long now) {
        long epoch = toEpochMillis(now);
        intervals[index].setEndTimeStamp(epoch);
        index++;
        intervals[index].setStartTimeStamp(epoch);
        intervalEnd = now + intervalNanos;
    }

    private static long clamp(long v) {
        return Math.max(0, Math.min(v, HIGHEST_NANOS));
    }

    private long toEpochMillis(long nanos) {
        return epochMillisAtBase + (nanos - nanoBase) / 1_000_000;
    }

    /** The recorded intervals, the last one closed now; call after the writer thread stopped. */
    public List<Histogram> finish() {
        intervals[index].setEndTimeStamp(toEpochMillis(System.nanoTime()));
        List<Histogram> out = new ArrayList<>();
        for (int i = 0; i <= index; i++) {
            out.add(intervals[i]);
        }
        return out;
    }

    /** Merges intervals into one histogram. */
    public static Histogram total(List<Histogram> intervals) {
        Histogram sum = new Histogram(HIGHEST_NANOS, SIGNIFICANT_DIGITS);
        for (Histogram h : intervals) {
            sum.add(h);
        }
        return sum;
    }
}
