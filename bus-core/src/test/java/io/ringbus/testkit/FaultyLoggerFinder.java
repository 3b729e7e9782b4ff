package io.ringbus.testkit;

import java.util.ResourceBundle;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The tests' {@link System.LoggerFinder} (registered in META-INF/services): loggers go to java.util.logging,
 * as with the JDK default, except that while {@link #failing} is set every log call on a logger named
 * {@code io.ringbus...} throws {@code OutOfMemoryError("simulated")}, to model logging under heap exhaustion.
 */
public final class FaultyLoggerFinder extends System.LoggerFinder {
    private static volatile boolean failing;

    /** Makes ringbus log calls throw until {@link #stopFailing()}. */
    public static void startFailing() {
        failing = true;
    }

    public static void stopFailing() {
        failing = false;
    }

    @Override
    public System.Logger getLogger(String name, Module module) {
        return new JulLogger(name, Logger.getLogger(name));
    }

    private record JulLogger(String name, Logger jul) implements System.Logger {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isLoggable(System.Logger.Level level) {
            return jul.isLoggable(map(level));
        }

        @Override
        public void log(System.Logger.Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            failIfAsked();
            jul.log(map(level), msg, thrown);
        }

        @Override
        public void log(System.Logger.Level level, ResourceBundle bundle, String format, Object... params) {
            failIfAsked();
            jul.log(map(level), format, params);
        }

        @Override
        public void log(System.Logger.Level level, Supplier<String> msgSupplier, Throwable thrown) {
            failIfAsked();
            jul.log(map(level), thrown, msgSupplier);
        }

        private void failIfAsked() {
            if (failing && name.startsWith("io.ringbus")) {
                throw new OutOfMemoryError("simulated");
            }
        }

        private static java.util.logging.Level map(System.Logger.Level level) {
            switch (level) {
                case ALL: return java.util.logging.Level.ALL;
                case TRACE: return java.util.logging.Level.FINER;
                case DEBUG: return java.util.logging.Level.FINE;
                case INFO: return java.util.logging.Level.INFO;
                case WARNING: return java.util.logging.Level.WARNING;
                case ERROR: return java.util.logging.Level.SEVERE;
                default: return java.util.logging.Level.OFF;
            }
        }
    }
}
