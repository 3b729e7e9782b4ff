package io.ringbus;

import io.ringbus.testkit.Deadline;
import io.ringbus.testkit.Delivery;
import io.ringbus.testkit.JoinChecker;
import io.ringbus.testkit.MarkingChecker;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.OracleProducers;
import io.ringbus.testkit.OrderChecker;
import io.ringbus.testkit.Threads;
import io.ringbus.testkit.WaitKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broadcast contract, for every producer mode, wait strategy, capacity and topology: every stage sees
 * every published event exactly once, intact, in sequence order and in each producer's order; a diamond's
 * join sees both parallel stages' writes; close drains everything and leaves no thread behind.
 *
 * <p>Cells with more spinning threads than the 2 cores produce for a fixed time box and are checked against
 * what was actually published. The other small cells stop at their event count or after a 1 s budget,
 * whichever comes first, because the cores are shared: they too are checked against what was published. The
 * headline cells (capacity 1024, not busy-spin) always publish their full count. Sizes come from system
 * properties: {@code ringbus.contract.headline} (events per producer in the headline cells, default 1M),
 * {@code ringbus.contract.small} (events per cell at capacity 1 and 2) and {@code ringbus.contract.medium}
 * (capacity 8 and the uncontended busy-spin cells).
 */
@Deadline(seconds = 120)
class BroadcastContractTest {
    private static final long HEADLINE = Long.getLong("ringbus.contract.headline", 1_000_000);
    private static final long SMALL = Long.getLong("ringbus.contract.small", 4_000);
    private static final long MEDIUM = Long.getLong("ringbus.contract.medium", 30_000);
    private static final Duration TIME_BOX = Duration.ofMillis(200);
    private static final Duration SMALL_CELL_BUDGET = Duration.ofSeconds(1);
    private static final int CORES = 2;
    private static final AtomicInteger CELLS = new AtomicInteger();

    enum Topology {
        SINGLE_STAGE(1), PIPELINE(3), DIAMOND(3), MULTICAST(3);

        final int stages;

        Topology(int stages) {
            this.stages = stages;
        }

        /** Wires the stages; returns each stage's checker by name. */
        Map<String, OrderChecker> wire(RingBus<OracleEvent> bus, int producers) {
            Map<String, OrderChecker> checkers = new LinkedHashMap<>();
            switch (this) {
                case SINGLE_STAGE:
                    bus.handleEventsWith(spec(checkers, "only", new OrderChecker(producers)));
                    break;
                case PIPELINE:
                    bus.handleEventsWith(spec(checkers, "first", new OrderChecker(producers)))
                            .then(spec(checkers, "second", new OrderChecker(producers)))
                            .then(spec(checkers, "third", new OrderChecker(producers)));
                    break;
                case DIAMOND:
                    StageGroup<OracleEvent> a = bus.handleEventsWith(
                            spec(checkers, "a", new MarkingChecker(producers, MarkingChecker.Mark.A)));
                    StageGroup<OracleEvent> b = bus.handleEventsWith(
                            spec(checkers, "b", new MarkingChecker(producers, MarkingChecker.Mark.B)));
                    a.and(b).then(spec(checkers, "join", new JoinChecker(producers)));
                    break;
                default:
                    bus.handleEventsWith(spec(checkers, "m0", new OrderChecker(producers)),
                            spec(checkers, "m1", new OrderChecker(producers)),
                            spec(checkers, "m2", new OrderChecker(producers)));
            }
            return checkers;
        }

        private static StageSpec<OracleEvent> spec(Map<String, OrderChecker> checkers, String name,
                                                   OrderChecker checker) {
            checkers.put(name, checker);
            return StageSpec.<OracleEvent>of(checker).named(name);
        }
    }

    record Cell(ProducerMode mode, WaitKind waitKind, int capacity, Topology topology) {
        int producers() {
            return mode == ProducerMode.SINGLE ? 1 : 2;
        }

        /** Producers always run; stages count when they busy-spin. */
        boolean oversubscribed() {
            return waitKind.spins() && producers() + topology.stages > CORES;
        }

        boolean headline() {
            return capacity == 1024 && !waitKind.spins();
        }

        long perProducer() {
            if (headline()) {
                return HEADLINE;
            }
            if (oversubscribed()) {
                return Long.MAX_VALUE; // the time box ends it
            }
            return (capacity <= 2 ? SMALL : MEDIUM) / producers();
        }

        /** How long producers may run: null for the headline cells, which publish their full count. */
        Duration timeLimit() {
            return headline() ? null : oversubscribed() ? TIME_BOX : SMALL_CELL_BUDGET;
        }

        @Override
        public String toString() {
            return mode + " " + waitKind + " capacity=" + capacity + " " + topology;
        }
    }

    static List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (ProducerMode mode : ProducerMode.values()) {
            for (WaitKind wait : WaitKind.values()) {
                for (int capacity : new int[] {1, 2, 8, 1024}) {
                    for (Topology topology : Topology.values()) {
                        cells.add(new Cell(mode, wait, capacity, topology));
                    }
                }
            }
        }
        return cells;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void everyStageSeesEveryEventOnceInOrder(Cell cell) {
        String busName = String.format("contract%03d", CELLS.incrementAndGet());
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new)
                .name(busName)
                .capacity(cell.capacity())
                .producerMode(cell.mode())
                .waitStrategy(cell.waitKind().create())
                .producerWaitStrategy(cell.waitKind().create())
                .build();
        Map<String, OrderChecker> checkers = cell.topology().wire(bus, cell.producers());
        bus.start();

        int[] batches = new int[cell.producers()];
        for (int p = 0; p < batches.length; p++) {
            batches[p] = p == 0 ? 1 : Math.min(4, cell.capacity()); // single and n-slot claims
        }
        OracleProducers producers = OracleProducers.start(busName, bus.publisher(), batches, cell.perProducer(),
                cell.timeLimit());
        producers.join(Duration.ofSeconds(100));
        ShutdownReport report = bus.close(60, TimeUnit.SECONDS);

        String where = cell + " (" + busName + ")";
        assertTrue(report.drained(), where + ": close did not drain: " + report);
        assertFalse(report.timedOut(), where + ": " + report);
        assertEquals(producers.total() - 1, report.lastSequence(), where + ": last sequence");
        assertTrue(producers.total() > 0, where + ": no progress at all (livelock?)");
        if (cell.headline()) {
            assertEquals(cell.perProducer() * cell.producers(), producers.total(), where + ": published");
        } else if (!cell.oversubscribed() && producers.total() < cell.perProducer() * cell.producers()) {
            System.out.println(where + ": budget ran out after " + producers.total() + " events");
        }
        for (Map.Entry<String, OrderChecker> stage : checkers.entrySet()) {
            Delivery.assertExactlyOnce(where + " stage " + stage.getKey(), stage.getValue(), producers);
        }
        assertEquals(List.of(), Threads.awaitNoneAlive(busName + "-", 2000), where + ": threads left behind");
    }
}
