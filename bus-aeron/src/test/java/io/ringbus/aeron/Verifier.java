package io.ringbus.aeron;

import io.ringbus.EventHandler;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The last stage of a target bus: counts what arrives, sums a checksum, and checks that each producer's
 * events arrive in order with the payload they were sent with. Read its results from another thread.
 */
final class Verifier implements EventHandler<TestEvent> {
    private final long[] next;
    private final long[] first;
    private volatile long count;
    private volatile long checksum;
    private volatile long orderViolations;
    private volatile long payloadViolations;
    private volatile long duplicates;
    private volatile long gaps;

    Verifier(int producers) {
        next = new long[producers];
        first = new long[producers];
        java.util.Arrays.fill(first, -1);
    }

    @Override
    public void onEvent(TestEvent e, long sequence, boolean endOfBatch) {
        if (e.payload != TestEvent.payloadOf(e.producer, e.seq)) {
            payloadViolations = payloadViolations + 1;
        }
        if (first[e.producer] < 0) {
            first[e.producer] = e.seq;
        }
        long expected = next[e.producer];
        if (e.seq < expected) {
            duplicates = duplicates + 1;
            orderViolations = orderViolations + 1;
        } else {
            if (e.seq > expected) {
                gaps = gaps + e.seq - expected;
            }
            next[e.producer] = e.seq + 1;
        }
        checksum = checksum + checksumOf(e.producer, e.seq);
        count = count + 1;
    }

    static long checksumOf(int producer, long seq) {
        return TestEvent.payloadOf(producer, seq) * 31 + seq;
    }

    /** The checksum of producers 0..p-1 each sending seq 0..n-1. */
    static long expectedChecksum(int producers, long perProducer) {
        long sum = 0;
        for (int p = 0; p < producers; p++) {
            for (long s = 0; s < perProducer; s++) {
                sum += checksumOf(p, s);
            }
        }
        return sum;
    }

    /** The seq after the last of {@code producer}'s events that arrived; read once the bus has closed. */
    long nextOf(int producer) {
        return next[producer];
    }

    /** The seq of the first of {@code producer}'s events that arrived, or -1; read once the bus has closed. */
    long firstOf(int producer) {
        return first[producer];
    }

    long count() {
        return count;
    }

    long checksum() {
        return checksum;
    }

    long orderViolations() {
        return orderViolations;
    }

    long payloadViolations() {
        return payloadViolations;
    }

    long duplicates() {
        return duplicates;
    }

    /** Events skipped over within a producer's stream. */
    long gaps() {
        return gaps;
    }

    /** Waits until {@code count >= n}, failing with {@code state} after {@code limit}. */
    void awaitCount(long n, Duration limit, Supplier<String> state) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (count < n) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out after " + limit + " with " + count + " of " + n + " events: " + state.get());
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    @Override
    public String toString() {
        return "Verifier{count=" + count + ", order=" + orderViolations + ", payload=" + payloadViolations
                + ", duplicates=" + duplicates + ", gaps=" + gaps + '}';
    }
}
