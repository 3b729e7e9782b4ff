package io.ringbus.reliability;

import io.ringbus.RingBus;
import io.ringbus.StageGroup;
import io.ringbus.StageSpec;
import io.ringbus.WorkerPoolSpec;
import io.ringbus.reliability.MarkingChecker.Mark;
import io.ringbus.testkit.OracleEvent;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stage graph of checking handlers, and the checks run against what the producers published. Broadcast
 * stages are named a, b, c (and j for a diamond's join), a pool is named "pool"; their threads are named
 * {@code <bus>-<stage>}.
 */
final class CheckedGraph {
    private final int producers;
    private final Map<String, MarkingChecker> stages = new LinkedHashMap<>();
    private final List<PoolRecorder> workers = new ArrayList<>();

    CheckedGraph(int producers) {
        this.producers = producers;
    }

    /** Wires {@code shape} into {@code bus}, which must not be started yet. */
    static CheckedGraph wire(RingBus<OracleEvent> bus, Shape shape, int producers) {
        CheckedGraph g = new CheckedGraph(producers);
        switch (shape) {
            case ONE_STAGE:
                bus.handleEventsWith(g.stage("a", new MarkingChecker(producers)));
                break;
            case PIPELINE_3:
                bus.handleEventsWith(g.stage("a", new MarkingChecker(producers, List.of(), Mark.A)))
                        .then(g.stage("b", new MarkingChecker(producers, List.of(Mark.A), Mark.B)))
                        .then(g.stage("c", new MarkingChecker(producers, List.of(Mark.B), null)));
                break;
            case DIAMOND:
                StageGroup<OracleEvent> a = bus.handleEventsWith(g.stage("a", new MarkingChecker(producers, List.of(), Mark.A)));
                StageGroup<OracleEvent> b = bus.handleEventsWith(g.stage("b", new MarkingChecker(producers, List.of(), Mark.B)));
                a.and(b).then(g.stage("j", new MarkingChecker(producers, List.of(Mark.A, Mark.B), null)));
                break;
            case MULTICAST_3:
                bus.handleEventsWith(g.stage("a", new MarkingChecker(producers)), g.stage("b", new MarkingChecker(producers)),
                        g.stage("c", new MarkingChecker(producers)));
                break;
            default:
                bus.handleEventsWithWorkerPool(WorkerPoolSpec.<OracleEvent>of(g.pool(3)).named("pool"));
        }
        return g;
    }

    /** Registers a broadcast checker for verification and returns its spec, named {@code name}. */
    StageSpec<OracleEvent> stage(String name, MarkingChecker checker) {
        stages.put(name, checker);
        return StageSpec.<OracleEvent>of(checker).named(name);
    }

    /** Registers {@code n} new pool workers for verification. */
    List<PoolRecorder> pool(int n) {
        List<PoolRecorder> added = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            added.add(new PoolRecorder(producers));
        }
        return addWorkers(added);
    }

    /** Registers existing pool workers (of one pool) for verification. */
    List<PoolRecorder> addWorkers(List<PoolRecorder> pool) {
        workers.addAll(pool);
        return pool;
    }

    MarkingChecker checker(String name) {
        return stages.get(name);
    }

    /**
     * Exactly once: every stage delivered every published event of every producer exactly once and in order,
     * with the upstream marks visible; the pool handled each exactly once. Empty if so. Call after the
     * stage threads have exited.
     */
    List<String> verifyExactlyOnce(long[] published) {
        List<String> problems = new ArrayList<>();
        long total = 0;
        for (long n : published) {
            total += n;
        }
        for (Map.Entry<String, MarkingChecker> e : stages.entrySet()) {
            MarkingChecker c = e.getValue();
            c.allErrors().forEach(m -> problems.add("stage " + e.getKey() + ": " + m));
            for (int p = 0; p < producers; p++) {
                if (c.delivered(p) != published[p]) {
                    problems.add("stage " + e.getKey() + ": producer " + p + " published " + published[p]
                            + " events but the stage delivered " + c.delivered(p) + " of them in order");
                }
            }
            if (c.seen() != total) {
                problems.add("stage " + e.getKey() + ": saw " + c.seen() + " intact events, published " + total);
            }
        }
        if (!workers.isEmpty()) {
            verifyPool(published, total, problems);
        }
        return problems;
    }

    private void verifyPool(long[] published, long total, List<String> problems) {
        long handled = 0;
        for (int w = 0; w < workers.size(); w++) {
            int worker = w;
            workers.get(w).errors().forEach(m -> problems.add("pool worker " + worker + ": " + m));
            handled += workers.get(w).handled();
        }
        for (int p = 0; p < producers; p++) {
            BitSet union = new BitSet();
            for (int w = 0; w < workers.size(); w++) {
                BitSet mine = workers.get(w).seen(p);
                if (union.intersects(mine)) {
                    BitSet twice = (BitSet) union.clone();
                    twice.and(mine);
                    problems.add("pool: producer " + p + " events handled by two workers (hit count 2), first: "
                            + twice.nextSetBit(0));
                }
                union.or(mine);
            }
            int firstMissing = union.nextClearBit(0);
            if (firstMissing < published[p]) {
                problems.add("pool: producer " + p + " event " + firstMissing + " never handled (hit count 0); published "
                        + published[p]);
            }
            if (union.length() > published[p]) {
                problems.add("pool: producer " + p + " event " + (union.length() - 1) + " handled but never published ("
                        + published[p] + " published)");
            }
        }
        if (handled != total) {
            problems.add("pool: handled " + handled + " events, published " + total);
        }
    }

    /**
     * After a halt: each stage delivered, for each producer, a gap-free prefix of what it published, and a
     * stage never got further than the stages it runs after. Broadcast stages only.
     */
    List<String> verifyPrefix(long[] published, Shape shape) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, MarkingChecker> e : stages.entrySet()) {
            e.getValue().allErrors().forEach(m -> problems.add("stage " + e.getKey() + ": " + m));
            for (int p = 0; p < producers; p++) {
                if (e.getValue().delivered(p) > published[p]) {
                    problems.add("stage " + e.getKey() + ": producer " + p + " delivered " + e.getValue().delivered(p)
                            + " but published only " + published[p]);
                }
            }
        }
        for (int p = 0; p < producers; p++) {
            if (shape == Shape.DIAMOND) {
                requireBehind("j", "a", p, problems);
                requireBehind("j", "b", p, problems);
            } else if (shape == Shape.PIPELINE_3) {
                requireBehind("b", "a", p, problems);
                requireBehind("c", "b", p, problems);
            }
        }
        return problems;
    }

    private void requireBehind(String downstream, String upstream, int p, List<String> problems) {
        long down = stages.get(downstream).delivered(p);
        long up = stages.get(upstream).delivered(p);
        if (down > up) {
            problems.add("stage " + downstream + " delivered " + down + " events of producer " + p + " but stage "
                    + upstream + ", which it runs after, only " + up);
        }
    }

    /** Deliveries checked, summed over stages and pool workers. */
    long deliveries() {
        long sum = 0;
        for (MarkingChecker c : stages.values()) {
            sum += c.seen();
        }
        for (PoolRecorder w : workers) {
            sum += w.handled();
        }
        return sum;
    }
}
