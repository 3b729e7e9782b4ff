package io.ringbus.latency.scenario;

import io.ringbus.latency.adapter.Adapter;
import io.ringbus.latency.adapter.Channel;
import io.ringbus.latency.adapter.Feature;
import io.ringbus.latency.adapter.Msg;
import io.ringbus.latency.adapter.Sender;
import io.ringbus.latency.adapter.StageHandler;
import io.ringbus.latency.adapter.Topology;
import io.ringbus.latency.adapter.WaitMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Burst round trip (after real-logic/benchmarks): each of 1 or 2 producers sends a burst of messages, each
 * stamped as it leaves, through one request channel to an echo thread, which returns every message on the
 * producer's own return channel. When a producer has its whole burst back it waits for its next slot
 * ({@code burst / rate} apart) and sends again. The producer is the handler of its return channel.
 */
public final class BurstScenario implements Scenario {
    private final String name;
    private final int producers;
    private final ScenarioDefaults defaults;

    public BurstScenario(String name, int producers, ScenarioDefaults defaults) {
        this.name = name;
        this.producers = producers;
        this.defaults = defaults;
    }

    @Override public String name() {
        return name;
    }

    @Override public String summary() {
        return producers + " producer(s) send bursts of --burst messages to an echo thread; per-message round trip";
    }

    @Override public Kind kind() {
        return Kind.LATENCY;
    }

    @Override public Topology topology() {
        return Topology.unicast(producers);
    }

    @Override public Set<Feature> features() {
        return EnumSet.of(Feature.ROUND_TRIP, Feature.BURSTS);
    }

    @Override public ScenarioDefaults defaults() {
        return defaults;
    }

    @Override public int busyThreads(WaitMode wait) {
        return wait.burnsCore() ? producers + 1 : producers;
    }

    @Override
    public Measurement run(Adapter adapter, RunSpec spec, boolean warmup) throws InterruptedException {
        if (spec.burst() > spec.capacity()) {
            // The echo would block on a full return channel while its producer is still sending.
            throw new IllegalArgumentException("burst " + spec.burst() + " must not exceed capacity " + spec.capacity());
        }
        long duration = warmup ? Math.min(spec.warmupNanos(), spec.durationNanos()) : spec.durationNanos();
        Sender[] back = new Sender[producers];
        StageHandler echo = m -> back[(int) (m.value % producers)].send(m.value, m.stamp);
        Channel request = adapter.open(topology(), Stages.config(spec, "req"), List.of(List.of(echo)));
        List<Channel> returns = new ArrayList<>();
        Burster[] bursters = new Burster[producers];
        Completion done = new Completion(producers);
        for (int p = 0; p < producers; p++) {
            bursters[p] = new Burster(p, producers, spec.burst(), spec.rate(), duration, done);
            Channel ret = adapter.open(Topology.unicast(1), Stages.config(spec, "ret" + p),
                    List.of(List.of(bursters[p])));
            back[p] = ret.sender(0);
            bursters[p].toEcho = request.sender(p);
            returns.add(ret);
        }
        // The echo first: each producer sends its first burst as soon as its own thread starts.
        request.start();
        returns.forEach(Channel::start);
        boolean complete = done.await(() -> {
            long sum = 0;
            for (Burster b : bursters) {
                sum += b.tally.countOpaque();
            }
            return sum;
        }, spec.stallMillis());
        Measurement m = new Measurement();
        PingPongScenario.close(m, request);
        returns.forEach(c -> PingPongScenario.close(m, c));
        if (!complete) {
            m.fail("no echo for " + spec.stallMillis() + " ms: a message was lost or a thread is stuck");
        }
        Verdict v = new Verdict();
        long count = 0;
        List<List<Histogram>> recorded = new ArrayList<>();
        for (Burster b : bursters) {
            v.check("producer " + b.id, b.tally, b.sent, b.sentSum);
            count += b.tally.count();
            recorded.add(b.recorder.finish());
        }
        m.count(count);
        m.histogram("rtt", mergeByInterval(recorded));
        return m.verdict(v);
    }

    /** Adds the producers' interval histograms index by index (they started within microseconds). */
    static List<Histogram> mergeByInterval(List<List<Histogram>> perProducer) {
        List<Histogram> out = new ArrayList<>();
        for (List<Histogram> list : perProducer) {
            for (int i = 0; i < list.size(); i++) {
                Histogram h = list.get(i);
                if (i == out.size()) {
                    Histogram copy = h.copy();
                    copy.setStartTimeStamp(h.getStartTimeStamp());
                    copy.setEndTimeStamp(h.getEndTimeStamp());
                    out.add(copy);
                } else {
                    Histogram into = out.get(i);
                    into.add(h);
                    into.setStartTimeStamp(Math.min(into.getStartTimeStamp(), h.getStartTimeStamp()));
                    into.setEndTimeStamp(Math.max(into.getEndTimeStamp(), h.getEndTimeStamp()));
                }
            }
        }
        return out;
    }

    /** One producer: the handler of its return channel, which sends the next burst when one is complete. */
    private static final class Burster implements StageHandler {
        final int id;
        final int producers;
        final int burst;
        final long duration;
        final long rate;
        final Completion done;
        final Tally tally = new Tally();
        final LatencyRecorder recorder;
        Sender toEcho;
        RateSchedule schedule;
        long deadline;
        long seq;
        long sent;
        long sentSum;
        int pending;

        Burster(int id, int producers, int burst, long rate, long duration, Completion done) {
            this.id = id;
            this.producers = producers;
            this.burst = burst;
            this.rate = rate;
            this.duration = duration;
            this.done = done;
            this.recorder = new LatencyRecorder(duration, FixedRateScenario.INTERVAL_NANOS);
        }

        @Override
        public void onStart() {
            long now = System.nanoTime();
            // One slot per burst: bursts leave burst / rate seconds apart.
            schedule = new RateSchedule(now, Math.max(1, rate / burst));
            deadline = now + duration;
            sendBurst();
        }

        private void sendBurst() {
            pending = burst;
            for (int i = 0; i < burst; i++) {
                long v = seq++ * producers + id;
                sentSum += v;
                sent++;
                toEcho.send(v, System.nanoTime());
            }
        }

        @Override
        public void onEvent(Msg msg) {
            long now = System.nanoTime();
            recorder.record(now, now - msg.stamp);
            tally.add(msg.value);
            if (--pending > 0) {
                return;
            }
            if (now - deadline >= 0) {
                done.arrive();
                return;
            }
            schedule.awaitSlot(seq / burst);
            sendBurst();
        }
    }
}
