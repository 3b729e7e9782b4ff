package io.ringbus.testkit;

import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;

/**
 * Makes stage threads start late, so that close and publish race a stage that is not running yet. Each
 * thread first yields a random number of times, then waits for the gate (if one is given) before running the
 * stage body. Threads are daemons; the bus names them.
 */
public final class DelayedStartThreadFactory implements ThreadFactory {
    private final SplittableRandom random;
    private final int maxYields;
    private final CountDownLatch gate;

    /**
     * @param maxYields most yields before the body runs
     * @param gate      a latch to wait for before the body runs, or null
     */
    public DelayedStartThreadFactory(long seed, int maxYields, CountDownLatch gate) {
        this.random = new SplittableRandom(seed);
        this.maxYields = maxYields;
        this.gate = gate;
    }

    @Override
    public synchronized Thread newThread(Runnable body) {
        int yields = maxYields == 0 ? 0 : random.nextInt(maxYields + 1);
        Thread t = new Thread(() -> {
            for (int i = 0; i < yields; i++) {
                Thread.yield();
            }
            if (gate != null) {
                awaitUninterruptibly(gate);
            }
            body.run();
        });
        t.setDaemon(true);
        return t;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
