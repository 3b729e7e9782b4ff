package io.ringbus.latency.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The recorder's memory is bounded by a constant, not by --duration, and long runs keep every sample. */
class LatencyRecorderTest {
    static final long SECOND = 1_000_000_000L;
    static final long DAY = 24 * 3600 * SECOND;

    @Test
    void shortRunsKeepOneSecondIntervals() {
        LatencyRecorder r = new LatencyRecorder(10 * SECOND, SECOND, 0);
        assertEquals(SECOND, r.intervalNanos());
        assertEquals(13 * single(), r.footprintBytes());
    }

    @Test
    void footprintIsBoundedWhateverTheDuration() {
        long bound = LatencyRecorder.MAX_INTERVALS * single();
        for (long seconds : new long[] {60, 600, 3600, 6 * 3600, 24 * 3600}) {
            long bytes = new LatencyRecorder(seconds * SECOND, SECOND, 0).footprintBytes();
            assertTrue(bytes <= bound, seconds + " s: " + bytes + " bytes > " + bound);
        }
        assertTrue(bound < 10L << 20, bound + " bytes for one recorder");
    }

    @Test
    void aDayLongRunKeepsEverySampleInBoundedIntervals() {
        List<Histogram> intervals = DayLongRecording.replay(new LatencyRecorder(DAY, SECOND, 0));
        assertTrue(intervals.size() <= LatencyRecorder.MAX_INTERVALS, intervals.size() + " intervals");
        assertTrue(intervals.size() >= LatencyRecorder.MAX_INTERVALS - 4, intervals.size() + " intervals");
        assertEquals(DayLongRecording.SAMPLES, LatencyRecorder.total(intervals).getTotalCount());
        for (int i = 1; i < intervals.size(); i++) {
            assertEquals(intervals.get(i - 1).getEndTimeStamp(), intervals.get(i).getStartTimeStamp());
        }
        long first = intervals.get(0).getStartTimeStamp();
        long last = intervals.get(intervals.size() - 1).getEndTimeStamp();
        assertEquals(DAY / 1_000_000, last - first, 1000);
    }

    @Test
    void longIntervalsAreWholeSeconds() {
        long interval = LatencyRecorder.intervalFor(DAY, SECOND);
        assertEquals(0, interval % SECOND);
        assertTrue(interval * (LatencyRecorder.MAX_INTERVALS - 3) >= DAY, interval + " ns");
    }

    private static long single() {
        return new Histogram(LatencyRecorder.HIGHEST_NANOS, LatencyRecorder.SIGNIFICANT_DIGITS)
                .getEstimatedFootprintInBytes();
    }
}
