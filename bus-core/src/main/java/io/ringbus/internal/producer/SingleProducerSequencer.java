package io.ringbus.internal.producer;

import io.ringbus.internal.lifecycle.RunState;
import io.ringbus.internal.ring.RingStorage;
import io.ringbus.internal.sequence.Sequence;
import io.ringbus.wait.WaitStrategy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One producer at a time. A claim is a plain increment; the gating minimum is cached in a plain field and
 * re-read only when a claim would pass it, so a claim usually touches no shared cache line.
 *
 * <p>The producer role: one thread claims at a time, and the role may pass to another thread when the
 * previous producer's last call happens-before the new one's first claim. A change of thread is the only
 * slow path: the new thread takes the role with a compare-and-set, is refused if the previous producer still
 * has an open claim, and commits its first claim with a compare-and-set too, so two threads racing for the
 * role never both get a sequence. Overlapping use that does not change threads at the moment it overlaps is
 * not seen; strict mode sees it, at the cost of two atomic operations per claim and publish cycle.
 *
 * <p>Publishes happen in claim order: {@code publish(lo, hi)} requires lo to be the first unpublished
 * sequence. The cursor is then the published high-water mark, and every first stage, poller and worker
 * reads it once per batch instead of each slot's state, so a publish writes no slot state at all: only an
 * abort does, in the same encoding as in MULTI mode, and stages read it only when the abort count moved.
 *
 * <p>Close protocol. A claim stores the claim cursor and then reads the run state; close changes the state
 * and then reads the claim cursor. By default the claim's store is volatile (a StoreLoad fence per claim
 * call), so the two form a Dekker pair and at least one side sees the other: either close drains the claim,
 * or the claim takes itself back and throws. When the application promises that producers stop before
 * {@code close()}, the store is opaque and the fence is skipped; close then re-reads the cursor over a
 * settle period, which covers a store's trip through the store buffer but is not a memory-model guarantee.
 */
public final class SingleProducerSequencer extends Sequencer {
    private static final VarHandle OWNER;

