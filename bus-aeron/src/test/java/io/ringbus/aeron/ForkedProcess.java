package io.ringbus.aeron;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A second JVM on this test's class path, with the Aeron opens, whose output lines a test can wait for.
 * Always close it: close destroys the process if it is still running.
 */
final class ForkedProcess implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private ForkedProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::pump, "forked-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ForkedProcess start(Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        String opens = System.getProperty("ringbus.test.opens", "");
        for (String flag : opens.trim().split("\\s+")) {
            if (!flag.isEmpty()) {
                cmd.add(flag);
            }
        }
        cmd.add("-Xmx256m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        return new ForkedProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start());
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

    /** Waits for a line starting with {@code prefix}; fails loudly with everything seen so far. */
    String awaitLine(String prefix, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                fail("no line starting '" + prefix + "' within " + limit + " (alive=" + process.isAlive()
                        + "); output: " + seen);
            }
            seen.add(line);
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** Kills the process at once, as a crash would, and waits for it to go. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            fail("forked process did not die within 10 s");
        }
    }

    int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("forked process still running after " + limit + "; output: " + seen);
        }
        return process.exitValue();
    }

    /** Destroys the process if it still runs; keeps the interrupt status rather than throwing it. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
