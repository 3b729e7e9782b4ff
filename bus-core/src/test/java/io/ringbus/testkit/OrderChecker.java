package io.ringbus.testkit;

import io.ringbus.EventHandler;

import java.util.ArrayList;
import java.util.List;

/**
 * A broadcast handler that checks the contract for every event it sees: intact (checksum), and for each
 * producer exactly the next expected sequence (no gap: nothing lost; no repeat: nothing duplicated; in
 * order). Also checks global sequence order. Errors are recorded, not thrown, so the stage keeps going and
 * the test reports every violation.
 */
public class OrderChecker implements EventHandler<OracleEvent> {
    private final long[] nextExpected;
    private final List<String> errors = new ArrayList<>();
    private long lastSequence = -1;
    private volatile long seen;

    public OrderChecker(int producers) {
        this.nextExpected = new long[producers];
    }

    @Override
    public void onEvent(OracleEvent event, long sequence, boolean endOfBatch) {
        check(event, sequence);
    }

    protected final void check(OracleEvent event, long sequence) {
        if (sequence <= lastSequence) {
            error("sequence " + sequence + " after " + lastSequence);
        }
        lastSequence = sequence;
        if (!event.intact()) {
            error("torn or lapped event at " + sequence + ": " + event);
            return;
        }
        long expected = nextExpected[event.producer];
        if (event.producerSeq != expected) {
            error("producer " + event.producer + ": expected " + expected + ", got " + event.producerSeq
                    + (event.producerSeq < expected ? " (duplicate)" : " (gap: lost)"));
        }
        nextExpected[event.producer] = event.producerSeq + 1;
        seen++;
    }

    private void error(String message) {
        synchronized (errors) {
            if (errors.size() < 20) {
                errors.add(message);
            }
        }
    }

    /** Events seen intact. */
    public long seen() {
        return seen;
    }

    /** The next expected per-producer sequence: how many of that producer's events were delivered in order. */
    public long delivered(int producer) {
        return nextExpected[producer];
    }

    public List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }
}
