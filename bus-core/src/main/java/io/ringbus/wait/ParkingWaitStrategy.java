package io.ringbus.wait;

import java.util.concurrent.locks.LockSupport;

/**
 * Backs off in three phases: spin, then yield, then {@link LockSupport#parkNanos} for a period that doubles from
 * {@code minParkNanos} up to {@code maxParkNanos}. Needs no signal from the producer or upstream stage, so it
 * costs nothing on publish; an idle stage wakes at most once per {@code maxParkNanos}.
 *
 * <p>On Linux a park sleeps at least the thread's timer slack (50 us by default, see
 * {@code /proc/<pid>/timerslack_ns}), so parks below that are rounded up; that is why the spin and yield
 * phases come first. A wake-up after a long idle gap costs up to {@code maxParkNanos}.
 */
public final class ParkingWaitStrategy implements WaitStrategy {
    public static final int DEFAULT_SPINS = 100;
    public static final int DEFAULT_YIELDS = 10;
    public static final long DEFAULT_MIN_PARK_NANOS = 1_000L;
    /**
     * 4 ms: an idle stage then wakes about 250 times a second. On a VM a park and its wake-up cost about 15 us,
     * so 1 ms (1000 wake-ups a second) measured 1.8% of a core for one idle stage; 4 ms keeps it under 1%.
     * The price is up to 4 ms before the first event after a long idle gap is seen; pass a smaller maximum, or
     * use {@link BlockingWaitStrategy}, where that matters.
     */
    public static final long DEFAULT_MAX_PARK_NANOS = 4_000_000L;

    private final int spins;
    private final int yields;
    private final long minParkNanos;
    private final long maxParkNanos;

    public ParkingWaitStrategy() {
        this(DEFAULT_SPINS, DEFAULT_YIELDS, DEFAULT_MIN_PARK_NANOS, DEFAULT_MAX_PARK_NANOS);
    }

    /**
     * @param spins        spins before yielding; &gt;= 0
     * @param yields       yields before parking; &gt;= 0
     * @param minParkNanos first park period; &gt; 0
     * @param maxParkNanos cap of the doubling park period; &gt;= minParkNanos
     */
    public ParkingWaitStrategy(int spins, int yields, long minParkNanos, long maxParkNanos) {
        if (spins < 0) {
            throw new IllegalArgumentException("spins must be >= 0: " + spins);
        }
        if (yields < 0) {
            throw new IllegalArgumentException("yields must be >= 0: " + yields);
        }
        if (minParkNanos <= 0) {
            throw new IllegalArgumentException("minParkNanos must be > 0: " + minParkNanos);
        }
        if (maxParkNanos < minParkNanos) {
            throw new IllegalArgumentException(
                    "maxParkNanos must be >= minParkNanos (" + minParkNanos + "): " + maxParkNanos);
        }
        this.spins = spins;
        this.yields = yields;
        this.minParkNanos = minParkNanos;
        this.maxParkNanos = maxParkNanos;
    }

    @Override
    public long waitFor(long required, WaitCondition condition) {
        long available;
        int spinsLeft = spins;
        int yieldsLeft = yields;
        long park = minParkNanos;
        while ((available = condition.available()) < required) {
            if (condition.isCancelled() || Thread.currentThread().isInterrupted()) {
                return available;
            }
            if (spinsLeft > 0) {
                spinsLeft--;
                Thread.onSpinWait();
            } else if (yieldsLeft > 0) {
                yieldsLeft--;
                Thread.yield();
            } else {
                LockSupport.parkNanos(this, Math.min(park, condition.nanosUntilDeadline()));
                park = Math.min(park << 1, maxParkNanos);
            }
        }
        return available;
    }

    @Override
    public String toString() {
        return "ParkingWaitStrategy{spins=" + spins + ", yields=" + yields + ", minParkNanos=" + minParkNanos
                + ", maxParkNanos=" + maxParkNanos + '}';
    }
}