    static {
        try {
            OWNER = MethodHandles.lookup().findVarHandle(SingleProducerSequencer.class, "owner", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final int BLOCK = 0;
    private static final int TRY = 1;
    private static final int TIMED = 2;

    /** Highest claimed; written by the producer, read by close. */
    private final Sequence claimed = new Sequence();
    /** Highest published or aborted; release-stored once per publish, acquired by first stages. */
    private final Sequence cursor = new Sequence();
    /**
     * The producer's own copy of the cursor, for the publish-order check: reading the shared cursor would
     * pull its line back from the consumer on every publish. Padded, because this object's other fields
     * are read by the stages.
     */
    private final Sequence published = new Sequence();
    /** True unless producers promise to stop before close: then the claim needs no StoreLoad fence. */
    private final boolean fenced;
    /** Strict mode: the role is a token held from claim to the publish of everything claimed. */
    private final boolean strict;
    private long cachedGating = Sequence.INITIAL;
    private GatingWait untilNotRunning;
    /** The producer thread (strict: the token holder, null between claims). Plain on the fast path. */
    private Thread owner;

    public SingleProducerSequencer(RingStorage<?> ring, RunState run, WaitStrategy waitStrategy,
                                   boolean fenced, boolean strict) {
        super(ring, run, waitStrategy);
        this.fenced = fenced;
        this.strict = strict;
    }

    @Override
    public void wire(Sequence[] gatingSequences, WaitStrategy[] firstStageStrategies) {
        super.wire(gatingSequences, firstStageStrategies);
        untilNotRunning = new GatingWait(run, gating, GatingWait.Until.NOT_RUNNING);
    }

    @Override
    public long claim(int n) {
        return claim(n, BLOCK, 0);
    }

    @Override
    public long tryClaim(int n) {
        return claim(n, TRY, 0);
    }

    @Override
    public long claim(int n, long timeoutNanos) {
        checkTimeout(timeoutNanos);
        return claim(n, TIMED, timeoutNanos);
    }

    /** The state is checked once, after the claim store (see commit): before start, too. */
    private long claim(int n, int how, long timeoutNanos) {
        checkBatch(n, capacity);
        Thread current = Thread.currentThread();
        if (owner != current) {
            return claimTakingRole(n, how, timeoutNanos, current);
        }
        long hi = claimed.getPlain() + n;
        long wrapPoint = hi - capacity;
        if (wrapPoint > cachedGating) {
            long min = awaitRoom(wrapPoint, how, timeoutNanos);
            if (min < wrapPoint) {
                return min; // a sentinel: nothing claimed
            }
            cachedGating = min;
        }
        return commit(hi, n);
    }

    /**
     * Makes the claim of [hi - n + 1, hi] visible, then checks the state again and takes the claim back if a
     * close began. Fenced, the store and the load are volatile, so close sees the claim or the claim sees
     * the close. The check before the store alone would not do: a producer paused between that check and
     * the store would claim unseen after the close had fixed its target.
     */
    private long commit(long hi, int n) {
        if (fenced) {
            claimed.setVolatile(hi);
            if (run.isRunningVolatile()) {
                return hi - n + 1;
            }
        } else {
            claimed.setOpaque(hi);
            if (run.isRunning()) {
                return hi - n + 1;
            }
        }
        claimed.setRelease(hi - n);
        throw closed(); // also when room appeared only because a close is draining
    }

    /** The slow path of a claim from a thread that is not the producer yet. */
    private long claimTakingRole(int n, int how, long timeoutNanos, Thread current) {
        long base = takeRole(current);
        boolean committed = false;
        try {
            long hi = base + n;
            long wrapPoint = hi - capacity;
            if (wrapPoint > cachedGating) {
                long min = awaitRoom(wrapPoint, how, timeoutNanos);
                if (min < wrapPoint) {
                    return min;
                }
                cachedGating = min;
            }
            long first = commitTakingRole(base, hi, current);
            committed = true;
            return first;
        } finally {
            if (!committed && strict && claimed.getPlain() == published.getPlain()) {
                OWNER.setRelease(this, null);
            }
        }
    }

    /**
     * Takes the producer role: refused while the previous producer has an open claim. Returns the claim
     * cursor it checked, which the first claim must start from. The compare-and-set of the role comes before
     * the read of the cursor, and a racing first claim reads the owner after its own compare-and-set of the
     * cursor, so two threads racing for the role cannot both miss each other.
     */
    private long takeRole(Thread current) {
        Thread previous = (Thread) OWNER.getVolatile(this);
        if (strict ? previous != null || !OWNER.compareAndSet(this, null, current)
                   : !OWNER.compareAndSet(this, previous, current)) {
            throw overlap(current, (Thread) OWNER.getVolatile(this));
        }
        long open = claimed.getVolatile();
        long done = published.getVolatile();
        if (previous != null && open != done) {
            OWNER.compareAndSet(this, current, previous);
            throw overlap(current, previous);
        }
        return open;
    }

    /**
     * The first claim in the role: a compare-and-set from the cursor the role was checked against, so a claim
     * that raced in since, or a racing claim from the same base, cannot also win.
     */
    private long commitTakingRole(long base, long hi, Thread current) {
        if (!claimed.compareAndSet(base, hi)) {
            throw overlap(current, (Thread) OWNER.getVolatile(this));
        }
        Thread now = (Thread) OWNER.getVolatile(this);
        if (now != current) {
            claimed.compareAndSet(hi, base); // only this claim could have set hi
            throw overlap(current, now);
        }
        if (!run.isRunningVolatile()) {
            claimed.compareAndSet(hi, base);
            throw closed();
        }
        return base + 1;
    }

    /** The gating minimum once it reaches wrapPoint; below it, a sentinel of the claim kind. */
    private long awaitRoom(long wrapPoint, int how, long timeoutNanos) {
        if (how == BLOCK) {
            return awaitGating(wrapPoint, untilNotRunning);
        }
        long min = minimumGating();
        if (min >= wrapPoint || how == TRY) {
            return min >= wrapPoint ? min : refusedFull();
        }
        checkNotWaitingForItself(wrapPoint, false);
        GatingWait wait = new GatingWait(run, gating, GatingWait.Until.NOT_RUNNING)
                .withDeadline(System.nanoTime() + timeoutNanos);
        long start = System.nanoTime();
        try {
            while ((min = minimumGating()) < wrapPoint) {
                long gaveUp = timedWaitTurn(wrapPoint, wait);
                if (gaveUp != 0) {
                    return gaveUp;
                }
            }
            return min;
        } finally {
            addStall(System.nanoTime() - start);
        }
    }

    private IllegalStateException overlap(Thread claimer, Thread producer) {
        String other = producer == null ? "another thread" : "'" + producer.getName() + "'";
        return new IllegalStateException("SINGLE producer mode: thread '" + claimer.getName() + "' claimed while "
                + other + " has an open claim (claimed up to " + claimed.getVolatile() + ", published up to "
                + published.getVolatile() + "); one thread claims at a time, and a new thread may take over only "
                + "after the previous producer's last publish happens-before its first claim. Use ProducerMode.MULTI "
                + "for concurrent producers");
    }

    /** Writes no slot state: first stages read the cursor, and only an abort is read per slot. */
    @Override
    public void publish(long lo, long hi) {
        checkInOrder(lo, hi);
        advance(hi);
    }

    @Override
    public void abort(long lo, long hi) {
        checkInOrder(lo, hi);
        abortCount.setRelease(abortCount.getPlain() + 1); // before the slots and the cursor become visible
        for (long s = lo; s <= hi; s++) {
            ring.setAbortedRelease(s);
        }
        advance(hi);
    }

    private void advance(long hi) {
        published.setPlain(hi);
        cursor.setRelease(hi);
        if (strict && hi == claimed.getPlain()) {
            OWNER.setRelease(this, null); // nothing open: the next claim may come from any thread
        }
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

    @Override
    public boolean closeIsExact() {
        return fenced;
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
    public Sequence publishedCursor() {
        return cursor;
    }

    @Override
    public long highestReady(long next, long limit) {
        return cursor.getAcquire();
    }
}
