package io.ringbus.latency.scenario;

/**
 * A fixed send schedule: message {@code i} is meant to leave at {@code start + i / rate}. Senders stamp each
 * message with this intended time, never with the time they managed to send it, so a stalled sender shows
 * up as latency instead of hiding it (coordinated omission).
 */
public final class RateSchedule {
    private final long startNanos;
    private final long ratePerSecond;

    public RateSchedule(long startNanos, long ratePerSecond) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("rate must be > 0, was " + ratePerSecond);
        }
        this.startNanos = startNanos;
        this.ratePerSecond = ratePerSecond;
    }

    /** The intended send time of message {@code i}; exact to the nanosecond for any rate. */
    public long intendedTime(long i) {
        // i * 1e9 overflows only past 9.2e9 messages; split to stay exact beyond that too.
        long whole = i / ratePerSecond;
        long rest = i % ratePerSecond;
        return startNanos + whole * 1_000_000_000L + rest * 1_000_000_000L / ratePerSecond;
    }

    /** How many messages are due in {@code durationNanos}. */
    public long messagesIn(long durationNanos) {
        return Math.max(1, (long) ((double) durationNanos * ratePerSecond / 1e9));
    }

    /** Busy-waits until message {@code i} is due (a sender that is late does not wait); returns its intended time. */
    public long awaitSlot(long i) {
        long intended = intendedTime(i);
        while (System.nanoTime() - intended < 0) {
            Thread.onSpinWait();
        }
        return intended;
    }

    public long startNanos() {
        return startNanos;
    }

    public long ratePerSecond() {
        return ratePerSecond;
    }

    /** Achieved rate of {@code sent} messages whose last left at {@code lastSendNanos}. */
    public double achievedRate(long sent, long lastSendNanos) {
        long span = lastSendNanos - startNanos;
        if (sent <= 1 || span <= 0) {
            return ratePerSecond;
        }
        return (sent - 1) * 1e9 / span;
    }

    /** The run missed its rate when it sent at under 99 % of the target on average. */
    public boolean missed(double achieved) {
        return achieved < 0.99 * ratePerSecond;
    }
}
