package io.ringbus.internal.producer;

import io.ringbus.BusClosedException;
import io.ringbus.internal.jfr.BusEvents;
import io.ringbus.internal.lifecycle.RunState;
import io.ringbus.internal.ring.RingStorage;
import io.ringbus.internal.sequence.Sequence;
import io.ringbus.internal.sequence.Sequences;
import io.ringbus.wait.WaitStrategy;

/**
 * Hands out sequences to producers and tells first stages how far they may read. Two subclasses: a single
 * producer with plain claims, and many producers with an atomic add.
 *
 * <p>All claim methods return the first claimed sequence, or a negative sentinel with nothing claimed.
 * The gating sequences (the last stages of the graph) are wired once, before the bus starts.
 */
public abstract class Sequencer {
    /** Sentinels, equal to those of {@link io.ringbus.Publisher}. */
    public static final long INSUFFICIENT_CAPACITY = -1L;
    public static final long TIMED_OUT = -2L;
    public static final long INTERRUPTED = -3L;

    protected final RingStorage<?> ring;
    protected final int capacity;
    protected final RunState run;
    protected final WaitStrategy waitStrategy;
    /** Counts aborts. Incremented before the aborted slot becomes visible; stages read it once per batch. */
    protected final Sequence abortCount = new Sequence(0);
    /** Nanoseconds producers spent waiting on a full ring. */
    private final Sequence stallNanos = new Sequence(0);
    /** Claims that found the ring full: waits for room, and try-claims refused. */
    private final Sequence fullRing = new Sequence(0);
    /** A wait for room at least this long is reported as a JFR event; set before start. */
    private long stallEventNanos = Long.MAX_VALUE;
    private String busName = "";

    protected Sequence[] gating = new Sequence[0];
    private WaitStrategy[] toSignal = new WaitStrategy[0];
    private SelfWaitCheck selfWait = SelfWaitCheck.NONE;
    private Runnable haltBus = () -> { };

    protected Sequencer(RingStorage<?> ring, RunState run, WaitStrategy waitStrategy) {
        this.ring = ring;
        this.capacity = ring.capacity();
        this.run = run;
        this.waitStrategy = waitStrategy;
    }

    /** Called once before start: the last stages of the graph, and the strategies of the first stages to wake. */
    public void wire(Sequence[] gatingSequences, WaitStrategy[] firstStageStrategies) {
        this.gating = gatingSequences.clone();
        this.toSignal = firstStageStrategies.clone();
    }

    /**
     * Called once before start: who the bus's consumer threads are, so that a claim from one of them that
     * could only wait for itself fails instead, and how to halt the bus when that claim already holds a
     * sequence. Visible to producers through the start's state change, to stages through Thread.start.
     */
    public final void watchConsumers(SelfWaitCheck check, Runnable halt) {
        this.selfWait = check;
        this.haltBus = halt;
    }

    /** Called once before start: the bus name and the shortest wait for room reported as a JFR event. */
    public final void reportStalls(String bus, long thresholdNanos) {
        this.busName = bus;
        this.stallEventNanos = thresholdNanos;
    }

    public final int capacity() {
        return capacity;
    }

    public final WaitStrategy waitStrategy() {
        return waitStrategy;
    }

    /** Claims n slots, waiting while the ring is full. Not interruptible: the status is kept. */
    public abstract long claim(int n);

    /** Claims n slots if there is room now, else {@link #INSUFFICIENT_CAPACITY}. */
    public abstract long tryClaim(int n);

    /** Claims n slots, waiting at most timeoutNanos; {@link #TIMED_OUT} or {@link #INTERRUPTED} otherwise. */
    public abstract long claim(int n, long timeoutNanos);

    public abstract void publish(long lo, long hi);

    public abstract void abort(long lo, long hi);

    /** The highest claimed sequence: what a close must drain. */
    public abstract long claimedAcquire();

    /** The same, read with volatile semantics: close's half of the Dekker pair with a claim. */
    public abstract long claimedVolatile();

    /**
     * True if a claim and a close that race always see each other (a Dekker pair), so one read of the claim
     * cursor after the state change is the exact drain target; false if close must let the cursor settle.
     */
    public abstract boolean closeIsExact();

    /**
     * The highest sequence h &gt;= next - 1 such that every sequence in [next, h] is published or aborted.
     * Called by first stages. Looks no further than {@code limit} where each slot costs a read; may return
     * more where it does not (a single producer's cursor).
     */
    public abstract long highestReady(long next, long limit);

    public final long abortCountAcquire() {
        return abortCount.getAcquire();
    }

    /**
     * The abort counter itself, for stages to hold directly: reading it through this object would share a
     * cache line with fields the producer writes.
     */
    public final Sequence abortCount() {
        return abortCount;
    }

    /**
     * The published high-water mark, if this sequencer keeps one (SINGLE: publishes are in order), for first
     * stages to read directly; null if readiness is per slot (MULTI).
     */
    public Sequence publishedCursor() {
        return null;
    }

