package io.ringbus.aeron.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A counter with one writing thread and any number of readers: the writer adds with a release store, no
 * atomic instruction and no fence on the hot path; readers see a recent value.
 */
public final class Counter {
    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(Counter.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through VALUE
    private long value;

    /** Adds one; only the owning thread may call it. */
    public void increment() {
        VALUE.setRelease(this, (long) VALUE.getOpaque(this) + 1);
    }

    /** Adds {@code n}; only the owning thread may call it. */
    public void add(long n) {
        VALUE.setRelease(this, (long) VALUE.getOpaque(this) + n);
    }

    /** A recent value; any thread. */
    public long get() {
        return (long) VALUE.getAcquire(this);
    }
}
