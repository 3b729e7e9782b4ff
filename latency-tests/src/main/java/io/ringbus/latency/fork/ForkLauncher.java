package io.ringbus.latency.fork;

import io.ringbus.latency.HarnessMain;
import io.ringbus.latency.scenario.RunResult;
import io.ringbus.latency.scenario.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one implementation once in a fresh JVM (same java, same classpath) so every result is measured on
 * a clean JIT profile. The child is killed if it outlives a generous deadline, and any failure to produce
 * a result becomes a FAILED result, never a hang.
 */
public final class ForkLauncher {
    /** A fixed heap: no resizing during a run, and room for the largest queue pools. */
    static final List<String> JVM_OPTIONS = List.of("-Xms512m", "-Xmx512m", "-Djava.awt.headless=true",
            "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
            // Aeron, for the lat-aeron scenarios: direct buffers and sockets, CRC32C
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.util.zip=ALL-UNNAMED");

    private final Path runsDir;

    public ForkLauncher(Path runsDir) {
        this.runsDir = runsDir;
    }

    public RunResult run(RunSpec spec) {
        String base = spec.key() + "-rep" + spec.rep();
        Path resultFile = runsDir.resolve(base + ".properties");
        Path log = runsDir.resolve(base + ".log");
        try {
            Files.createDirectories(runsDir);
            Process p = new ProcessBuilder(command(spec, resultFile))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long limit = timeoutSeconds(spec);
            if (!p.waitFor(limit, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return RunResult.failed(spec, "child JVM did not finish within " + limit + " s and was killed; see " + log);
            }
            if (!Files.isRegularFile(resultFile)) {
                return RunResult.failed(spec, "child JVM exited " + p.exitValue() + " without a result: "
                        + tail(log));
            }
            return ResultCodec.read(resultFile);
        } catch (IOException e) {
            return RunResult.failed(spec, "cannot run a child JVM: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RunResult.failed(spec, "interrupted");
        }
    }

    static List<String> command(RunSpec s, Path resultFile) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_OPTIONS);
        if (Runtime.version().feature() >= 23) {
            // Agrona and JCTools still use sun.misc.Unsafe; keep JDK 23+ from warning in every child.
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(HarnessMain.class.getName());
        cmd.addAll(List.of("--fork-child", resultFile.toString(), "--rep", Integer.toString(s.rep()),
                "--scenario", s.scenario(), "--impl", s.impl(), "--wait", s.waitMode().label(),
                "--capacity", Integer.toString(s.capacity()), "--reps", "1",
                "--warmup", s.warmupNanos() + "ns", "--burst", Integer.toString(s.burst())));
        if (s.durationNanos() > 0) {
            cmd.addAll(List.of("--duration", s.durationNanos() + "ns"));
        }
        if (s.events() > 0) {
            cmd.addAll(List.of("--events", Long.toString(s.events())));
        }
        if (s.rate() > 0) {
            cmd.addAll(List.of("--rate", Long.toString(s.rate())));
        }
        return cmd;
    }

    /** Warm-up and measuring time, plus a second per million events, plus a minute of slack. */
    static long timeoutSeconds(RunSpec s) {
        return 60 + TimeUnit.NANOSECONDS.toSeconds(s.warmupNanos() + s.durationNanos()) + s.events() / 1_000_000;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" / ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
