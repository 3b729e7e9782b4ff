package io.ringbus.reliability;

import io.ringbus.RingBus;
import io.ringbus.ShutdownReport;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.Threads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs one {@link Cell}: build the bus, wire a {@link CheckedGraph}, let the producers run for their box (or
 * close the bus under them), close, and verify. Every wait is bounded; every failure names the cell.
 *
 * <p>Verified: producers finished and failed with nothing unexpected; the close drained, did not time out and
 * left no stuck stage; no thread of the bus is alive afterwards; every event published reached every stage
 * exactly once and in per-producer order (pool: exactly one worker); at least one event went through.
 */
final class CellRunner {
    /** How long producers may run past their box (finishing a blocked claim) before the run counts as hung. */
    static final long PRODUCER_GRACE_MILLIS = Long.getLong("ringbus.stress.grace.millis", 20_000);
    /** The box of a busy-spin cell with more spinning threads than cores. */
    static final long SPIN_BOX_CAP_MILLIS = Long.getLong("ringbus.stress.spin.millis", 150);
    private static final long CLOSE_TIMEOUT_MILLIS = 20_000;

    /** What a passing cell verified. */
    record Outcome(long events, long deliveries) {
    }

    private CellRunner() {
    }

    static long boxMillis(Cell cell, long requested) {
        return cell.spinOversubscribed() ? Math.min(requested, SPIN_BOX_CAP_MILLIS) : requested;
    }

    /**
     * @param requestedBoxMillis how long producers run (capped for oversubscribed busy-spin cells); in a
     *                           close-while-producing cell, when the close comes
     * @param maxEvents          per-producer event cap
     * @param busName            unique within the JVM: the leak check looks for {@code busName-*}
     * @param context            prefixed to failure messages (e.g. the seed)
     */
    static Outcome run(Cell cell, long requestedBoxMillis, long maxEvents, String busName, String context)
            throws InterruptedException {
        long box = boxMillis(cell, requestedBoxMillis);
        String where = context + cell + " box=" + box + "ms bus=" + busName + ": ";
        RecordingPolicy policy = new RecordingPolicy();
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new)
                .capacity(cell.capacity())
                .producerMode(cell.mode())
                .waitStrategy(cell.strategy().create())
                .producerWaitStrategy(cell.strategy().create())
                .maxBatchSize(cell.maxBatch())
                .exceptionPolicy(policy)
                .name(busName)
                .build();
        CheckedGraph graph = CheckedGraph.wire(bus, cell.shape(), cell.producers());
        bus.start();
        TimedProducers producers = new TimedProducers(bus.publisher(), busName, cell.producers(), maxEvents,
                Math.min(cell.claimBatch(), cell.capacity()),
                cell.closeWhileProducing() ? TimedProducers.Stop.CLOSE : TimedProducers.Stop.NONE);
        try {
            ShutdownReport report;
            if (cell.closeWhileProducing()) {
                producers.goUntimed();
                if (!producers.awaitFirstEvents(PRODUCER_GRACE_MILLIS)) { // so that the close races a running stream
                    bus.halt();
                    fail(where + "no progress: producers published nothing within " + PRODUCER_GRACE_MILLIS + " ms; "
                            + producers.failures() + producers.dump());
                }
                TimeUnit.MILLISECONDS.sleep(box);
                report = bus.close(CLOSE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                awaitProducers(producers, bus, where);
            } else {
                producers.go(TimeUnit.MILLISECONDS.toNanos(box));
                awaitProducers(producers, bus, where);
                report = bus.close(CLOSE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            }
            long[] published = producers.published();
            long total = producers.total();
            List<String> problems = new ArrayList<>(producers.failures());
            if (!report.drained() || report.timedOut() || !report.stuckStages().isEmpty()) {
                problems.add("close did not drain cleanly: " + report);
            }
            if (!cell.closeWhileProducing() && report.lastSequence() != total - 1) {
                problems.add("highest claimed sequence " + report.lastSequence() + ", but " + total + " events published");
            }
            List<String> leaked = Threads.awaitNoneAlive(busName + "-", 2000);
            if (!leaked.isEmpty()) {
                problems.add("threads still alive 2 s after close: " + leaked);
            }
            policy.failures().forEach(f -> problems.add("handler failed: " + f));
            if (total == 0) {
                problems.add("no progress: not one event was published");
            }
            problems.addAll(graph.verifyExactlyOnce(published));
            if (!problems.isEmpty()) {
                fail(where + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
            }
            return new Outcome(total, graph.deliveries());
        } finally {
            bus.halt(); // a no-op after a clean close; frees blocked producers after a failure
            producers.join(2000);
        }
    }

    private static void awaitProducers(TimedProducers producers, RingBus<OracleEvent> bus, String where)
            throws InterruptedException {
        List<String> running = producers.join(PRODUCER_GRACE_MILLIS);
        if (!running.isEmpty()) {
            String dump = producers.dump();
            String stats = bus.stats().toString();
            bus.halt();
            fail(where + "producers " + running + " still running " + PRODUCER_GRACE_MILLIS
                    + " ms after their box (hang or livelock); stats " + stats + dump);
        }
    }
}
