package io.ringbus;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The default policy: log through {@link System.Logger}, continue. Logs the first ten failures, then only
 * when the count reaches a power of two, so a handler that fails on every event cannot flood the log.
 */
final class LoggingPolicy<E> implements ExceptionPolicy<E> {
    private static final System.Logger LOG = System.getLogger("io.ringbus");
    private final AtomicLong failures = new AtomicLong();

    @Override
    public Action onEventException(Throwable error, long sequence, E event, String stage, int attempt) {
        long n = failures.incrementAndGet();
        if (n <= 10 || Long.bitCount(n) == 1) {
            log(error, stage, "event " + sequence + " failed (failure #" + n + "); skipped");
        }
        return Action.CONTINUE;
    }

    static void log(Throwable error, String stage, String what) {
        LOG.log(System.Logger.Level.WARNING, "ringbus stage '" + stage + "': " + what, error);
    }

    @Override
    public String toString() {
        return "logAndContinue";
    }
}
