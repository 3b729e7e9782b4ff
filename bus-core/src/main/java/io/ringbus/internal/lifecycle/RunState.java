package io.ringbus.internal.lifecycle;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The bus's lifecycle, one atomic state shared by producers and stages.
 *
 * <pre>
 *   NEW --start()--&gt; RUNNING --close()--&gt; CLOSING --drained--&gt; CLOSED
 *                       |                     |
 *                       +------halt()---------+--timeout--&gt; HALTED
 * </pre>
 *
 * <p>Stages do not read the state on their hot path: they read {@link #drainTargetAcquire()}, the highest
 * sequence they must still deliver. It is {@code Long.MAX_VALUE} while running and while a close drains,
 * the last claimed sequence once the close has seen every stage reach it, and {@code Long.MIN_VALUE} once
 * halted, so "next &gt; drainTarget" answers both "drained" and "halted" with one read.
 */
public final class RunState {
    public static final int NEW = 0;
    public static final int RUNNING = 1;
    public static final int CLOSING = 2;
    public static final int CLOSED = 3;
    public static final int HALTED = 4;

    private static final VarHandle STATE;
    private static final VarHandle DRAIN_TARGET;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(RunState.class, "state", int.class);
            DRAIN_TARGET = lookup.findVarHandle(RunState.class, "drainTarget", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private int state = NEW;
    private long drainTarget = Long.MAX_VALUE;

    public int getAcquire() {
        return (int) STATE.getAcquire(this);
    }

    /** True while new claims are accepted. */
    public boolean isRunning() {
        return getAcquire() == RUNNING;
    }

    /**
     * True while new claims are accepted, read with volatile semantics: the second half of the Dekker pair
     * a multi-producer claim forms with {@code close()} (claim: atomic add, then this read; close: state
     * change, then a volatile read of the claim cursor).
     */
    public boolean isRunningVolatile() {
        return (int) STATE.getVolatile(this) == RUNNING;
    }

    /** True once the stages have stopped or are stopping for good (CLOSED or HALTED). */
    public boolean isTerminal() {
        int s = getAcquire();
        return s == CLOSED || s == HALTED;
    }

    public boolean isHalted() {
        return getAcquire() == HALTED;
    }

    public long drainTargetAcquire() {
        return (long) DRAIN_TARGET.getAcquire(this);
    }

    /** NEW to RUNNING; false if the bus was already started or stopped. */
    public boolean start() {
        return STATE.compareAndSet(this, NEW, RUNNING);
    }

    /**
     * RUNNING to CLOSING, as a volatile write: the caller then reads the claim cursor, and a producer that
     * claims with an atomic add and then reads this state cannot both be missed (a Dekker pair).
     */
    public boolean beginClose() {
        return STATE.compareAndSet(this, RUNNING, CLOSING);
    }

    /**
     * Publishes the last sequence the stages must deliver before they stop, unless a halt came first
     * (a halt's target must never be raised again). Returns false in that case.
     */
    public boolean finishDrain(long target) {
        return DRAIN_TARGET.compareAndSet(this, Long.MAX_VALUE, target);
    }

    /** CLOSING to CLOSED, after the drain. */
    public void closed() {
        STATE.compareAndSet(this, CLOSING, CLOSED);
        STATE.compareAndSet(this, NEW, CLOSED);
    }

    /** Any state to HALTED (CLOSED stays CLOSED); stages stop at their next check. Returns false if already. */
    public boolean halt() {
        DRAIN_TARGET.setVolatile(this, Long.MIN_VALUE);
        for (;;) {
            int s = getAcquire();
            if (s == HALTED || s == CLOSED) {
                return false;
            }
            if (STATE.compareAndSet(this, s, HALTED)) {
                return true;
            }
        }
    }

    public static String name(int state) {
        switch (state) {
            case NEW: return "NEW";
            case RUNNING: return "RUNNING";
            case CLOSING: return "CLOSING";
            case CLOSED: return "CLOSED";
            default: return "HALTED";
        }
    }
}
