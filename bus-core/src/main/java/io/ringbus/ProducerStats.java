package io.ringbus;

/**
 * A cheap snapshot of the producer side of a bus, read without locking.
 *
 * @param claimed           the highest claimed sequence; -1 before the first claim (so {@code claimed + 1}
 *                          slots were claimed in all)
 * @param fullRing          claims that found the ring full: waits for room, and try-claims refused
 * @param stallNanos        nanoseconds producers spent waiting for room, in total
 * @param aborts            abort calls (each of one or more slots)
 * @param remainingCapacity an estimate of free slots now
 */
public record ProducerStats(long claimed, long fullRing, long stallNanos, long aborts, long remainingCapacity) {
}
