package io.ringbus.internal.consumer;

import java.util.List;

/**
 * Tells one consumer thread which events a stage it runs after failed on. Like {@link AbortedSlots}: one
 * read per upstream stage per batch, after the batch was seen ready upstream; only when an upstream stage
 * has failed at or beyond the batch are marks read, and only up to the highest failure seen.
 */
final class UpstreamFailures {
    private static final FailedEvents[] NONE = new FailedEvents[0];

    private final FailedEvents[] upstream;
    private long checkUntil = Long.MIN_VALUE;

    /** Enables the marks of every upstream stage: call while wiring, before start. */
    UpstreamFailures(List<StageNode> upstreamNodes, int capacity) {
        this.upstream = upstreamNodes.isEmpty() ? NONE : new FailedEvents[upstreamNodes.size()];
        for (int i = 0; i < upstream.length; i++) {
            upstream[i] = upstreamNodes.get(i).failedEvents();
            upstream[i].enable(capacity);
        }
    }

    /** Call once per batch, after waiting for it. */
    void refresh() {
        for (FailedEvents f : upstream) {
            long h = f.highestAcquire();
            if (h > checkUntil) {
                checkUntil = h;
            }
        }
    }

    /** True if a stage this one runs after failed on {@code s}. */
    boolean failedUpstream(long s) {
        if (s > checkUntil) {
            return false;
        }
        for (FailedEvents f : upstream) {
            if (f.isMarked(s)) {
                return true;
            }
        }
        return false;
    }
}
