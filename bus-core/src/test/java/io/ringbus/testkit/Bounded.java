package io.ringbus.testkit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs a call that might hang on its own daemon thread and fails the test, naming the call, if it does not
 * return within a generous bound. A hang detector, not a timing assertion.
 */
public final class Bounded {
    private Bounded() {
    }

    public static <T> T call(String what, Duration bound, Callable<T> call) {
        FutureTask<T> task = new FutureTask<>(call);
        Thread t = new Thread(task, "bounded-" + what);
        t.setDaemon(true);
        t.start();
        try {
            return task.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            t.interrupt();
            return fail(what + " did not return within " + bound.toMillis() + " ms (hang)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(what + " failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for " + what);
        }
    }

    public static void run(String what, Duration bound, Runnable body) {
        call(what, bound, () -> {
            body.run();
            return null;
        });
    }

    /** Waits until {@code condition} holds, polling; fails with {@code what} after {@code bound}. */
    public static void awaitTrue(String what, Duration bound, BooleanSupplier condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out after " + bound.toMillis() + " ms waiting for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
    }
}
