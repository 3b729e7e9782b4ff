package io.ringbus.internal.producer;

import io.ringbus.internal.lifecycle.RunState;
import io.ringbus.internal.ring.RingStorage;
import io.ringbus.internal.sequence.Sequence;
import io.ringbus.wait.WaitStrategy;

/**
 * Any number of producer threads. {@link #claim(int)} is one atomic add on the claim cursor, which never
 * retries; the claimer then waits, if it must, until the gating stages free its slots. Timed and try claims
 * check for room first and claim with a compare-and-set, so that a failure leaves nothing claimed.
 *
 * <p>Slots are published in any order. First stages scan the slot states from the next sequence they need
 * up to their batch limit and stop at the first slot not yet ready; they never read the claim cursor, which
 * the producers write on every claim.
 *
 * <p>Close protocol: a claimer reads the run state after its atomic add, and {@code close()} reads the
 * claim cursor after its volatile state change, so at least one of them sees the other. If the claimer
 * sees the bus closing, it aborts its slots (once they are free) and throws, so no stage stalls on them.
 */
public final class MultiProducerSequencer extends Sequencer {
    private final Sequence claimed = new Sequence();
    /** The last gating minimum seen, shared by producers: release/acquire, so a producer trusting another's
     *  read of the stages also sees what made the stages pass. */
    private final Sequence gatingCache = new Sequence();
    private GatingWait untilTerminal;

    /** False: publish trusts its caller, reading neither the claim cursor nor the slot states first. */
    private final boolean checkPublishes;

    public MultiProducerSequencer(RingStorage<?> ring, RunState run, WaitStrategy waitStrategy) {
        this(ring, run, waitStrategy, true);
    }

    public MultiProducerSequencer(RingStorage<?> ring, RunState run, WaitStrategy waitStrategy,
                                  boolean checkPublishes) {
        super(ring, run, waitStrategy);
        this.checkPublishes = checkPublishes;
    }

    @Override
    public void wire(Sequence[] gatingSequences, WaitStrategy[] firstStageStrategies) {
        super.wire(gatingSequences, firstStageStrategies);
        untilTerminal = new GatingWait(run, gating, GatingWait.Until.TERMINAL);
    }

    @Override
    public long claim(int n) {
        checkBatch(n, capacity);
        if (!run.isRunning()) {
            throw closed();
        }
        long hi = claimed.getAndAdd(n) + n;
        long lo = hi - n + 1;
        long wrapPoint = hi - capacity;
        if (wrapPoint > gatingCache.getAcquire()) {
            gatingCache.setRelease(awaitGating(wrapPoint, untilTerminal));
        }
        if (!run.isRunningVolatile()) {
            abortClaimedAndThrow(lo, hi, wrapPoint);
        }
        return lo;
    }

    @Override
    public long tryClaim(int n) {
        checkBatch(n, capacity);
        if (!run.isRunning()) {
            throw closed();
        }
        long current;
        long hi;
        do {
            current = claimed.getAcquire();
            hi = current + n;
            if (!hasRoom(hi - capacity)) {
                return refusedFull();
            }
        } while (!claimed.compareAndSet(current, hi));
        if (!run.isRunningVolatile()) {
            abortClaimedAndThrow(current + 1, hi, hi - capacity);
        }
        return current + 1;
    }

    @Override
    public long claim(int n, long timeoutNanos) {
        checkBatch(n, capacity);
        checkTimeout(timeoutNanos);
        if (!run.isRunning()) {
            throw closed();
        }
        GatingWait wait = null;
        long start = 0;
        try {
            for (;;) {
                long current = claimed.getAcquire();
                long hi = current + n;
                long wrapPoint = hi - capacity;
                if (hasRoom(wrapPoint)) {
                    if (claimed.compareAndSet(current, hi)) {
                        if (!run.isRunningVolatile()) {
                            abortClaimedAndThrow(current + 1, hi, wrapPoint);
                        }
                        return current + 1;
                    }
                    continue;
                }
                if (wait == null) {
                    checkNotWaitingForItself(wrapPoint, false);
                    start = System.nanoTime();
                    wait = new GatingWait(run, gating, GatingWait.Until.NOT_RUNNING).withDeadline(start + timeoutNanos);
                }
                long gaveUp = timedWaitTurn(wrapPoint, wait);
                if (gaveUp != 0) {
                    return gaveUp;
                }
            }
        } finally {
            if (wait != null) {
                addStall(System.nanoTime() - start);
            }
        }
    }

    private boolean hasRoom(long wrapPoint) {
        if (wrapPoint <= gatingCache.getAcquire()) {
            return true;
        }
        long min = minimumGating();
        gatingCache.setRelease(min);
        return wrapPoint <= min;
    }


    // Waiting for room: the claimed slots are already ours, so a close does not end the wait (untilTerminal):
    // the drain frees them. Only a halt, or the end of the close, does; then no stage reads them again.

    /** Our claim raced a close: mark the slots skipped once they are free, so the drain steps over them. */
    private void abortClaimedAndThrow(long lo, long hi, long wrapPoint) {
        try {
            awaitGating(wrapPoint, untilTerminal);
            markAborted(lo, hi);
        } catch (RuntimeException stopped) {
            // the stages stopped: nobody reads these slots again
        }
        throw closed();
    }

    @Override
    public void publish(long lo, long hi) {
        if (checkPublishes) {
            checkClaimedAndOpen(lo, hi);
        } else {
            checkRangeAndOpen(lo, hi);
        }
        for (long s = lo; s <= hi; s++) {
            ring.setPublishedRelease(s);
        }
        signalStages();
    }

    @Override
    public void abort(long lo, long hi) {
        checkClaimedAndOpen(lo, hi);
        markAborted(lo, hi);
    }

    private void markAborted(long lo, long hi) {
        abortCount.getAndAdd(1); // before the slot states: a stage that sees the slot also sees the count
        for (long s = lo; s <= hi; s++) {
            ring.setAbortedRelease(s);
        }
        signalStages();
    }

    /**
     * The checks of an unchecked publish: the range, and the drain target (a line nobody writes while the bus
     * runs). The claim cursor, which every claim writes, and the slot states, which the stages read, are not
     * read before the store.
     */
    private void checkRangeAndOpen(long lo, long hi) {
        checkPublishRange(lo, hi);
        if (hi > run.drainTargetAcquire()) {
            throw closed();
        }
    }

    private void checkClaimedAndOpen(long lo, long hi) {
        checkPublishRange(lo, hi);
        long highest = claimed.getAcquire();
        if (hi > highest) {
            throw new IllegalStateException("sequence " + hi + " was not claimed (highest claimed: " + highest + ")");
        }
        for (long s = lo; s <= hi; s++) {
            if (ring.isReadyAcquire(s)) {
                throw new IllegalStateException("sequence " + s + " was already published or aborted");
            }
        }
        if (hi > run.drainTargetAcquire()) {
            throw closed(); // the close has fixed its drain target below hi, or the bus halted
        }
    }

    @Override
    public boolean closeIsExact() {
        return true; // the atomic add is the claim's fence
    }

    @Override
    public long claimedAcquire() {
        return claimed.getAcquire();
    }

    @Override
    public long claimedVolatile() {
        return claimed.getVolatile();
    }

    @Override
    public long highestReady(long next, long limit) {
        return ring.highestReady(next, limit); // a slot beyond the claim cursor holds an older lap: not ready
    }
}
