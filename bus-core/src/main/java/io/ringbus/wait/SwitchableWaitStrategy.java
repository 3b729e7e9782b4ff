package io.ringbus.wait;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A wait strategy that can be changed while the bus runs, from any thread: busy-spin during market hours,
 * park overnight, without a restart. Opt in by giving it to the builder or a stage; a bus that does not use
 * it pays nothing.
 *
 * <p>A wait reads the current strategy once (one volatile read, on the wait path only) and waits in it until
 * the condition is met, cancelled, or the strategy is switched: a switch cancels the waits in the old
 * strategy, which return early so that their callers wait again in the new one. A switch away from a
 * strategy that blocks ({@link BlockingWaitStrategy}) signals its sleepers, so no event waits past the
 * switch. While a switch is under way {@link #signalAll()} signals both strategies.
 *
 * <p>Cost: every {@code signalAll} after a batch reads the current strategy and calls its {@code signalAll};
 * the bus signals this strategy whatever it currently delegates to, since it may be switched to one that
 * needs signals. Each thread that waits keeps one small condition wrapper, made on its first wait.
 */
public final class SwitchableWaitStrategy implements WaitStrategy {
    private final ReentrantLock switching = new ReentrantLock();
    private final ThreadLocal<SwitchAwareCondition> conditions = ThreadLocal.withInitial(SwitchAwareCondition::new);
    private volatile WaitStrategy current;
    /** The strategy being switched away from, while its waiters are told to leave; null otherwise. */
    private volatile WaitStrategy previous;

    /**
     * @param initial the strategy to wait with until the first switch; not itself switchable
     */
    public SwitchableWaitStrategy(WaitStrategy initial) {
        this.current = checked(initial, "initial");
    }

    /** The strategy waits use now. */
    public WaitStrategy current() {
        return current;
    }

    /**
     * Makes later waits use {@code next} and moves the threads waiting in the current strategy over to it:
     * they return from their wait and wait again in {@code next}. Switching to the current strategy does
     * nothing. Thread-safe; concurrent switches take effect one after the other.
     *
     * @param next the strategy to switch to; not null, not a {@code SwitchableWaitStrategy}
     * @return the strategy that was current before
     */
    public WaitStrategy switchTo(WaitStrategy next) {
        checked(next, "next");
        switching.lock();
        try {
            WaitStrategy old = current;
            if (old == next) {
                return old;
            }
            previous = old;  // publishers signal both while the old strategy's waiters leave
            current = next;  // volatile: a waiter that announced itself in old sees this, or is signalled below
            old.signalAll(); // wakes sleepers in old; they see the switch as a cancellation
            next.signalAll();
            previous = null;
            return old;
        } finally {
            switching.unlock();
        }
    }

    @Override
    public long waitFor(long required, WaitCondition condition) {
        WaitStrategy strategy = current;
        SwitchAwareCondition c = conditions.get();
        c.enter(condition, strategy);
        try {
            return strategy.waitFor(required, c);
        } finally {
            c.leave();
        }
    }

    /** True: the strategy may be switched to one that needs signals at any time. */
    @Override
    public boolean requiresSignal() {
        return true;
    }

    @Override
    public void signalAll() {
        current.signalAll();
        WaitStrategy old = previous;
        if (old != null) {
            old.signalAll();
        }
    }

    @Override
    public String toString() {
        return "SwitchableWaitStrategy{current=" + current + '}';
    }

    private WaitStrategy checked(WaitStrategy s, String parameter) {
        Objects.requireNonNull(s, parameter);
        if (s instanceof SwitchableWaitStrategy) {
            throw new IllegalArgumentException(parameter + " must not itself be a SwitchableWaitStrategy: " + s);
        }
        return s;
    }

    /** The caller's condition, cancelled as well once the strategy it waits in is no longer current. */
    private final class SwitchAwareCondition implements WaitCondition {
        private WaitCondition delegate;
        private WaitStrategy waitingIn;

        void enter(WaitCondition condition, WaitStrategy strategy) {
            this.delegate = condition;
            this.waitingIn = strategy;
        }

        void leave() {
            this.delegate = null; // do not keep the caller's condition reachable between waits
            this.waitingIn = null;
        }

        @Override
        public long available() {
            return delegate.available();
        }

        @Override
        public boolean isCancelled() {
            return current != waitingIn || delegate.isCancelled();
        }

        @Override
        public long nanosUntilDeadline() {
            return delegate.nanosUntilDeadline();
        }
    }
}
