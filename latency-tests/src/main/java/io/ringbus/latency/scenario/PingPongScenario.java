package io.ringbus.latency.scenario;

import io.ringbus.latency.adapter.Adapter;
import io.ringbus.latency.adapter.Channel;
import io.ringbus.latency.adapter.Feature;
import io.ringbus.latency.adapter.Msg;
import io.ringbus.latency.adapter.Sender;
import io.ringbus.latency.adapter.StageHandler;
import io.ringbus.latency.adapter.Topology;
import io.ringbus.latency.adapter.WaitMode;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Round-trip latency between two threads over two 1P-1C channels, as in the Disruptor's ping-pong test:
 * the pinger is the handler of the pong channel and the echo is the handler of the ping channel, so only
 * two threads run. Pings go out on a schedule of {@code rate} per second (at once if a pong came back
 * late), and each round trip is recorded with that interval as the expected interval: closed loop, so the
 * samples a stall suppressed are filled back in.
 */
public final class PingPongScenario implements Scenario {
    private final ScenarioDefaults defaults;

    public PingPongScenario(ScenarioDefaults defaults) {
        this.defaults = defaults;
    }

    @Override public String name() {
        return "lat-pingpong";
    }

    @Override public String summary() {
        return "round trip between two threads over two 1P-1C channels (closed loop, HdrHistogram percentiles)";
    }

    @Override public Kind kind() {
        return Kind.LATENCY;
    }

    @Override public Topology topology() {
        return Topology.unicast(1);
    }

    @Override public Set<Feature> features() {
        return EnumSet.of(Feature.ROUND_TRIP);
    }

    @Override public ScenarioDefaults defaults() {
        return defaults;
    }

    @Override public int busyThreads(WaitMode wait) {
        // The pinger busy-waits for the next slot of its schedule whatever the wait mode.
        return wait.burnsCore() ? 2 : 1;
    }

    @Override
    public Measurement run(Adapter adapter, RunSpec spec, boolean warmup) throws InterruptedException {
        long duration = warmup ? Math.min(spec.warmupNanos(), spec.durationNanos()) : spec.durationNanos();
        Sender[] toPong = new Sender[1];
        Pinger pinger = new Pinger(spec.rate(), duration);
        Channel pong = adapter.open(topology(), Stages.config(spec, "pong"), List.of(List.of(pinger)));
        StageHandler echo = m -> toPong[0].send(m.value, m.stamp);
        Channel ping = adapter.open(topology(), Stages.config(spec, "ping"), List.of(List.of(echo)));
        toPong[0] = pong.sender(0);
        pinger.toPing = ping.sender(0);
        // The echo's channel first: the pinger sends its first ping as soon as its own thread starts.
        ping.start();
        pong.start();
        boolean complete = pinger.done.await(pinger.tally::countOpaque, spec.stallMillis());
        Measurement m = new Measurement();
        close(m, ping);
        close(m, pong);
        if (!complete) {
            m.fail("no pong for " + spec.stallMillis() + " ms: a message was lost or a thread is stuck");
        }
        Verdict v = new Verdict().check("pinger", pinger.tally, pinger.sent, Verdict.sumBelow(pinger.sent));
        if (pinger.outOfOrder > 0) {
            v.add(pinger.outOfOrder + " pong(s) out of order");
        }
        m.count(pinger.tally.count());
        m.histogram("rtt", pinger.recorder.finish());
        return m.verdict(v);
    }

    static void close(Measurement m, Channel c) {
        try {
            c.close();
        } catch (IllegalStateException e) {
            m.fail(e.getMessage());
        }
    }

    /** The pong channel's handler: records the round trip, then sends the next ping when it is due. */
    private static final class Pinger implements StageHandler {
        final Tally tally = new Tally();
        final Completion done = new Completion(1);
        final LatencyRecorder recorder;
        final long intervalNanos;
        final long duration;
        final long rate;
        Sender toPing;
        RateSchedule schedule;
        long deadline;
        long sent;
        long outOfOrder;

        Pinger(long rate, long duration) {
            this.rate = rate;
            this.duration = duration;
            this.intervalNanos = Math.max(1, 1_000_000_000L / rate);
            this.recorder = new LatencyRecorder(duration, FixedRateScenario.INTERVAL_NANOS);
        }

        /** The first ping, from the pinger's own thread like every later one (single-producer rings). */
        @Override
        public void onStart() {
            long now = System.nanoTime();
            schedule = new RateSchedule(now, rate);
            deadline = now + duration;
            ping();
        }

        private void ping() {
            toPing.send(sent++, System.nanoTime());
        }

        @Override
        public void onEvent(Msg msg) {
            long now = System.nanoTime();
            long received = tally.count();
            if (msg.value != received) {
                outOfOrder++;
            }
            recorder.recordWithExpectedInterval(now, now - msg.stamp, intervalNanos);
            tally.add(msg.value);
            if (now - deadline >= 0) {
                done.arrive();
                return;
            }
            schedule.awaitSlot(sent);
            ping();
        }
    }
}
