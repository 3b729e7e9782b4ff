package io.ringbus.latency.scenario;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The end of a run: handlers arrive when they have seen what they expect; the harness thread waits,
 * blocking rather than spinning, and gives up when progress stalls so a lost message fails instead of
 * hanging.
 */
public final class Completion {
    private final CountDownLatch latch;
    private volatile long lastArrival;

    public Completion(int parties) {
        this.latch = new CountDownLatch(parties);
    }

    /** Called by a handler thread when it is done; remembers when the last one got there. */
    public void arrive() {
        lastArrival = System.nanoTime();
        latch.countDown();
    }

    public long lastArrivalNanos() {
        return lastArrival;
    }

    /**
     * Waits until every party arrived, or until {@code progress} has not moved for {@code stallMillis}.
     *
     * @return true when complete, false on a stall
     */
    public boolean await(LongSupplier progress, long stallMillis) throws InterruptedException {
        long last = progress.getAsLong();
        long lastMove = System.nanoTime();
        while (!latch.await(20, TimeUnit.MILLISECONDS)) {
            long now = progress.getAsLong();
            if (now != last) {
                last = now;
                lastMove = System.nanoTime();
            } else if (System.nanoTime() - lastMove > TimeUnit.MILLISECONDS.toNanos(stallMillis)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Waits, without a latch, until {@code progress} reaches {@code target}, or stalls for {@code stallMillis}.
     *
     * @return true when reached
     */
    public static boolean awaitProgress(LongSupplier progress, long target, long stallMillis)
            throws InterruptedException {
        long last = progress.getAsLong();
        long lastMove = System.nanoTime();
        while (last < target) {
            Thread.sleep(1);
            long now = progress.getAsLong();
            if (now != last) {
                last = now;
                lastMove = System.nanoTime();
            } else if (System.nanoTime() - lastMove > TimeUnit.MILLISECONDS.toNanos(stallMillis)) {
                return false;
            }
        }
        return true;
    }
}
