package io.ringbus.latency.aeron;

import io.ringbus.latency.scenario.Completion;
import io.ringbus.latency.scenario.LatencyRecorder;
import io.ringbus.latency.scenario.RateSchedule;
import io.ringbus.latency.scenario.Tally;
import java.util.concurrent.TimeUnit;

/**
 * The round-trip logic both Aeron sides share, as in the in-process ping-pong: one ping out at a time on a
 * schedule of {@code rate} per second, each pong recorded against that interval (closed loop), pings sent
 * from the thread that receives the pongs.
 */
final class Pinger {
    /** How a side puts a ping on its way. */
    @FunctionalInterface
    interface Out {
        void send(long value, long stamp);
    }

    final Tally tally = new Tally();
    final Completion done = new Completion(1);
    private final long intervalNanos;
    private final long warmup;
    private final long duration;
    private final long rate;
    Out out;
    private RateSchedule schedule;
    private LatencyRecorder recorder;
    private long measureFrom;
    private long deadline;
    long sent;
    long outOfOrder;

    /**
     * @param warmupNanos how long pings go and come back unrecorded first, so that both JVMs (the echo
     *                    starts afresh each run) run compiled code when the measuring starts
     */
    Pinger(long rate, long warmupNanos, long durationNanos) {
        this.rate = rate;
        this.warmup = warmupNanos;
        this.duration = durationNanos;
        this.intervalNanos = Math.max(1, 1_000_000_000L / rate);
    }

    /** The first ping, from the thread that will receive the pongs. */
    void start() {
        long now = System.nanoTime();
        schedule = new RateSchedule(now, rate);
        measureFrom = now + warmup;
        deadline = measureFrom + duration;
        recorder = new LatencyRecorder(duration, TimeUnit.SECONDS.toNanos(1), measureFrom);
        ping();
    }

    /** The round trips measured after the warm-up; call once the pinger's thread has stopped. */
    java.util.List<org.HdrHistogram.Histogram> finish() {
        return recorder.finish();
    }

    /** Records a pong and sends the next ping when it is due; false once the run is over. */
    boolean onPong(long value, long stamp) {
        long now = System.nanoTime();
        if (value != tally.count()) {
            outOfOrder++;
        }
        if (now - measureFrom >= 0) {
            recorder.recordWithExpectedInterval(now, now - stamp, intervalNanos);
        }
        tally.add(value);
        if (now - deadline >= 0) {
            done.arrive();
            return false;
        }
        schedule.awaitSlot(sent);
        ping();
        return true;
    }

    private void ping() {
        out.send(sent++, System.nanoTime());
    }
}
