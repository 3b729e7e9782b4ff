package io.ringbus.latency.scenario;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Single-writer latency recording into one histogram per interval (for the .hlog interval log). The
 * interval histograms are allocated before the run, so rolling over allocates and zeroes nothing on the
 * recording thread. Values are in nanoseconds and clamped to the trackable range.
 *
 * <p>A recorder holds at most {@link #MAX_INTERVALS} histograms (about 264 KiB each), whatever the duration:
 * a run longer than {@code MAX_INTERVALS - 3} intervals gets proportionally longer intervals instead of
 * more of them, so a 24 h run fits the same heap as a 10 s one.
 */
public final class LatencyRecorder {
    /** One hour; anything slower is clamped, not lost. */
    public static final long HIGHEST_NANOS = 3_600_000_000_000L;
    public static final int SIGNIFICANT_DIGITS = 3;
    /** The most histograms one recorder preallocates. */
    public static final int MAX_INTERVALS = 32;
    /** Room beyond the expected duration: the start is late, the stop is late, the clock is coarse. */
    private static final int SPARE_INTERVALS = 3;
    private static final long SECOND = 1_000_000_000L;

    private final long intervalNanos;
    private final long epochMillisAtBase;
    private final long nanoBase;
    private final Histogram[] intervals;
    private int index;
    private long intervalEnd;

    public LatencyRecorder(long expectedDurationNanos, long intervalNanos) {
        this(expectedDurationNanos, intervalNanos, System.nanoTime());
    }

    /**
     * With an explicit start on the {@code System.nanoTime()} scale: for a run that measures from a later
     * point (after a warm-up inside the run), and for tests that replay a long run fast.
     */
    public LatencyRecorder(long expectedDurationNanos, long requestedIntervalNanos, long startNanos) {
        this.intervalNanos = intervalFor(expectedDurationNanos, requestedIntervalNanos);
        int n = (int) Math.min(MAX_INTERVALS, expectedDurationNanos / intervalNanos + SPARE_INTERVALS);
        this.intervals = new Histogram[n];
        for (int i = 0; i < n; i++) {
            intervals[i] = new Histogram(HIGHEST_NANOS, SIGNIFICANT_DIGITS);
        }
        this.nanoBase = startNanos;
        this.epochMillisAtBase = System.currentTimeMillis();
        this.intervalEnd = nanoBase + intervalNanos;
        intervals[0].setStartTimeStamp(epochMillisAtBase);
    }

    /** The requested interval, or a longer one in whole seconds if the run would need too many. */
    static long intervalFor(long expectedDurationNanos, long requestedIntervalNanos) {
        long usable = MAX_INTERVALS - SPARE_INTERVALS;
        if (expectedDurationNanos / requestedIntervalNanos <= usable) {
            return requestedIntervalNanos;
        }
        long needed = (expectedDurationNanos + usable - 1) / usable;
        return Math.max(requestedIntervalNanos, (needed + SECOND - 1) / SECOND * SECOND);
    }

    /** The length of one interval of this recorder. */
    public long intervalNanos() {
        return intervalNanos;
    }

    /** Bytes held by the preallocated histograms: bounded by {@link #MAX_INTERVALS}, not by the duration. */
    public long footprintBytes() {
        long sum = 0;
        for (Histogram h : intervals) {
            sum += h.getEstimatedFootprintInBytes();
        }
        return sum;
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
        return finish(System.nanoTime());
    }

    List<Histogram> finish(long now) {
        intervals[index].setEndTimeStamp(toEpochMillis(now));
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
