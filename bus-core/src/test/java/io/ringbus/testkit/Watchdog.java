package io.ringbus.testkit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Auto-registered (META-INF/services) hang guard for every test. Past the deadline it writes every thread's
 * stack to {@code target/watchdog-<test>.txt} and to stderr, then halts the JVM: a JUnit timeout cannot stop
 * a spin loop that ignores interrupts, and a surefire fork timeout does not kill the fork.
 *
 * <p>Deadline: {@link Deadline} on the method or class, else {@code -Dringbus.test.deadline.seconds}, else 120 s.
 */
public final class Watchdog implements BeforeEachCallback, AfterEachCallback {
    private static final long DEFAULT_SECONDS = Long.getLong("ringbus.test.deadline.seconds", 120);
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-watchdog");
        t.setDaemon(true);
        return t;
    });
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(Watchdog.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        long seconds = context.getTestMethod().map(m -> m.getAnnotation(Deadline.class))
                .or(() -> context.getTestClass().map(c -> c.getAnnotation(Deadline.class)))
                .map(Deadline::seconds).orElse(DEFAULT_SECONDS);
        String test = context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName();
        ScheduledFuture<?> alarm = TIMER.schedule(() -> fire(test, seconds), seconds, TimeUnit.SECONDS);
        context.getStore(NS).put("alarm", alarm);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ScheduledFuture<?> alarm = context.getStore(NS).remove("alarm", ScheduledFuture.class);
        if (alarm != null) {
            alarm.cancel(false);
        }
    }

    private static void fire(String test, long seconds) {
        String dump = "WATCHDOG: test " + test + " exceeded its deadline of " + seconds + " s; halting the JVM.\n"
                + threadDump();
        try {
            Path dir = Path.of("target");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("watchdog-" + test.replaceAll("[^A-Za-z0-9._-]", "_") + ".txt"),
                    dump, StandardCharsets.UTF_8);
        } catch (IOException ignored) {
            // stderr below still has it
        }
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        err.println(dump);
        err.flush();
        Runtime.getRuntime().halt(86);
    }

    static String threadDump() {
        StringBuilder sb = new StringBuilder();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            sb.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState()).append('\n');
            for (StackTraceElement e : info.getStackTrace()) {
                sb.append("    at ").append(e).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
