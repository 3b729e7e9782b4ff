package io.ringbus.latency.scenario;

import io.ringbus.latency.adapter.Adapter;
import io.ringbus.latency.adapter.Channel;
import io.ringbus.latency.adapter.Feature;
import io.ringbus.latency.adapter.Topology;
import io.ringbus.latency.adapter.WaitMode;
import io.ringbus.latency.machine.CpuMeter;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What an idle bus costs: the process CPU time over an idle interval, as a percentage of one core. Plain:
 * one consumer with nothing to do. Slow upstream: a two-stage pipeline whose first stage sits in its
 * handler for the whole interval, so the second stage waits on an upstream stage, not on the producer
 * (where a strategy that only spins on upstream sequences shows its cost).
 */
public final class IdleCpuScenario implements Scenario {
    /** Time for backoff strategies to reach their steady state before the interval starts. */
    static final long SETTLE_MILLIS = 200;

    private final boolean slowUpstream;
    private final ScenarioDefaults defaults;

    public IdleCpuScenario(boolean slowUpstream, ScenarioDefaults defaults) {
        this.slowUpstream = slowUpstream;
        this.defaults = defaults;
    }

    @Override public String name() {
        return slowUpstream ? "idle-slow-upstream" : "idle";
    }

    @Override public String summary() {
        return slowUpstream
                ? "CPU of a 2-stage pipeline whose first stage is busy: the second waits on it"
                : "CPU of a started bus with nothing to do";
    }

    @Override public Kind kind() {
        return Kind.IDLE_CPU;
    }

    @Override public Topology topology() {
        return slowUpstream ? Topology.pipeline(2) : Topology.unicast(1);
    }

    @Override public Set<Feature> features() {
        return EnumSet.noneOf(Feature.class);
    }

    @Override public ScenarioDefaults defaults() {
        return defaults;
    }

    @Override public int busyThreads(WaitMode wait) {
        return wait.burnsCore() ? (slowUpstream ? 1 : topology().handlerCount()) : 0;
    }

    @Override
    public Measurement run(Adapter adapter, RunSpec spec, boolean warmup) throws InterruptedException {
        long duration = warmup ? Math.min(spec.warmupNanos(), TimeUnit.MILLISECONDS.toNanos(200))
                : spec.durationNanos();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Stages stages = new Stages(topology(), (stage, tally) -> stage == 0 && slowUpstream
                ? m -> {
                    tally.add(m.value);
                    entered.countDown();
                    awaitQuietly(release);
                }
                : m -> tally.add(m.value));
        Channel channel = adapter.open(topology(), Stages.config(spec, "idle"), stages.handlers());
        channel.start();
        long sent = 0;
        Measurement m = new Measurement();
        if (slowUpstream) {
            channel.sender(0).send(0, System.nanoTime());
            sent = 1;
            if (!entered.await(spec.stallMillis(), TimeUnit.MILLISECONDS)) {
                m.fail("the first stage never received its message");
            }
        }
        Thread.sleep(Math.min(SETTLE_MILLIS, TimeUnit.NANOSECONDS.toMillis(duration)));
        CpuMeter.Sample before = CpuMeter.sample();
        TimeUnit.NANOSECONDS.sleep(duration);
        CpuMeter.Sample after = CpuMeter.sample();
        release.countDown();
        PingPongScenario.close(m, channel);
        m.idleCpuPercent(100.0 * after.selfCores(before)).count(sent);
        return m.verdict(stages.verify(sent, 0));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
