package io.ringbus.aeron.internal;

import java.util.List;

/** Runs every close step even when one fails, then rethrows the first failure with the rest suppressed. */
public final class Closer {
    private Closer() {
    }

    public static void closeAll(List<? extends AutoCloseable> steps) {
        Throwable first = null;
        for (AutoCloseable step : steps) {
            try {
                step.close();
            } catch (Throwable t) {
                if (first == null) {
                    first = t;
                } else {
                    first.addSuppressed(t);
                }
            }
        }
        if (first instanceof RuntimeException) {
            throw (RuntimeException) first;
        }
        if (first instanceof Error) {
            throw (Error) first;
        }
        if (first != null) {
            throw new IllegalStateException("close failed: " + first, first);
        }
    }

    public static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // already failing: the caller reports the original failure
        }
    }
}
