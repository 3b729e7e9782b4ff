package io.ringbus.reliability;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A point a handler stops at until the test opens it. The handler waits uninterruptibly (a close interrupts
 * stuck stage threads, and a stuck handler must stay stuck), but at most a minute, so a failed test cannot
 * leave a thread behind for good.
 */
final class Gate {
    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);

    /** Called by the handler: announces arrival, then waits for {@link #open()}. Keeps the interrupt status. */
    void pass() {
        arrived.countDown();
        boolean interrupted = false;
        long end = System.nanoTime() + MAX_WAIT_NANOS;
        while (open.getCount() > 0) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                open.await(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    boolean awaitArrival(long millis) throws InterruptedException {
        return arrived.await(millis, TimeUnit.MILLISECONDS);
    }

    void open() {
        open.countDown();
    }
}
