package io.ringbus.testkit;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Leak checks: after a test, no thread of the bus under test may still be alive. */
public final class Threads {
    private Threads() {
    }

    /** Names of live threads whose name starts with {@code prefix}. */
    public static List<String> alive(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith(prefix))
                .sorted()
                .toList();
    }

    /** Waits up to {@code millis} for every thread named {@code prefix...} to exit; returns those still alive. */
    public static List<String> awaitNoneAlive(String prefix, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        List<String> alive = alive(prefix);
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            alive = alive(prefix);
        }
        return alive;
    }
}
