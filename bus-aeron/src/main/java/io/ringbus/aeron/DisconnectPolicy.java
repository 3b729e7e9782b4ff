package io.ringbus.aeron;

import java.time.Duration;
import java.util.Objects;

/**
 * What a sender does with an event it cannot send because no subscriber is connected ({@code NOT_CONNECTED})
 * or the publication was closed ({@code CLOSED}). Back-pressure is not a disconnect: it is always retried.
 *
 * <ul>
 *   <li>{@link #waitUpTo(Duration)} (the default, 5 s): keep retrying a not-connected send until a subscriber
 *       connects or the time is up. On timeout the event fails with {@link NotConnectedException} through the
 *       stage's exception policy, and so does every following event, at once, until a subscriber is connected
 *       again: a bus closing with no subscriber drains in one timeout, not one per event.</li>
 *   <li>{@link #fail()}: fail the event at once with {@link NotConnectedException}.</li>
 *   <li>{@link #countAndDrop()}: count the event as dropped and go on. The only policy that loses events
 *       without an exception; the sender's {@code dropped()} counter says how many.</li>
 * </ul>
 * A closed publication never reconnects, so {@code CLOSED} fails at once under {@code waitUpTo} too.
 */
public final class DisconnectPolicy {
    /** The three behaviours. */
    public enum Kind { WAIT, FAIL, DROP }

    /** The default wait of {@link #waitUpTo}. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

    private static final DisconnectPolicy FAIL = new DisconnectPolicy(Kind.FAIL, 0);
    private static final DisconnectPolicy DROP = new DisconnectPolicy(Kind.DROP, 0);
    private static final DisconnectPolicy DEFAULT = new DisconnectPolicy(Kind.WAIT, DEFAULT_WAIT.toNanos());

    private final Kind kind;
    private final long waitNanos;

    private DisconnectPolicy(Kind kind, long waitNanos) {
        this.kind = kind;
        this.waitNanos = waitNanos;
    }

    /** Waits up to {@link #DEFAULT_WAIT} for a subscriber, then fails. */
    public static DisconnectPolicy defaultPolicy() {
        return DEFAULT;
    }

    /** @param timeout how long one event may wait for a subscriber; positive, at most one day */
    public static DisconnectPolicy waitUpTo(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("timeout must be > 0 and <= 1 day: " + timeout);
        }
        return new DisconnectPolicy(Kind.WAIT, timeout.toNanos());
    }

    public static DisconnectPolicy fail() {
        return FAIL;
    }

    public static DisconnectPolicy countAndDrop() {
        return DROP;
    }

    public Kind kind() {
        return kind;
    }

    /** The wait of {@link Kind#WAIT}; 0 for the others. */
    public long waitNanos() {
        return waitNanos;
    }

    @Override
    public String toString() {
        return kind == Kind.WAIT ? "waitUpTo(" + Duration.ofNanos(waitNanos) + ")" : kind.name();
    }
}
