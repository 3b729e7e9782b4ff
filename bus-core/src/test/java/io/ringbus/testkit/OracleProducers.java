package io.ringbus.testkit;

import io.ringbus.Publisher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Producer threads that fill {@link OracleEvent}s: producer p publishes its events 0, 1, 2, ... in order,
 * until it has published {@code perProducer} events or the time box is over, whichever comes first. Each
 * records how many it actually published, so that stages are checked against what was really sent.
 *
 * <p>Producer p claims {@code batchSizes[p]} slots at a time (fewer at the end), so both the one-slot and the
 * n-slot claim paths run.
 */
public final class OracleProducers {
    private final AtomicLongArray published;
    private final AtomicReferenceArray<Throwable> failures;
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch go = new CountDownLatch(1);

    private OracleProducers(int producers) {
        this.published = new AtomicLongArray(producers);
        this.failures = new AtomicReferenceArray<>(producers);
    }

    /**
     * Starts the producers; they begin together once all threads are up.
     *
     * @param timeBox how long to keep producing, or null for no time limit
     */
    public static OracleProducers start(String threadPrefix, Publisher<OracleEvent> publisher, int[] batchSizes,
                                        long perProducer, Duration timeBox) {
        OracleProducers group = new OracleProducers(batchSizes.length);
        for (int p = 0; p < batchSizes.length; p++) {
            int id = p;
            int batch = batchSizes[p];
            Thread t = new Thread(() -> group.produce(publisher, id, batch, perProducer, timeBox),
                    threadPrefix + "-producer-" + p);
            t.setDaemon(true);
            group.threads.add(t);
            t.start();
        }
        group.go.countDown();
        return group;
    }

    private void produce(Publisher<OracleEvent> publisher, int id, int batch, long perProducer, Duration timeBox) {
        try {
            go.await();
            long deadline = timeBox == null ? Long.MAX_VALUE : System.nanoTime() + timeBox.toNanos();
            long i = 0;
            while (i < perProducer && (timeBox == null || System.nanoTime() - deadline < 0)) {
                int n = (int) Math.min(batch, perProducer - i);
                long lo = n == 1 ? publisher.claim() : publisher.claim(n);
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

    /** Waits for every producer to finish; fails the test if one hangs or threw. */
    public OracleProducers join(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while joining producers");
            }
            if (t.isAlive()) {
                fail("producer " + t.getName() + " still running after " + bound.toMillis() + " ms (hang); published "
                        + published);
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

    /** How many events producer {@code p} published; read after {@link #join}. */
    public long published(int p) {
        return published.get(p);
    }

    public long total() {
        long sum = 0;
        for (int p = 0; p < published.length(); p++) {
            sum += published.get(p);
        }
        return sum;
    }

    public int producers() {
        return published.length();
    }
}
