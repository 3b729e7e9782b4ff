package io.ringbus;

import io.ringbus.internal.lifecycle.Timeouts;
import io.ringbus.wait.WaitStrategy;

import java.time.Duration;
import java.util.Objects;

/**
 * A broadcast stage's handler with its options. Options left unset take the bus's defaults.
 *
 * <pre>{@code
 * bus.handleEventsWith(StageSpec.of(journal).named("journal").waitStrategy(new BlockingWaitStrategy()));
 * }</pre>
 *
 * @param <E> the event type
 */
public final class StageSpec<E> {
    private final EventHandler<? super E> handler;
    private final String name;
    private final WaitStrategy waitStrategy;
    private final ExceptionPolicy<? super E> exceptionPolicy;
    private final int maxBatchSize;
    private final boolean seesFailedEvents;
    private final long idleTimeoutNanos;

    private StageSpec(EventHandler<? super E> handler, String name, WaitStrategy waitStrategy,
                      ExceptionPolicy<? super E> exceptionPolicy, int maxBatchSize, boolean seesFailedEvents,
                      long idleTimeoutNanos) {
        this.handler = handler;
        this.name = name;
        this.waitStrategy = waitStrategy;
        this.exceptionPolicy = exceptionPolicy;
        this.maxBatchSize = maxBatchSize;
        this.seesFailedEvents = seesFailedEvents;
        this.idleTimeoutNanos = idleTimeoutNanos;
    }

    public static <E> StageSpec<E> of(EventHandler<? super E> handler) {
        return new StageSpec<>(Objects.requireNonNull(handler, "handler"), null, null, null, 0, false, 0);
    }

    /** The stage's name, used for its thread and in reports; must be unique within the bus. */
    public StageSpec<E> named(String stageName) {
        Objects.requireNonNull(stageName, "name");
        if (stageName.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        return new StageSpec<>(handler, stageName, waitStrategy, exceptionPolicy, maxBatchSize, seesFailedEvents,
                idleTimeoutNanos);
    }

    public StageSpec<E> waitStrategy(WaitStrategy strategy) {
        return new StageSpec<>(handler, name, Objects.requireNonNull(strategy, "waitStrategy"), exceptionPolicy,
                maxBatchSize, seesFailedEvents, idleTimeoutNanos);
    }

    public StageSpec<E> exceptionPolicy(ExceptionPolicy<? super E> policy) {
        return new StageSpec<>(handler, name, waitStrategy, Objects.requireNonNull(policy, "exceptionPolicy"),
                maxBatchSize, seesFailedEvents, idleTimeoutNanos);
    }

    /** @param size the most events handled before the stage publishes its progress; &gt;= 1 */
    public StageSpec<E> maxBatchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("maxBatchSize must be >= 1: " + size);
        }
        return new StageSpec<>(handler, name, waitStrategy, exceptionPolicy, size, seesFailedEvents, idleTimeoutNanos);
    }

    /**
     * Hands this stage the events that a stage it runs after failed on (its handler threw and its policy
     * went on). By default such an event is skipped by every stage after the one that failed on it, and
     * counted in {@link StageStats#skipped()}; a stage that must see everything, such as an audit trail,
     * opts in here. The event stays failed for the stages after this one either way.
     */
    public StageSpec<E> seesFailedEvents() {
        return new StageSpec<>(handler, name, waitStrategy, exceptionPolicy, maxBatchSize, true, idleTimeoutNanos);
    }

    EventHandler<? super E> handler() {
        return handler;
    }

    String name() {
        return name;
    }

    WaitStrategy waitStrategy() {
        return waitStrategy;
    }

    ExceptionPolicy<? super E> exceptionPolicy() {
        return exceptionPolicy;
    }

    int maxBatchSize() {
        return maxBatchSize;
    }

    /**
     * Calls the handler's {@link EventHandler#onTimeout(long)} when the stage has waited this long with
     * nothing to do, and again after each further such period: a place to flush, send a heartbeat or check a
     * timer without an event. Off by default. With a busy-spin or yielding wait the check reads the clock on
     * every spin; with a parking or blocking wait the wait itself ends at the deadline.
     *
     * @param timeout positive
     */
    public StageSpec<E> idleTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "idleTimeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be > 0: " + timeout);
        }
        long nanos = Timeouts.toNanos(timeout);
        return new StageSpec<>(handler, name, waitStrategy, exceptionPolicy, maxBatchSize, seesFailedEvents, nanos);
    }

    long idleTimeoutNanos() {
        return idleTimeoutNanos;
    }

    boolean failedEventsVisible() {
        return seesFailedEvents;
    }
}
