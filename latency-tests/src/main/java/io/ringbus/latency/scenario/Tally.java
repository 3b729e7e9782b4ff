package io.ringbus.latency.scenario;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What one handler received: a count and a sum of values. Written by the handler's thread only. The count
 * is stored with opaque mode so a watchdog can see progress without slowing the handler (a plain store on
 * x86); the sum is read only after the stage threads were joined.
 */
public final class Tally {
    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(Tally.class, "count", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private long count;
    private long sum;

    /** Adds one value; returns the new count. */
    public long add(long value) {
        long c = count + 1;
        sum += value;
        COUNT.setOpaque(this, c);
        return c;
    }

    /** Progress as seen from another thread. */
    public long countOpaque() {
        return (long) COUNT.getOpaque(this);
    }

    /** Final count; call only after the handler's thread was joined. */
    public long count() {
        return count;
    }

    /** Final sum; call only after the handler's thread was joined. */
    public long sum() {
        return sum;
    }
}
