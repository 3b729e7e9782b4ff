package io.ringbus.latency.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Producer threads of a scenario: started together behind a gate, daemon, joined with a deadline, and any
 * exception they throw is kept for the verdict instead of vanishing with the thread.
 */
public final class Workers {
    /** A producer's body; may throw. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    public void add(String name, Body body) {
        Thread t = new Thread(() -> {
            try {
                gate.await();
                body.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, name);
        t.setDaemon(true);
        threads.add(t);
    }

    /** Starts the threads and opens the gate; returns the time the gate opened. */
    public long start() {
        threads.forEach(Thread::start);
        long t0 = System.nanoTime();
        gate.countDown();
        return t0;
    }

    /**
     * Waits for the producers to finish while {@code progress} keeps moving; false if it stalls for
     * {@code stallMillis} first (a producer blocked on a ring nobody drains).
     */
    public boolean await(java.util.function.LongSupplier progress, long stallMillis) throws InterruptedException {
        long last = progress.getAsLong();
        long lastMove = System.nanoTime();
        for (Thread t : threads) {
            while (t.isAlive()) {
                t.join(20);
                long now = progress.getAsLong();
                if (now != last) {
                    last = now;
                    lastMove = System.nanoTime();
                } else if (System.nanoTime() - lastMove > java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(stallMillis)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Joins with a deadline; returns a description of what went wrong, or null. */
    public String join(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (Thread t : threads) {
            t.join(Math.max(1, deadline - System.currentTimeMillis()));
            if (t.isAlive()) {
                return "producer " + t.getName() + " did not finish within " + timeoutMillis + " ms";
            }
        }
        Throwable e = failure.get();
        return e == null ? null : "producer failed: " + e;
    }
}
