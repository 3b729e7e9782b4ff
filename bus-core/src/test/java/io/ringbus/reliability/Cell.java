package io.ringbus.reliability;

import io.ringbus.ProducerMode;

/**
 * One configuration of a stress run: who produces, into which graph, waiting how, on how big a ring.
 *
 * @param producers           producer threads
 * @param mode                SINGLE (one producer only) or MULTI
 * @param shape               the stage graph
 * @param strategy            the wait strategy of every stage and of the producers
 * @param capacity            ring size
 * @param maxBatch            the stages' maxBatchSize
 * @param claimBatch          events per claim(n) for the producers that claim directly
 * @param closeWhileProducing close the bus while producers still publish, instead of after they stop
 */
record Cell(int producers, ProducerMode mode, Shape shape, Wait strategy, int capacity, int maxBatch, int claimBatch,
            boolean closeWhileProducing) {

    /** A stress-matrix cell: SINGLE for one producer, MULTI for more, default batching, close after producing. */
    static Cell of(int producers, Shape shape, Wait wait, int capacity) {
        return new Cell(producers, producers == 1 ? ProducerMode.SINGLE : ProducerMode.MULTI, shape, wait, capacity,
                Integer.MAX_VALUE, 1, false);
    }

    Cell closingWhileProducing() {
        return new Cell(producers, mode, shape, strategy, capacity, maxBatch, claimBatch, true);
    }

    /** Threads that busy-spin in a busy-spin cell: every producer and every stage thread. */
    int threads() {
        return producers + shape.consumerThreads();
    }

    /** More spinning threads than cores: the scheduler, not the bus, sets the pace, so the box is capped. */
    boolean spinOversubscribed() {
        return strategy == Wait.BUSY_SPIN && threads() > Runtime.getRuntime().availableProcessors();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(producers).append("P-").append(mode).append(' ').append(shape)
                .append(' ').append(strategy).append(" cap=").append(capacity);
        if (maxBatch != Integer.MAX_VALUE) {
            sb.append(" maxBatch=").append(maxBatch);
        }
        if (claimBatch != 1) {
            sb.append(" claimBatch=").append(claimBatch);
        }
        if (closeWhileProducing) {
            sb.append(" close-while-producing");
        }
        return sb.toString();
    }
}
