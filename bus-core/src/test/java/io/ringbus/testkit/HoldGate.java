package io.ringbus.testkit;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Holds a stage inside its handler until the test releases it, so a test can fill the ring deterministically.
 * Every wait is bounded: a gate that is never released lets the stage go after {@link #MAX_HOLD_SECONDS}
 * (and records that), so a failing test cannot hang the run.
 */
public final class HoldGate {
    public static final long MAX_HOLD_SECONDS = 30;

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean expired;

    /** Called on the stage's thread: announces it arrived, then waits for {@link #release()}. */
    public void hold() {
        entered.countDown();
        try {
            if (!released.await(MAX_HOLD_SECONDS, TimeUnit.SECONDS)) {
                expired = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Fails the test unless a stage reached {@link #hold()} within {@code millis}. */
    public void awaitEntered(long millis) {
        try {
            if (!entered.await(millis, TimeUnit.MILLISECONDS)) {
                fail("no stage reached the gate within " + millis + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for the gate");
        }
    }

    public boolean entered() {
        return entered.getCount() == 0;
    }

    public void release() {
        released.countDown();
    }

    /** True if a holder gave up waiting: the test forgot to release, or took far too long. */
    public boolean expired() {
        return expired;
    }
}
