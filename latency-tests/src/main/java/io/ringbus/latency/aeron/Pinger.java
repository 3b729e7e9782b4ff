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
    final LatencyRecorder recorder;
    private final long intervalNanos;
    private final long duration;
    private final long rate;
    Out out;
    private RateSchedule schedule;
    private long deadline;
    long sent;
    long outOfOrder;

    Pinger(long rate, long durationNanos) {
        this.rate = rate;
        this.duration = durationNanos;
        this.intervalNanos = Math.max(1, 1_000_000_000L / rate);
        this.recorder = new LatencyRecorder(durationNanos, TimeUnit.SECONDS.toNanos(1));
    }

    /** The first ping, from the thread that will receive the pongs. */
    void start() {
        long now = System.nanoTime();
        schedule = new RateSchedule(now, rate);
        deadline = now + duration;
        ping();
    }

    /** Records a pong and sends the next ping when it is due; false once the run is over. */
    boolean onPong(long value, long stamp) {
        long now = System.nanoTime();
        if (value != tally.count()) {
            outOfOrder++;
        }
        recorder.recordWithExpectedInterval(now, now - stamp, intervalNanos);
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
