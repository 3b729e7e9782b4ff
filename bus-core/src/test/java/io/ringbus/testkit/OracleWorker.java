package io.ringbus.testkit;

import io.ringbus.WorkHandler;

import java.util.ArrayList;
import java.util.List;

/**
 * A pool worker that checks every event it takes: intact (checksum), ring sequences strictly increasing for
 * this worker, and counted in a shared {@link HitCounter} so the test can prove exactly-once across workers.
 * Errors are recorded, not thrown, so the worker keeps going and the test reports all of them.
 * Subclasses add checks or work in {@link #handle}.
 */
public class OracleWorker implements WorkHandler<OracleEvent> {
    private final HitCounter hits;
    private final List<String> errors = new ArrayList<>();
    private long lastSequence = -1;
    private volatile long handled;

    public OracleWorker(HitCounter hits) {
        this.hits = hits;
    }

    @Override
    public final void onEvent(OracleEvent event, long sequence) {
        if (sequence <= lastSequence) {
            error("worker saw sequence " + sequence + " after " + lastSequence);
        }
        lastSequence = sequence;
        if (!event.intact()) {
            error("torn, lapped or poisoned event at " + sequence + ": " + event);
            return;
        }
        handle(event, sequence);
        hits.hit(event.producer, event.producerSeq);
        handled++;
    }

    /** Extra work or checks on an intact event, before it is counted. */
    protected void handle(OracleEvent event, long sequence) {
    }

    protected final void error(String message) {
        synchronized (errors) {
            if (errors.size() < 20) {
                errors.add(Thread.currentThread().getName() + ": " + message);
            }
        }
    }

    /** Events this worker handled intact. */
    public long handled() {
        return handled;
    }

    public List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    /** Every error of every worker, for one assertion. */
    public static List<String> errorsOf(List<? extends OracleWorker> workers) {
        List<String> all = new ArrayList<>();
        workers.forEach(w -> all.addAll(w.errors()));
        return all;
    }
}
