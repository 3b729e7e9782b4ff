package io.ringbus;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The default policy: log through {@link System.Logger}, continue. Logs the first ten failures, then only
 * when the count reaches a power of two, so a handler that fails on every event cannot flood the log.
 * Halts instead on an error the JVM or the handler may not recover from (see {@link #isFatal}).
 */
final class LoggingPolicy<E> implements ExceptionPolicy<E> {
    private static final System.Logger LOG = System.getLogger("io.ringbus");
    private final AtomicLong failures = new AtomicLong();

    @Override
    public Action onEventException(Throwable error, long sequence, E event, String stage, int attempt) {
        if (isFatal(error)) {
            log(error, stage, "event " + sequence + " failed with " + error.getClass().getName() + "; halting the bus");
            return Action.HALT;
        }
        long n = failures.incrementAndGet();
        if (n <= 10 || Long.bitCount(n) == 1) {
            log(error, stage, "event " + sequence + " failed (failure #" + n + "); skipped");
        }
        return Action.CONTINUE;
    }

    /**
     * Errors after which the JVM or the handler's classes may be unusable: every VirtualMachineError (out of
     * memory, internal error) and LinkageError (a class that failed to initialise fails every later event). A
     * StackOverflowError is not fatal: the stack has unwound by the time the policy runs.
     */
    static boolean isFatal(Throwable error) {
        return (error instanceof VirtualMachineError && !(error instanceof StackOverflowError))
                || error instanceof LinkageError;
    }

    static void log(Throwable error, String stage, String what) {
        LOG.log(System.Logger.Level.WARNING, "ringbus stage '" + stage + "': " + what, error);
    }

    @Override
    public String toString() {
        return "logAndContinue";
    }
}
