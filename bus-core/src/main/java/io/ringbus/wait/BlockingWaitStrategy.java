package io.ringbus.wait;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Blocks on a {@link Condition} until the producer or the upstream stage signals progress. An idle stage uses
 * no CPU at all. Built on j.u.c locks, never on monitors, so virtual-thread callers are not pinned.
 *
 * <p>A signal costs one fence and one read when nobody waits: waiters announce themselves in a counter before
 * they re-check the condition, and the signaller reads that counter after its progress store, with a full
 * fence between the two (a Dekker pair), so a wake-up is never lost. {@code maxBlockNanos} only bounds a
 * single sleep as a safety net; halts, closes and deadlines wake waiters on their own.
 *
 * <p>Allocation: each time a thread goes to sleep, the JDK's {@link Condition} allocates a small wait node
 * (about 50 bytes). That happens only when the waiter has nothing to do, never per event while events
 * flow; the other strategies allocate nothing at all.
 */
public final class BlockingWaitStrategy implements WaitStrategy {
    /** Longest single sleep before the condition is re-checked without a signal. */
    public static final long DEFAULT_MAX_BLOCK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final VarHandle WAITERS;

    static {
        try {
            WAITERS = MethodHandles.lookup().findVarHandle(BlockingWaitStrategy.class, "waiters", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progressed = lock.newCondition();
    private final long maxBlockNanos;
    private int waiters;

    public BlockingWaitStrategy() {
        this(DEFAULT_MAX_BLOCK_NANOS);
    }

    /** @param maxBlockNanos longest single sleep without a signal; &gt; 0 */
    public BlockingWaitStrategy(long maxBlockNanos) {
        if (maxBlockNanos <= 0) {
            throw new IllegalArgumentException("maxBlockNanos must be > 0: " + maxBlockNanos);
        }
        this.maxBlockNanos = maxBlockNanos;
    }

    @Override
    public long waitFor(long required, WaitCondition condition) {
        long available = condition.available();
        if (available >= required) {
            return available;
        }
        WAITERS.getAndAdd(this, 1); // full fence: announced before the re-check below
        lock.lock();
        try {
            while ((available = condition.available()) < required) {
                if (condition.isCancelled()) {
                    return available;
                }
                long nanos = Math.min(maxBlockNanos, condition.nanosUntilDeadline());
                if (nanos > 0) {
                    progressed.awaitNanos(nanos);
                }
            }
            return available;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // keep the status; the caller decides
            return available;
        } finally {
            lock.unlock();
            WAITERS.getAndAdd(this, -1);
        }
    }

    @Override
    public boolean requiresSignal() {
        return true;
    }

    @Override
    public void signalAll() {
        VarHandle.fullFence(); // the caller's progress store before the waiters read
        if ((int) WAITERS.getVolatile(this) != 0) {
            lock.lock();
            try {
                progressed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public String toString() {
        return "BlockingWaitStrategy{maxBlockNanos=" + maxBlockNanos + '}';
    }
}
