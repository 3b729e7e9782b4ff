package io.ringbus.reliability;

import io.ringbus.ProducerMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The soak: random cells (producer count and mode, shape, wait strategy, capacity, stage batch size, claim batch,
 * time box, and closing while producers still publish) for as long as asked, each verified like a stress cell.
 * Runs with {@code -Pall}: {@code -Dringbus.soak.seconds} (60) and {@code -Dringbus.soak.seed} (random; printed
 * at the start, in every failure, and in the summary). Round i's cell depends only on the seed and i, so a
 * failing round can be rerun with the same seed.
 *
 * <p>Each round is its own test invocation, generated only when the previous one has finished, so the watchdog
 * guards every round and the run stops on time.
 */
@Tag("soak")
class SoakTest {
    static final long SEED = Long.getLong("ringbus.soak.seed", new SplittableRandom().nextLong());
    static final long SECONDS = Long.getLong("ringbus.soak.seconds", 60);
    static final long MAX_EVENTS = Long.getLong("ringbus.soak.events", 2_000_000);
    private static final int[] MAX_BATCHES = {1, 3, 64, Integer.MAX_VALUE};
    private static final int[] CLAIM_BATCHES = {1, 1, 2, 4, 16};

    private static final AtomicLong ROUNDS = new AtomicLong();
    private static final AtomicLong EVENTS = new AtomicLong();
    private static final AtomicLong DELIVERIES = new AtomicLong();
    private static long startNanos;

    /** One soak round: its number, its own seed, its cell and box. */
    record Round(int index, long seed, Cell cell, long boxMillis) {
        static Round random(int index, long seed) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int producers = 1 + rnd.nextInt(4);
            ProducerMode mode = producers == 1 && rnd.nextInt(3) > 0 ? ProducerMode.SINGLE : ProducerMode.MULTI;
            Cell cell = new Cell(producers, mode, Shape.values()[rnd.nextInt(Shape.values().length)],
                    Wait.values()[rnd.nextInt(Wait.values().length)], 1 << rnd.nextInt(11),
                    MAX_BATCHES[rnd.nextInt(MAX_BATCHES.length)], CLAIM_BATCHES[rnd.nextInt(CLAIM_BATCHES.length)],
                    rnd.nextInt(4) == 0);
            return new Round(index, seed, cell, 20 + rnd.nextInt(400));
        }

        @Override
        public String toString() {
            return "#" + index + " " + cell + " box=" + boxMillis + "ms";
        }
    }

    static Stream<Round> rounds() {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        SplittableRandom master = new SplittableRandom(SEED);
        return Stream.iterate(0, i -> i + 1)
                .map(i -> Round.random(i, master.nextLong()))
                .takeWhile(r -> r.index() == 0 || System.nanoTime() - end < 0);
    }

    @BeforeAll
    static void announce() {
        startNanos = System.nanoTime();
        Summary.print("SOAK START: seed " + SEED + " (-Dringbus.soak.seed=" + SEED + "), " + SECONDS + " s");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rounds")
    void soak(Round round) throws InterruptedException {
        String context = "soak seed " + SEED + " (-Dringbus.soak.seed=" + SEED + ") round " + round.index() + ": ";
        try {
            CellRunner.Outcome outcome = CellRunner.run(round.cell(), round.boxMillis(), MAX_EVENTS, "rsk" + round.index(), context);
            EVENTS.addAndGet(outcome.events());
            DELIVERIES.addAndGet(outcome.deliveries());
            ROUNDS.incrementAndGet();
        } catch (AssertionError | RuntimeException e) {
            Summary.print("SOAK FAILURE: seed " + SEED + ", round " + round + ": " + e.getMessage().lines().findFirst().orElse(""));
            throw e;
        }
    }

    @AfterAll
    static void summary() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Summary.print(String.format("SOAK SUMMARY: seed %d, %d rounds passed, %d events verified exactly-once "
                        + "(%d stage deliveries) in %.1f s: %.0f events/s", SEED, ROUNDS.get(), EVENTS.get(), DELIVERIES.get(),
                seconds, EVENTS.get() / seconds));
    }
}
