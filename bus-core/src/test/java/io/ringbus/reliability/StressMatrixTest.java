package io.ringbus.reliability;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The stress matrix: producers {1, 2, 4} x shapes {1 stage, 3-stage pipeline, diamond, 3-way multicast, pool
 * of 3} x wait strategies {busy-spin, yield, park, blocking} x capacities {1, 2, 16, 1024}: 240 cells. One
 * producer runs SINGLE, more run MULTI. Each cell runs its producers for a time box or an event cap, closes
 * the bus and verifies exactly-once, per-producer order, progress, a drained close and no leaked thread
 * (see {@link CellRunner}).
 *
 * <p>Default run: every cell, with a short box ({@code -Dringbus.stress.ci.millis}, 50 ms), about half a minute
 * on 2 cores. Tag {@code stress} ({@code -Pstress}): every cell again with {@code -Dringbus.stress.millis}
 * (1000 ms). Busy-spin cells with more spinning threads than cores are capped at
 * {@code -Dringbus.stress.spin.millis} (150 ms) in both. Events per producer per cell are capped at
 * {@code -Dringbus.stress.events} (1,000,000). A one-line summary per run is printed at the end.
 */
class StressMatrixTest {
    static final long CI_MILLIS = Long.getLong("ringbus.stress.ci.millis", 50);
    static final long STRESS_MILLIS = Long.getLong("ringbus.stress.millis", 1000);
    static final long MAX_EVENTS = Long.getLong("ringbus.stress.events", 1_000_000);

    private static final Map<String, Tally> TALLIES = new ConcurrentHashMap<>();
    private static final AtomicLong CELL_IDS = new AtomicLong();

    /** What one kind of run verified. */
    private static final class Tally {
        final long boxMillis;
        final AtomicLong nanos = new AtomicLong();
        final AtomicLong cells = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong events = new AtomicLong();
        final AtomicLong deliveries = new AtomicLong();

        Tally(long boxMillis) {
            this.boxMillis = boxMillis;
        }
    }

    static Stream<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (int producers : new int[] {1, 2, 4}) {
            for (Shape shape : Shape.values()) {
                for (Wait wait : Wait.values()) {
                    for (int capacity : new int[] {1, 2, 16, 1024}) {
                        cells.add(Cell.of(producers, shape, wait, capacity));
                    }
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void everyCellBriefly(Cell cell) throws InterruptedException {
        run("ci", cell, CI_MILLIS);
    }

    @Tag("stress")
    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void everyCellLonger(Cell cell) throws InterruptedException {
        run("stress", cell, STRESS_MILLIS);
    }

    private static void run(String kind, Cell cell, long boxMillis) throws InterruptedException {
        Tally tally = TALLIES.computeIfAbsent(kind, k -> new Tally(boxMillis));
        String busName = "rsm" + CELL_IDS.incrementAndGet();
        boolean passed = false;
        long start = System.nanoTime();
        try {
            CellRunner.Outcome outcome = CellRunner.run(cell, boxMillis, MAX_EVENTS, busName, "");
            tally.events.addAndGet(outcome.events());
            tally.deliveries.addAndGet(outcome.deliveries());
            passed = true;
        } finally {
            tally.nanos.addAndGet(System.nanoTime() - start);
            tally.cells.incrementAndGet();
            if (!passed) {
                tally.failed.incrementAndGet();
            }
        }
    }

    @AfterAll
    static void printSummary() {
        TALLIES.forEach((kind, t) -> Summary.print(String.format(
                "STRESS SUMMARY: %d cells, %d events verified exactly-once (%s run: box %d ms per cell, "
                        + "%d stage deliveries checked, %d cells failed, %.1f s)",
                t.cells.get() - t.failed.get(), t.events.get(), kind, t.boxMillis, t.deliveries.get(), t.failed.get(),
                t.nanos.get() / 1e9)));
    }
}
