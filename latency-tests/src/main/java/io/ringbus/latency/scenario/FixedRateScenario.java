package io.ringbus.latency.scenario;

import io.ringbus.latency.adapter.Adapter;
import io.ringbus.latency.adapter.Channel;
import io.ringbus.latency.adapter.Feature;
import io.ringbus.latency.adapter.Sender;
import io.ringbus.latency.adapter.Topology;
import io.ringbus.latency.adapter.WaitMode;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Open-loop latency: one producer sends on a fixed schedule and stamps each message with its intended
 * send time; every stage records {@code now - (intended time or previous stage's time)}, so a pipeline
 * gives one histogram per hop plus end to end. A run that cannot keep the rate is marked FAILED.
 */
public final class FixedRateScenario implements Scenario {
    static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final String name;
    private final String summary;
    private final Topology topology;
    private final ScenarioDefaults defaults;

    public FixedRateScenario(String name, String summary, Topology topology, ScenarioDefaults defaults) {
        if (topology.producers() != 1 || topology.fansOut() || topology.workSharing()) {
            throw new IllegalArgumentException("fixed-rate runs one producer through a unicast or a pipeline");
        }
        this.name = name;
        this.summary = summary;
        this.topology = topology;
        this.defaults = defaults;
    }

    @Override public String name() {
        return name;
    }

    @Override public String summary() {
        return summary;
    }

    @Override public Kind kind() {
        return Kind.LATENCY;
    }

    @Override public Topology topology() {
        return topology;
    }

    @Override public Set<Feature> features() {
        return EnumSet.noneOf(Feature.class);
    }

    @Override public ScenarioDefaults defaults() {
        return defaults;
    }

    @Override public int busyThreads(WaitMode wait) {
        // The sender busy-waits for each slot of its schedule.
        return 1 + (wait.burnsCore() ? topology.handlerCount() : 0);
    }

    /** Histogram names: one per hop and end to end, or just "latency" for a single stage. */
    static String hopName(int stage) {
        return "hop" + (stage + 1);
    }

    @Override
    public Measurement run(Adapter adapter, RunSpec spec, boolean warmup) throws InterruptedException {
        long duration = warmup ? Math.min(spec.warmupNanos(), spec.durationNanos()) : spec.durationNanos();
        int stages = topology.stages();
        LatencyRecorder[] hops = new LatencyRecorder[stages];
        for (int s = 0; s < stages; s++) {
            hops[s] = new LatencyRecorder(duration, INTERVAL_NANOS);
        }
        LatencyRecorder endToEnd = stages == 1 ? hops[0] : new LatencyRecorder(duration, INTERVAL_NANOS);
        long rate = spec.rate();
        long total = (long) Math.max(1, (double) duration * rate / 1e9);
        Completion done = new Completion(1);
        int last = stages - 1;
        Stages tallies = new Stages(topology, (stage, tally) -> m -> {
            long now = System.nanoTime();
            // hop = intended time for the first stage, the previous stage's time after that
            hops[stage].record(now, now - m.hop);
            m.hop = now;
            if (stage == last) {
                if (stages > 1) {
                    endToEnd.record(now, now - m.stamp);
                }
                if (tally.add(m.value) == total) {
                    done.arrive();
                }
            } else {
                tally.add(m.value);
            }
        });
        Channel channel = adapter.open(topology, Stages.config(spec, "fr"), tallies.handlers());
        channel.start();
        Sender sender = channel.sender(0);
        long[] lastSend = new long[1];
        RateSchedule[] schedule = new RateSchedule[1];
        Workers workers = new Workers();
        workers.add(spec.impl() + "-sender", () -> {
            RateSchedule sched = new RateSchedule(System.nanoTime(), rate);
            schedule[0] = sched;
            for (long i = 0; i < total; i++) {
                sender.send(i, sched.awaitSlot(i));
            }
            lastSend[0] = System.nanoTime();
        });
        workers.start();
        boolean complete = done.await(tallies::lastStageProgress, spec.stallMillis());
        Measurement m = new Measurement().count(total);
        ThroughputScenario.finish(m, workers, channel, spec);
        if (!complete) {
            m.fail("no progress for " + spec.stallMillis() + " ms: a message was lost or a stage is stuck");
        } else if (schedule[0] != null) {
            double achieved = schedule[0].achievedRate(total, lastSend[0]);
            m.achievedRate(achieved);
            if (schedule[0].missed(achieved) && !warmup) {
                m.fail(String.format("TARGET RATE MISSED: sent %.0f msg/s of %d msg/s; the tail is understated",
                        achieved, rate));
            }
        }
        if (stages == 1) {
            m.histogram("latency", hops[0].finish());
        } else {
            for (int s = 0; s < stages; s++) {
                m.histogram(hopName(s), hops[s].finish());
            }
            m.histogram("e2e", endToEnd.finish());
        }
        return m.verdict(tallies.verify(total, Verdict.sumBelow(total)));
    }
}
