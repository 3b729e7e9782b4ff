package io.ringbus.internal.sequence;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A padded, concurrently updated sequence: a cursor, a stage's progress, or a cached gating minimum.
 *
 * <p>The value sits between 128 bytes of padding on each side. 128 rather than 64 because the adjacent-line
 * prefetcher fetches cache lines in pairs, so a neighbour within the paired line still causes false sharing.
 * This class is the only place in bus-core that holds padding fields; every hot counter is an instance of it.
 * A JOL test checks the gaps, because hand-typed pads drift.
 *
 * <p>Accessors are named after their {@link VarHandle} access mode; see the package documentation.
 */
public final class Sequence extends SequenceValue {
    long q00, q01, q02, q03, q04, q05, q06, q07;
    long q08, q09, q10, q11, q12, q13, q14, q15;

    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(SequenceValue.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The value every sequence starts from: nothing claimed, published or consumed yet. */
    public static final long INITIAL = -1L;

    public Sequence() {
        this(INITIAL);
    }

    public Sequence(long initial) {
        VALUE.setRelease(this, initial);
    }

    /** Plain read: only for the thread that owns the value. */
    public long getPlain() {
        return value;
    }

    public long getOpaque() {
        return (long) VALUE.getOpaque(this);
    }

    public long getAcquire() {
        return (long) VALUE.getAcquire(this);
    }

    public long getVolatile() {
        return (long) VALUE.getVolatile(this);
    }

    public void setPlain(long newValue) {
        value = newValue;
    }

    public void setOpaque(long newValue) {
        VALUE.setOpaque(this, newValue);
    }

    public void setRelease(long newValue) {
        VALUE.setRelease(this, newValue);
    }

    public void setVolatile(long newValue) {
        VALUE.setVolatile(this, newValue);
    }

    public boolean compareAndSet(long expected, long newValue) {
        return VALUE.compareAndSet(this, expected, newValue);
    }

    /** Atomic add (LOCK XADD on x86: never retries); returns the value before the add. */
    public long getAndAdd(long delta) {
        return (long) VALUE.getAndAdd(this, delta);
    }

    @Override
    public String toString() {
        return Long.toString(getAcquire());
    }
}

/** Left padding: 16 longs, 128 bytes, before the value. Longs, because the layout never packs them into a hole. */
abstract class SequenceLeftPad {
    long p00, p01, p02, p03, p04, p05, p06, p07;
    long p08, p09, p10, p11, p12, p13, p14, p15;
}

/** The value itself; HotSpot lays out superclass fields first, so it lands between the two pads. */
abstract class SequenceValue extends SequenceLeftPad {
    long value;
}
