package io.ringbus;

import io.ringbus.internal.lifecycle.Timeouts;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link Publisher#claim()} does when the ring is full. Set once in the builder.
 *
 * <ul>
 *   <li>{@link #block()}: wait through the producer wait strategy until there is room (the default);</li>
 *   <li>{@link #failFast()}: throw {@link RingFullException} at once, with nothing claimed;</li>
 *   <li>{@link #blockUpTo(Duration)}: wait, then throw {@link ClaimTimeoutException}, with nothing claimed.</li>
 * </ul>
 */
public final class OverflowPolicy {
    /** The three behaviours. */
    public enum Kind { BLOCK, FAIL_FAST, TIMEOUT }

    private static final OverflowPolicy BLOCK = new OverflowPolicy(Kind.BLOCK, 0);
    private static final OverflowPolicy FAIL_FAST = new OverflowPolicy(Kind.FAIL_FAST, 0);

    private final Kind kind;
    private final long timeoutNanos;

    private OverflowPolicy(Kind kind, long timeoutNanos) {
        this.kind = kind;
        this.timeoutNanos = timeoutNanos;
    }

    public static OverflowPolicy block() {
        return BLOCK;
    }

    public static OverflowPolicy failFast() {
        return FAIL_FAST;
    }

    /** @param timeout how long a claim may wait; positive. Beyond {@code Long.MAX_VALUE} ns it waits as {@link #block()}. */
    public static OverflowPolicy blockUpTo(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be > 0: " + timeout);
        }
        return new OverflowPolicy(Kind.TIMEOUT, Timeouts.toNanos(timeout));
    }

    public Kind kind() {
        return kind;
    }

    /** The timeout of {@link Kind#TIMEOUT}; 0 for the others. */
    public long timeoutNanos() {
        return timeoutNanos;
    }

    @Override
    public String toString() {
        return kind == Kind.TIMEOUT ? "blockUpTo(" + Duration.ofNanos(timeoutNanos) + ")" : kind.name();
    }
}
