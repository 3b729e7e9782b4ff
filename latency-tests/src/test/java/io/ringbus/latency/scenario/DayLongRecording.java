package io.ringbus.latency.scenario;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Replays a 24 h lat-pipeline run (four recorders: three hops and end to end) on a simulated clock, so a
 * test can run it in a JVM with a small heap. Prints one line and exits 0 if everything was recorded.
 */
public final class DayLongRecording {
    static final long MINUTE = 60_000_000_000L;
    static final long SAMPLES = 24 * 60;

    private DayLongRecording() {
    }

    public static void main(String[] args) {
        long total = 0;
        int intervals = 0;
        for (int hop = 0; hop < 4; hop++) {
            List<Histogram> h = replay(new LatencyRecorder(LatencyRecorderTest.DAY, LatencyRecorderTest.SECOND, 0));
            intervals += h.size();
            total += LatencyRecorder.total(h).getTotalCount();
        }
        System.out.println("recorded " + total + " samples in " + intervals + " intervals");
        System.exit(total == 4 * SAMPLES ? 0 : 1);
    }

    /** One sample a simulated minute for a day, starting at time 0. */
    static List<Histogram> replay(LatencyRecorder r) {
        for (long i = 0; i < SAMPLES; i++) {
            r.record(i * MINUTE, 1_000 + i);
        }
        return r.finish(SAMPLES * MINUTE);
    }
}
