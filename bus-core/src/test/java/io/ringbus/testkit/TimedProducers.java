package io.ringbus.testkit;

import io.ringbus.Publisher;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Producer threads for pool tests: producer p publishes {@link OracleEvent}s (p, 0), (p, 1), ... until it has
 * published {@code perProducer} events or its time box is over, whichever comes first, and records how many
 * it really published so the pool is checked against that. Claims rotate through claim, tryClaim and the timed
 * claim, and every seventh takes a batch of up to three slots, so claim(n) and publish(lo, hi) run too.
 */
public final class TimedProducers {
    private final AtomicLongArray published;
    private final AtomicReferenceArray<Throwable> failures;
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch go = new CountDownLatch(1);

    private TimedProducers(int producers) {
        published = new AtomicLongArray(producers);
        failures = new AtomicReferenceArray<>(producers);
    }

    /** Starts {@code producers} threads named {@code <prefix>-producer-<p>} on a bus of {@code capacity}. */
    public static TimedProducers start(String prefix, Publisher<OracleEvent> publisher, int capacity, int producers,
                                       long perProducer, long timeBoxMillis) {
        TimedProducers group = new TimedProducers(producers);
        int maxBatch = Math.min(3, capacity);
        for (int p = 0; p < producers; p++) {
            int id = p;
            Thread t = new Thread(() -> group.produce(publisher, id, perProducer, timeBoxMillis, maxBatch),
                    prefix + "-producer-" + p);
            t.setDaemon(true);
            group.threads.add(t);
            t.start();
        }
        group.go.countDown();
        return group;
    }

    private void produce(Publisher<OracleEvent> publisher, int id, long perProducer, long timeBoxMillis, int maxBatch) {
        try {
            go.await();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeBoxMillis);
            long i = 0;
            long claims = 0;
            while (i < perProducer && System.nanoTime() - deadline < 0) {
                int n = ++claims % 7 == 0 ? (int) Math.min(maxBatch, perProducer - i) : 1;
                long lo = claim(publisher, n, (int) ((claims + id) % 3), deadline);
                if (lo < 0) {
                    break; // the time box ended while the ring stayed full
                }
                for (int k = 0; k < n; k++) {
                    publisher.get(lo + k).fill(id, i + k);
                }
                if (n == 1) {
                    publisher.publish(lo);
                } else {
                    publisher.publish(lo, lo + n - 1);
                }
                i += n;
                published.set(id, i);
            }
        } catch (Throwable t) {
            failures.set(id, t);
        }
    }

    /**
     * Claims n slots by one of three paths, so the blocking, the try and the timed claim all race each other:
     * 0 plain claim, 1 tryClaim until it succeeds, 2 timed claim until it succeeds. Returns a negative value
     * only if the deadline passed first, with nothing claimed.
     */
    private static long claim(Publisher<OracleEvent> publisher, int n, int path, long deadline) {
        if (path == 0) {
            return n == 1 ? publisher.claim() : publisher.claim(n);
        }
        for (;;) {
            long lo = path == 1 ? publisher.tryClaim(n) : publisher.claim(n, 1, TimeUnit.MILLISECONDS);
            if (lo >= 0 || System.nanoTime() - deadline > 0) {
                return lo;
            }
            if (path == 1) {
                Thread.yield();
            }
        }
    }

    /** Waits for every producer; fails the test if one is still running after {@code millis} or threw. */
    public TimedProducers join(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while joining producers");
            }
            if (t.isAlive()) {
                fail(t.getName() + " still running after " + millis + " ms (hang); published " + published);
            }
        }
        for (int p = 0; p < failures.length(); p++) {
            if (failures.get(p) != null) {
                throw new AssertionError("producer " + p + " failed after publishing " + published.get(p),
                        failures.get(p));
            }
        }
        return this;
    }

    /** Events producer p published, per producer; read after {@link #join}. */
    public long[] published() {
        long[] out = new long[published.length()];
        for (int p = 0; p < out.length; p++) {
            out[p] = published.get(p);
        }
        return out;
    }

    public long total() {
        long sum = 0;
        for (long n : published()) {
            sum += n;
        }
        return sum;
    }
}
