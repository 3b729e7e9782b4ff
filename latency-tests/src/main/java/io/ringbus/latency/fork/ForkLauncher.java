package io.ringbus.latency.fork;

import io.ringbus.latency.HarnessMain;
import io.ringbus.latency.adapter.Adapters;
import io.ringbus.latency.scenario.RunResult;
import io.ringbus.latency.scenario.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final List<String> extraJvmArgs;
    private final Map<String, Path> variants;

    /** @param extraJvmArgs the user's --jvm-args, placed after {@link #JVM_OPTIONS} so that they win */
    public ForkLauncher(Path runsDir, List<String> extraJvmArgs) {
        this(runsDir, extraJvmArgs, Map.of());
    }

    /**
     * @param variants other builds of the harness by name (--variant): an implementation id ending in
     *                 {@code @name} runs in a child started from that build's jar, for an interleaved A/B
     */
    public ForkLauncher(Path runsDir, List<String> extraJvmArgs, Map<String, Path> variants) {
        this.runsDir = runsDir;
        this.extraJvmArgs = List.copyOf(extraJvmArgs);
        this.variants = Map.copyOf(variants);
    }

    /**
     * The options every child gets, then the user's. A user heap size (-Xms or -Xmx) replaces the fixed
     * heap, since -Xmx256m after -Xms512m would keep the JVM from starting.
     */
    public List<String> jvmOptions() {
        boolean ownHeap = extraJvmArgs.stream().anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-Xms"));
        List<String> all = new ArrayList<>();
        for (String o : JVM_OPTIONS) {
            if (!(ownHeap && (o.startsWith("-Xmx") || o.startsWith("-Xms")))) {
                all.add(o);
            }
        }
        all.addAll(extraJvmArgs);
        return all;
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
            return relabel(ResultCodec.read(resultFile), spec);
        } catch (IOException e) {
            return RunResult.failed(spec, "cannot run a child JVM: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RunResult.failed(spec, "interrupted");
        }
    }

    List<String> command(RunSpec s, Path resultFile) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Runtime.version().feature() >= 23) {
            // Agrona and JCTools still use sun.misc.Unsafe; keep JDK 23+ from warning in every child.
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        cmd.addAll(jvmOptions());
        String variant = Adapters.variant(s.impl());
        cmd.add("-cp");
        cmd.add(variant == null ? System.getProperty("java.class.path") : variantJar(variant).toString());
        cmd.add(HarnessMain.class.getName());
        cmd.addAll(List.of("--fork-child", resultFile.toString(), "--rep", Integer.toString(s.rep()),
                "--scenario", s.scenario(), "--impl", Adapters.baseId(s.impl()), "--wait", s.waitMode().label(),
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

    private Path variantJar(String name) {
        Path jar = variants.get(name);
        if (jar == null) {
            throw new IllegalArgumentException("--impl: no --variant named '" + name + "'; known: " + variants.keySet());
        }
        return jar;
    }

    /** A variant's child reports its plain id; the campaign keys results by the id it asked for. */
    private static RunResult relabel(RunResult r, RunSpec asked) {
        if (r.spec().impl().equals(asked.impl())) {
            return r;
        }
        return new RunResult(asked, r.status(), r.notes(), r.opsPerSecond(), r.idleCpuPercent(), r.achievedRate(),
                r.count(), r.otherCores(), r.selfCores(), r.wallSeconds(), r.histograms());
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
