package io.ringbus;

import java.util.Objects;

/**
 * What a stage does when its handler throws. Each stage has one; the default is {@link #logAndContinue()}.
 * A handler exception never kills a stage thread silently, and never leaves producers hanging: if the
 * policy itself throws (even the very error it was given), or anything escapes the stage or a poll, the bus
 * halts and producers get {@link BusClosedException}. That holds for {@code Error}s too, and when logging
 * fails as well: the halt comes before any logging.
 *
 * <p>Errors: the policy sees every {@code Throwable} a handler throws. The default policy halts the bus on
 * a {@link VirtualMachineError} ({@link OutOfMemoryError}, {@link InternalError}) or a {@link LinkageError}
 * (such as {@link ExceptionInInitializerError}), since the JVM or the handler's classes may be unusable after
 * them; it logs and continues after a {@link StackOverflowError}, which is local to the failed event. Other
 * policies treat errors like exceptions unless they check for them.
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface ExceptionPolicy<E> {
    /** What the stage does next. */
    enum Action {
        /** Skip the event and go on with the next one. */
        CONTINUE,
        /** Call the handler again with the same event. */
        RETRY,
        /** Halt the whole bus. */
        HALT
    }

    /**
     * Decides what happens after {@code error}.
     *
     * @param error    what the handler threw
     * @param sequence the event's sequence
     * @param event    the event: valid only during this call, copy what must be kept
     * @param stage    the stage's name
     * @param attempt  1 on the first failure of this event, 2 after one retry, and so on
     */
    Action onEventException(Throwable error, long sequence, E event, String stage, int attempt);

    /** A failure in {@code onStart} or {@code onShutdown}; the lifecycle goes on. Logs by default. */
    default void onLifecycleException(Throwable error, String stage, String phase) {
        LoggingPolicy.log(error, stage, phase + " failed");
    }

    /**
     * Logs (rate-limited), counts in the stage's stats, skips the event and continues. The default. Halts the
     * bus instead after a VirtualMachineError other than StackOverflowError, or a LinkageError.
     */
    static <E> ExceptionPolicy<E> logAndContinue() {
        return new LoggingPolicy<>();
    }

    /** Halts the bus on the first failure. */
    static <E> ExceptionPolicy<E> haltBus() {
        return (error, sequence, event, stage, attempt) -> {
            LoggingPolicy.log(error, stage, "event " + sequence + " failed; halting the bus");
            return Action.HALT;
        };
    }

    /** Calls {@code listener}, then continues with the next event. */
    static <E> ExceptionPolicy<E> callback(FailureListener<? super E> listener) {
        Objects.requireNonNull(listener, "listener");
        return (error, sequence, event, stage, attempt) -> {
            listener.onFailure(error, sequence, event, stage);
            return Action.CONTINUE;
        };
    }

    /**
     * Retries a failed event up to {@code maxRetries} times, then hands it to {@code then}.
     *
     * @param maxRetries &gt;= 1
     */
    static <E> ExceptionPolicy<E> retry(int maxRetries, ExceptionPolicy<E> then) {
        if (maxRetries < 1) {
            throw new IllegalArgumentException("maxRetries must be >= 1: " + maxRetries);
        }
        Objects.requireNonNull(then, "then");
        return new ExceptionPolicy<>() {
            @Override
            public Action onEventException(Throwable error, long sequence, E event, String stage, int attempt) {
                return attempt <= maxRetries
                        ? Action.RETRY
                        : then.onEventException(error, sequence, event, stage, attempt - maxRetries);
            }

            @Override
            public void onLifecycleException(Throwable error, String stage, String phase) {
                then.onLifecycleException(error, stage, phase);
            }
        };
    }

    /**
     * Hands each failed event to {@code sink} with its sequence and error, then continues. The event is the
     * live slot: the sink copies what it keeps.
     */
    static <E> ExceptionPolicy<E> deadLetter(FailureListener<? super E> sink) {
        return callback(sink);
    }

    /** Receives a failed event. */
    @FunctionalInterface
    interface FailureListener<E> {
        void onFailure(Throwable error, long sequence, E event, String stage);
    }
}
