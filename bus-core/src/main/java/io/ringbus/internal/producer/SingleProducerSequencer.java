package io.ringbus.internal.producer;

import io.ringbus.internal.lifecycle.RunState;
import io.ringbus.internal.ring.RingStorage;
import io.ringbus.internal.sequence.Sequence;
import io.ringbus.wait.WaitStrategy;

/**
 * One producer thread. A claim is a plain increment; the gating minimum is cached in a plain field and
 * re-read only when a claim would pass it, so a claim usually touches no shared cache line.
 *
 * <p>Publishes happen in claim order: {@code publish(lo, hi)} requires lo to be the first unpublished
 * sequence. The cursor is then the published high-water mark, and first stages read it once per batch
 * instead of each slot's state. The slot states are still written, so pollers, aborts and worker pools see
 * the same encoding in both modes.
 */
public final class SingleProducerSequencer extends Sequencer {
    /** Highest claimed; written by the producer (opaque), read by close. */
    private final Sequence claimed = new Sequence();
    /** Highest published or aborted; release-stored once per publish, acquired by first stages. */
    private final Sequence cursor = new Sequence();
    /**
     * The producer's own copy of the cursor, for the publish-order check: reading the shared cursor would
     * pull its line back from the consumer on every publish. Padded, because this object's other fields
     * are read by the stages.
     */
    private final Sequence published = new Sequence();
    private long cachedGating = Sequence.INITIAL;
    private GatingWait untilNotRunning;
    private Thread owner;

    public SingleProducerSequencer(RingStorage<?> ring, RunState run, WaitStrategy waitStrategy) {
        super(ring, run, waitStrategy);
    }

    @Override
    public void wire(Sequence[] gatingSequences, WaitStrategy[] firstStageStrategies) {
        super.wire(gatingSequences, firstStageStrategies);
        untilNotRunning = new GatingWait(run, gating, GatingWait.Until.NOT_RUNNING);
    }

    @Override
    public long claim(int n) {
        checkBatch(n, capacity);
        checkClaimer();
        long hi = claimed.getPlain() + n;
        long wrapPoint = hi - capacity;
        if (wrapPoint > cachedGating) {
            cachedGating = awaitGating(wrapPoint, untilNotRunning);
        }
        return commit(hi, n);
    }

    @Override
    public long tryClaim(int n) {
        checkBatch(n, capacity);
        checkClaimer();
        long hi = claimed.getPlain() + n;
        long wrapPoint = hi - capacity;
        if (wrapPoint > cachedGating) {
            cachedGating = minimumGating();
            if (wrapPoint > cachedGating) {
                return INSUFFICIENT_CAPACITY;
            }
        }
        return commit(hi, n);
    }

    @Override
    public long claim(int n, long timeoutNanos) {
        checkBatch(n, capacity);
        checkTimeout(timeoutNanos);
        checkClaimer();
        long hi = claimed.getPlain() + n;
        long wrapPoint = hi - capacity;
        if (wrapPoint > cachedGating) {
            checkNotWaitingForItself(wrapPoint, false);
            GatingWait wait = new GatingWait(run, gating, GatingWait.Until.NOT_RUNNING)
                    .withDeadline(System.nanoTime() + timeoutNanos);
            long start = System.nanoTime();
            long min;
            try {
                while ((min = minimumGating()) < wrapPoint) {
                    if (wait.stopped()) {
                        throw closed();
                    }
                    if (wait.expired()) {
                        return TIMED_OUT;
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        return INTERRUPTED;
                    }
                    waitStrategy.waitFor(wrapPoint, wait);
                }
            } finally {
                addStall(System.nanoTime() - start);
            }
            cachedGating = min;
        }
        return commit(hi, n);
    }

    /**
     * Makes the claim of [hi - n + 1, hi] visible, then checks the state again and takes the claim back if a
     * close began. The re-check is a plain load, so it may pass before the store is visible; but then it
     * ran before the close's state change, and close waits for the claim cursor to settle for far longer
     * than a store stays buffered. The check before the store alone would not do: a producer paused
     * between that check and the store would claim unseen after the close had settled.
     */
    private long commit(long hi, int n) {
        claimed.setOpaque(hi);
        if (!run.isRunning()) {
            claimed.setOpaque(hi - n);
            throw closed(); // also when room appeared only because a close is draining
        }
        return hi - n + 1;
    }

    @Override
    public void publish(long lo, long hi) {
        checkInOrder(lo, hi);
        for (long s = lo; s <= hi; s++) {
            ring.setPublishedRelease(s);
        }
        published.setPlain(hi);
        cursor.setRelease(hi);
        signalStages();
    }

    @Override
    public void abort(long lo, long hi) {
        checkInOrder(lo, hi);
        abortCount.setRelease(abortCount.getPlain() + 1); // before the slots and the cursor become visible
        for (long s = lo; s <= hi; s++) {
            ring.setAbortedRelease(s);
        }
        published.setPlain(hi);
        cursor.setRelease(hi);
        signalStages();
    }

    private void checkInOrder(long lo, long hi) {
        checkPublishRange(lo, hi);
        long published = this.published.getPlain();
        if (lo <= published) {
            throw new IllegalStateException("sequence " + lo + " was already published or aborted");
        }
        if (hi > claimed.getPlain()) {
            throw new IllegalStateException("sequence " + hi + " was not claimed (highest claimed: "
                    + claimed.getPlain() + ")");
        }
        if (lo != published + 1) {
            throw new IllegalStateException("SINGLE producer publishes in claim order: expected sequence "
                    + (published + 1) + ", got " + lo);
        }
        if (hi > run.drainTargetAcquire()) {
            throw closed(); // the close has fixed its drain target below hi, or the bus halted
        }
    }

    /**
     * Rejects claims when the bus does not accept them, and claims from a second live thread: two threads
     * on a SINGLE producer would silently overwrite each other's slots. Handing the role to a new thread
     * after the first one ended is allowed.
     */
    private void checkClaimer() {
        if (!run.isRunning()) {
            throw closed();
        }
        Thread current = Thread.currentThread();
        if (owner != current) {
            if (owner != null && owner.isAlive()) {
                throw new IllegalStateException("SINGLE producer mode: claim from thread '" + current.getName()
                        + "' while '" + owner.getName() + "' is the producer; use ProducerMode.MULTI");
            }
            owner = current;
        }
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
    public long highestReady(long next) {
        return cursor.getAcquire();
    }
}
