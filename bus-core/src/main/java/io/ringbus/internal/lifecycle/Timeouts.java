package io.ringbus.internal.lifecycle;

import java.time.Duration;

/**
 * Timeout arithmetic that cannot overflow. A timeout longer than {@link #MAX_NANOS} (about 73 years) means
 * "wait as long as it takes"; clamping it leaves room to add it to {@code System.nanoTime()} and compare
 * deadlines by subtraction.
 */
public final class Timeouts {
    /** The longest timeout used as given; longer ones are clamped to it. */
    public static final long MAX_NANOS = Long.MAX_VALUE / 4;

    private Timeouts() {
    }

    /** {@code timeoutNanos} clamped to [0, {@link #MAX_NANOS}]. */
    public static long clamp(long timeoutNanos) {
        return Math.max(0, Math.min(timeoutNanos, MAX_NANOS));
    }

    /** The duration in nanoseconds, saturated at {@code Long.MAX_VALUE} instead of throwing. */
    public static long toNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** The later of two {@code System.nanoTime()} instants, correct across the wrap of the clock. */
    public static long later(long a, long b) {
        return a - b >= 0 ? a : b;
    }
}
