package io.ringbus.latency.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The threads of one channel's stages: named, daemon (a stuck stage never keeps the JVM alive),
 * and joined with a deadline so a broken run fails loudly instead of hanging.
 */
public final class StageThreads {
    private final String name;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    public StageThreads(String name) {
        this.name = name;
    }

    public void add(String role, Runnable body) {
        Thread t = new Thread(body, name + "-" + role);
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((th, e) -> failure.compareAndSet(null, e));
        threads.add(t);
    }

    public void start() {
        threads.forEach(Thread::start);
    }

    /** Joins every thread within the deadline, or throws naming the ones still running. */
    public void join(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        List<String> stuck = new ArrayList<>();
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(name + ": interrupted while joining stages", e);
            }
            if (t.isAlive()) {
                stuck.add(t.getName());
            }
        }
        if (!stuck.isEmpty()) {
            throw new IllegalStateException(name + ": stage threads did not stop within "
                    + timeoutMillis + " ms: " + stuck);
        }
        rethrowFailure();
    }

    /** Re-throws the first exception that escaped a stage thread, if any. */
    public void rethrowFailure() {
        Throwable t = failure.get();
        if (t != null) {
            throw new IllegalStateException(name + ": a stage thread died: " + t, t);
        }
    }

    /** Whether a System.nanoTime deadline has passed, for loops that wait on stages. */
    public static boolean expired(long deadlineNanos) {
        return System.nanoTime() - deadlineNanos > 0;
    }
}
