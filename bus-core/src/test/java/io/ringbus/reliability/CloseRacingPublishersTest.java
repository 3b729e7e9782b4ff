package io.ringbus.reliability;

import io.ringbus.ProducerMode;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

/**
 * close() racing producers that are still publishing, often blocked on a full ring. The contract: a claim that
 * races close() either completes and is delivered, or throws BusClosedException with nothing claimed. So every
 * event whose publish returned normally reaches every stage exactly once, and nothing else does; the close
 * drains and leaves no thread behind.
 *
 * <p>{@code -Dringbus.closerace.rounds} (default 150) rounds per mode; {@code -Dringbus.closerace.seed}.
 */
class CloseRacingPublishersTest {
    private static final int ROUNDS = Integer.getInteger("ringbus.closerace.rounds", 150);
    private static final long SEED = Long.getLong("ringbus.closerace.seed", System.nanoTime());
    private static final Shape[] SHAPES = {Shape.ONE_STAGE, Shape.DIAMOND, Shape.POOL_3};
    private static final Wait[] WAITS = {Wait.PARK, Wait.BLOCKING, Wait.YIELD};
    private static final int[] CAPACITIES = {1, 2, 8};

    @Test
    void singleProducerRacingClose() throws InterruptedException {
        rounds(ProducerMode.SINGLE, 1, "rcs");
    }

    @Test
    void multiProducersRacingClose() throws InterruptedException {
        rounds(ProducerMode.MULTI, 3, "rcm");
    }

    /**
     * A single producer that never waits for room (capacity 1024) on a machine with more spinning threads than
     * cores: it is preempted at random points of its claim, including between the claim's state check and its
     * store of the claim cursor, and a close that begins meanwhile must still either deliver the claim or make
     * it throw.
     */
    @Test
    void singleProducerPreemptedMidClaimRacingClose() throws InterruptedException {
        SplittableRandom rnd = new SplittableRandom(SEED + 1);
        for (int round = 0; round < ROUNDS; round++) {
            Shape shape = round % 2 == 0 ? Shape.DIAMOND : Shape.MULTICAST_3;
            Cell cell = new Cell(1, ProducerMode.SINGLE, shape, Wait.BUSY_SPIN, 1024, Integer.MAX_VALUE, 1 + rnd.nextInt(4), true);
            CellRunner.run(cell, rnd.nextInt(6), Long.MAX_VALUE, "rcp" + round,
                    "seed=" + SEED + " (-Dringbus.closerace.seed) round " + round + ": ");
        }
    }

    private static void rounds(ProducerMode mode, int producers, String prefix) throws InterruptedException {
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            Cell cell = new Cell(producers, mode, SHAPES[round % SHAPES.length], WAITS[(round / 3) % WAITS.length],
                    CAPACITIES[rnd.nextInt(CAPACITIES.length)], Integer.MAX_VALUE, 1, true);
            CellRunner.run(cell, rnd.nextInt(4), Long.MAX_VALUE, prefix + round,
                    "seed=" + SEED + " (-Dringbus.closerace.seed) round " + round + ": ");
        }
    }
}