    public final long stallNanos() {
        return stallNanos.getOpaque();
    }

    /** Claims that found the ring full. */
    public final long fullRingCount() {
        return fullRing.getOpaque();
    }

    public final long minimumGating() {
        return Sequences.minimum(gating, Long.MAX_VALUE);
    }

    /**
     * An estimate of free slots, in [0, capacity]. The claim cursor is read first: the gating minimum only
     * grows, so a later read of it cannot be older than the cursor. MULTI claimers blocked on a full ring have
     * already added, so the cursor may run up to their count past a full lap: that is 0 free, not negative.
     */
    public final long remainingCapacity() {
        long claimed = claimedAcquire();
        long used = claimed - Math.min(minimumGating(), claimed);
        return Math.max(0, capacity - used);
    }

    /**
     * Waits through the producer wait strategy until the slowest gating stage reaches wrapPoint; returns
     * its sequence. Throws if {@code wait} says the bus stopped. Keeps the interrupt status.
     */
    final long awaitGating(long wrapPoint, GatingWait wait) {
        long min = minimumGating();
        if (min >= wrapPoint) {
            return min;
        }
        checkNotWaitingForItself(wrapPoint, wait.holdsClaim());
        long start = System.nanoTime();
        boolean interrupted = false;
        try {
            while ((min = minimumGating()) < wrapPoint) {
                if (wait.stopped()) {
                    throw closed();
                }
                waitStrategy.waitFor(wrapPoint, wait);
                interrupted |= Thread.interrupted();
            }
            return min;
        } finally {
            addStall(System.nanoTime() - start);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * One turn of a timed wait for room: throws if the bus stopped, returns {@link #TIMED_OUT} or
     * {@link #INTERRUPTED} to give up, or waits once through the producer wait strategy and returns 0.
     */
    protected final long timedWaitTurn(long wrapPoint, GatingWait wait) {
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
        return 0;
    }

    /**
     * Slow path only, before a claim waits for room: fails a wait that could only end once the calling stage
     * thread advances. If the claim already took its sequences (a multi-producer add), their slots can never
     * be freed, so the bus halts first: loud at once, instead of a hang until the close times out.
     */
    protected final void checkNotWaitingForItself(long wrapPoint, boolean holdsClaim) {
        String stage = selfWait.stageWaitingForItself(wrapPoint);
        if (stage != null) {
            IllegalStateException e = new IllegalStateException("claim from stage '" + stage + "' on its own bus"
                    + " would wait for ever: the ring is full and room needs its own progress to pass sequence "
                    + wrapPoint + ", which cannot happen before its handler returns"
                    + (holdsClaim ? "; the sequence was already taken, so the bus is halted" : "; nothing was claimed")
                    + ". Republish with tryClaim(), or give the ring room for what a handler publishes");
            if (holdsClaim) {
                haltBus.run();
            }
            throw e;
        }
    }

    protected final void signalStages() {
        for (WaitStrategy w : toSignal) {
            w.signalAll();
        }
    }

    /** After a wait for room (the slow path): counts it, and reports a long one to JFR. */
    protected final void addStall(long nanos) {
        stallNanos.getAndAdd(nanos);
        fullRing.getAndAdd(1);
        if (nanos >= stallEventNanos) {
            BusEvents.producerStalled(busName, nanos);
        }
    }

    /** A try-claim refused for want of room: counts it and returns {@link #INSUFFICIENT_CAPACITY}. */
    protected final long refusedFull() {
        fullRing.getAndAdd(1);
        return INSUFFICIENT_CAPACITY;
    }

    protected static void checkBatch(int n, int capacity) {
        if (n < 1 || n > capacity) {
            throw new IllegalArgumentException("n must be in [1, capacity=" + capacity + "]: " + n);
        }
    }

    protected static void checkTimeout(long timeoutNanos) {
        if (timeoutNanos < 0) {
            throw new IllegalArgumentException("timeout must be >= 0: " + timeoutNanos + " ns");
        }
    }

    /** The exception for a claim or publish the lifecycle forbids. */
    protected final IllegalStateException closed() {
        int state = run.getAcquire();
        return state == RunState.NEW
                ? new IllegalStateException("bus is not started: call start() before claiming")
                : new BusClosedException("bus is closed (" + RunState.name(state) + ")");
    }

    /** Sequences start at 0, so with lo &gt;= 0 and hi &gt;= lo the length {@code hi - lo} cannot overflow. */
    protected final void checkPublishRange(long lo, long hi) {
        if (lo < 0) {
            throw new IllegalArgumentException("lo must be >= 0 (sequences start at 0): lo=" + lo + ", hi=" + hi);
        }
        if (hi < lo) {
            throw new IllegalArgumentException("hi must be >= lo: lo=" + lo + ", hi=" + hi);
        }
        if (hi - lo >= capacity) {
            throw new IllegalArgumentException(
                    "range [" + lo + ", " + hi + "] is longer than the capacity " + capacity);
        }
    }
}
