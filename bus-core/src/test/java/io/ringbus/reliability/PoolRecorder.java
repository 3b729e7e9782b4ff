package io.ringbus.reliability;

import io.ringbus.WorkHandler;
import io.ringbus.testkit.OracleEvent;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * One worker of a pool under test. It records which (producer, producer sequence) it handled in a bit set per
 * producer; {@link CheckedGraph} then requires the workers' sets to be disjoint and to cover exactly what was
 * published: a hit count of exactly 1 per event. A repeat inside one worker cannot hide in its bit set,
 * because a worker sees increasing sequences and so each producer's events in increasing order, which is
 * checked here.
 */
class PoolRecorder implements WorkHandler<OracleEvent> {
    private final BitSet[] seen;
    private final long[] lastProducerSeq;
    private final List<String> errors = new ArrayList<>();
    private long lastSequence = -1;
    private volatile long handled;

    PoolRecorder(int producers) {
        this.seen = new BitSet[producers];
        this.lastProducerSeq = new long[producers];
        for (int p = 0; p < producers; p++) {
            seen[p] = new BitSet();
            lastProducerSeq[p] = -1;
        }
    }

    @Override
    public void onEvent(OracleEvent event, long sequence) throws Exception {
        if (sequence <= lastSequence) {
            error("worker saw sequence " + sequence + " after " + lastSequence);
        }
        lastSequence = sequence;
        if (!event.intact()) {
            error("torn or lapped event at " + sequence + ": " + event);
            return;
        }
        int p = event.producer;
        if (event.producerSeq <= lastProducerSeq[p]) {
            error("producer " + p + ": seq " + event.producerSeq + " after " + lastProducerSeq[p] + " (repeat or reorder)");
        }
        lastProducerSeq[p] = event.producerSeq;
        seen[p].set(Math.toIntExact(event.producerSeq));
        handled++;
    }

    private void error(String message) {
        if (errors.size() < 20) {
            errors.add(message);
        }
    }

    /** The producer's events this worker handled. Read after the worker's thread has exited. */
    BitSet seen(int producer) {
        return seen[producer];
    }

    long handled() {
        return handled;
    }

    List<String> errors() {
        return List.copyOf(errors);
    }
}
