package io.ringbus.testkit;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A call running on its own named daemon thread, with bounded waits for its outcome: used for producers that
 * are expected to block, and for close() calls that must not return yet. A bound overrun fails the test; it
 * detects hangs and never measures time.
 *
 * @param <T> the call's result
 */
public final class AsyncCall<T> {
    private final Thread thread;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile T result;
    private volatile Throwable failure;
    private volatile boolean interruptedAtEnd;

    private AsyncCall(String name, Callable<T> body) {
        this.thread = new Thread(() -> {
            try {
                result = body.call();
            } catch (Throwable t) {
                failure = t;
            } finally {
                interruptedAtEnd = Thread.currentThread().isInterrupted();
                done.countDown();
            }
        }, name);
        thread.setDaemon(true);
    }

    public static <T> AsyncCall<T> start(String name, Callable<T> body) {
        AsyncCall<T> call = new AsyncCall<>(name, body);
        call.thread.start();
        return call;
    }

    public Thread thread() {
        return thread;
    }

    public boolean isDone() {
        return done.getCount() == 0;
    }

    /** Waits up to {@code millis} for the call to end; true if it did. */
    public boolean join(long millis) {
        try {
            return done.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The call's result; fails the test if it is still running after {@code millis} or threw. */
    public T await(long millis) {
        if (!join(millis)) {
            fail(thread.getName() + " did not return within " + millis + " ms (hang)");
        }
        if (failure != null) {
            throw new AssertionError(thread.getName() + " threw", failure);
        }
        return result;
    }

    /** What the call threw; fails the test if it returned normally or is still running after {@code millis}. */
    public Throwable awaitFailure(long millis) {
        if (!join(millis)) {
            fail(thread.getName() + " did not return within " + millis + " ms (hang)");
        }
        if (failure == null) {
            fail(thread.getName() + " returned " + result + " instead of throwing");
        }
        return failure;
    }

    /** The thread's interrupt status when the call ended. */
    public boolean interruptedAtEnd() {
        return interruptedAtEnd;
    }

    /**
     * Waits until the thread is parked or waiting inside a frame of a class whose simple name ends with
     * {@code frameClassSuffix} (say, "Sequencer"): it has really blocked there, not merely not finished yet.
     */
    public void awaitParkedIn(String frameClassSuffix, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() - deadline < 0) {
            Thread.State state = thread.getState();
            if ((state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) && inFrame(frameClassSuffix)) {
                return;
            }
            if (isDone()) {
                fail(thread.getName() + " ended instead of blocking in " + frameClassSuffix
                        + (failure != null ? ": threw " + failure : ": returned " + result));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        fail(thread.getName() + " did not block in " + frameClassSuffix + " within " + millis + " ms");
    }

    private boolean inFrame(String suffix) {
        for (StackTraceElement e : thread.getStackTrace()) {
            if (e.getClassName().endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
