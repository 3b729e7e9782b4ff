package io.ringbus.latency.scenario;

import io.ringbus.latency.adapter.Adapter;
import io.ringbus.latency.adapter.Channel;
import io.ringbus.latency.adapter.Feature;
import io.ringbus.latency.adapter.Sender;
import io.ringbus.latency.adapter.Topology;
import io.ringbus.latency.adapter.WaitMode;
import java.util.EnumSet;
import java.util.Set;

/**
 * Messages per second through a topology: producers send values 0 .. n-1 as fast as the channel takes
 * them; the time runs from the start gate until the last handler of the last stage has seen all of them
 * (in a worker pool: until the workers together have). A run may be time-capped ({@code --duration}):
 * producers then stop early, and the run reports how many events it sent, still checked one by one.
 */
public final class ThroughputScenario implements Scenario {
    /** Slots per claim in the batch variant, as in the Disruptor's own batch perf test. */
    public static final int BATCH = 10;
    /** A warm-up run is never longer than this, so warm-up time bounds what it costs. */
    static final long WARMUP_EVENTS_CAP = 5_000_000;
    /** Events between two looks at the clock when a run is time-capped; a multiple of {@link #BATCH}. */
    static final int CHUNK = 10_000;

    private final String name;
    private final String summary;
    private final Topology topology;
    private final boolean batch;
    /** How a batch is sent: {@link Feature#BATCH_CLAIM} (claim n, fill, publish) or BATCH_TRANSLATOR. */
    private final Feature batchKind;
    private final ScenarioDefaults defaults;

    public ThroughputScenario(String name, String summary, Topology topology, boolean batch,
                              ScenarioDefaults defaults) {
        this(name, summary, topology, batch ? Feature.BATCH_CLAIM : null, defaults);
    }

    /** @param batchKind null for one message per call, else how a producer sends {@link #BATCH} at a time */
    public ThroughputScenario(String name, String summary, Topology topology, Feature batchKind,
                              ScenarioDefaults defaults) {
        this.name = name;
        this.summary = summary;
        this.topology = topology;
        this.batch = batchKind != null;
        this.batchKind = batchKind;
        this.defaults = defaults;
    }

    @Override public String name() {
        return name;
    }

    @Override public String summary() {
        return summary;
    }

    @Override public Kind kind() {
        return Kind.THROUGHPUT;
    }

    @Override public Topology topology() {
        return topology;
    }

    @Override public Set<Feature> features() {
        return batch ? EnumSet.of(batchKind) : EnumSet.noneOf(Feature.class);
    }

    @Override public ScenarioDefaults defaults() {
        return defaults;
    }

    @Override public int busyThreads(WaitMode wait) {
        return topology.producers() + (wait.burnsCore() ? topology.handlerCount() : 0);
    }

    @Override
    public Measurement run(Adapter adapter, RunSpec spec, boolean warmup) throws InterruptedException {
        long events = warmup ? Math.min(spec.events(), WARMUP_EVENTS_CAP) : spec.events();
        long capNanos = warmup ? spec.warmupNanos() : spec.durationNanos();
        int producers = topology.producers();
        int unit = batch ? BATCH : 1;
        long perProducer = Math.max(unit, events / producers / unit * unit);
        long planned = perProducer * producers;
        int lastStage = topology.stages() - 1;
        // No worker of a pool knows when the pool is done, so the harness thread watches their sum instead.
        boolean pool = topology.workSharing();
        Completion done = new Completion(topology.width(lastStage));
        Stages stages = new Stages(topology, (stage, tally) -> stage == lastStage && !pool
                ? m -> {
                    if (tally.add(m.value) == planned) {
                        done.arrive();
                    }
                }
                : m -> tally.add(m.value));
        Channel channel = adapter.open(topology, Stages.config(spec, "tp"), stages.handlers());
        channel.start();
        Workers workers = new Workers();
        long[] sent = new long[producers];
        long[] base = new long[producers];
        for (int p = 0; p < producers; p++) {
            Sender sender = channel.sender(p);
            int id = p;
            base[p] = p * perProducer;
            workers.add(spec.impl() + "-producer-" + p, () -> sent[id] = produce(sender, base[id], perProducer, capNanos));
        }
        long t0 = workers.start();
        boolean producersDone = workers.await(stages::lastStageProgress, spec.stallMillis());
        Measurement m = new Measurement();
        long total = 0;
        long expectedSum = 0;
        for (int p = 0; p < producers; p++) {
            total += sent[p];
            expectedSum += sent[p] * base[p] + Verdict.sumBelow(sent[p]);
        }
        boolean complete;
        long end;
        if (producersDone && total == planned && !pool) {
            complete = done.await(stages::lastStageProgress, spec.stallMillis());
            end = done.lastArrivalNanos();
        } else {
            // Seen within about a millisecond of the last delivery: under 0.1% of a run of a second or more.
            long target = total * topology.copiesAtLastStage();
            complete = producersDone && Completion.awaitProgress(stages::lastStageProgress, target, spec.stallMillis());
            end = System.nanoTime();
            if (complete && !warmup && total < planned) {
                m.note(String.format(java.util.Locale.ROOT, "time-capped: %d of %d events in %.1f s",
                        total, planned, capNanos / 1e9));
            }
        }
        finish(m, workers, channel, spec);
        m.count(total);
        if (!complete) {
            m.fail("no progress for " + spec.stallMillis() + " ms: a message was lost or a stage is stuck");
        } else {
            m.opsPerSecond(total * 1e9 / (end - t0));
            if (pool && !warmup) {
                m.note(stages.workerShares());
            }
        }
        return m.verdict(stages.verify(total, expectedSum));
    }

    /** Sends {@code count} values from {@code base}, stopping early once {@code capNanos} (if > 0) has passed. */
    private long produce(Sender sender, long base, long count, long capNanos) {
        long deadline = System.nanoTime() + capNanos;
        long i = 0;
        while (i < count) {
            long chunkEnd = Math.min(count, i + CHUNK);
            if (batch) {
                for (; i < chunkEnd; i += BATCH) {
                    if (batchKind == Feature.BATCH_TRANSLATOR) {
                        sender.sendTranslatedBatch(base + i, BATCH, 0);
                    } else {
                        sender.sendBatch(base + i, BATCH, 0);
                    }
                }
            } else {
                for (; i < chunkEnd; i++) {
                    sender.send(base + i, 0);
                }
            }
            if (capNanos > 0 && System.nanoTime() - deadline > 0) {
                break;
            }
        }
        return i;
    }

    /** Joins producers and closes the channel, turning anything stuck into a failure of the run. */
    static void finish(Measurement m, Workers workers, Channel channel, RunSpec spec) throws InterruptedException {
        String producerProblem = workers.join(Math.max(1_000, spec.stallMillis()));
        if (producerProblem != null) {
            m.fail(producerProblem);
        }
        try {
            channel.close();
            String diagnostics = channel.diagnostics();
            if (!diagnostics.isEmpty()) {
                m.note(diagnostics);
            }
        } catch (IllegalStateException e) {
            m.fail(e.getMessage());
        }
    }
}
