package io.ringbus.latency.aeron;

import io.ringbus.latency.adapter.WaitMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The partner JVM (an echo or a sink): same java and class path, Aeron's opens; stopped by closing its
 * input, killed if it lingers.
 */
final class EchoProcess implements AutoCloseable {
    static final List<String> OPENS = List.of(
            "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.util.zip=ALL-UNNAMED");

    /** The partner's line once it has subscribed. */
    static final String READY = "READY";
    private static final String CPU = "CPU ";
    private final Process process;
    private final Thread reader;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private EchoProcess(Process process) {
        this.process = process;
        reader = new Thread(this::pump, "partner-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the echo and waits until it has subscribed. */
    static EchoProcess start(AeronAdapter.Mode mode, String dir, String ping, String pong, WaitMode wait, int capacity,
                             long limitMillis) {
        return start(EchoMain.class, List.of(mode.name(), dir, ping, pong, wait.label(), Integer.toString(capacity),
                Long.toString(limitMillis)));
    }

    /** Starts {@code main} (an echo or a sink) with {@code args} and waits until it prints READY. */
    static EchoProcess start(Class<?> main, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(OPENS);
        cmd.add("-Xmx256m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(args);
        EchoProcess echo;
        try {
            echo = new EchoProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the echo JVM: " + e, e);
        }
        try {
            echo.awaitReady(20_000);
            return echo;
        } catch (RuntimeException | InterruptedException e) {
            echo.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException("interrupted", e);
        }
    }

    private void awaitReady(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                throw new IllegalStateException("the echo JVM did not get ready within " + millis + " ms (alive="
                        + process.isAlive() + "); output: " + seen);
            }
            seen.add(line);
            if (line.equals(READY)) {
                return;
            }
        }
    }

    private void pump() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /** The partner's last words: its own CPU time, all threads, after it has closed everything. */
    static void reportCpu() {
        long nanos = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
        System.out.println(CPU + nanos);
        System.out.flush();
    }

    /**
     * CPU the partner JVM used, in nanoseconds, as it reported on its way out; after {@link #close()}. While
     * it runs, or if it did not report (killed), what the platform tells of it so far; 0 if nothing.
     */
    long cpuNanos() {
        for (String line : lines) {
            if (line.startsWith(CPU)) {
                return Math.max(0, Long.parseLong(line.substring(CPU.length())));
            }
        }
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /**
     * Closes the partner's input so it stops by itself, and waits for it and its output; kills it if it has
     * not exited after 10 s.
     */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(TimeUnit.SECONDS.toMillis(2));   // its last lines, the CPU report among them
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
