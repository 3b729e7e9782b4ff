package io.ringbus.latency.fork;

import io.ringbus.latency.adapter.Adapters;
import io.ringbus.latency.machine.CpuMeter;
import io.ringbus.latency.machine.MachineInfo;
import io.ringbus.latency.machine.Provenance;
import io.ringbus.latency.report.Report;
import io.ringbus.latency.scenario.Case;
import io.ringbus.latency.scenario.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The parent side: for each case, decide who can run it, then fork one JVM per implementation and
 * repetition with the repetitions interleaved (A B C, A B C, ...), so slow drifts of the machine hit every
 * implementation alike. Then hand the results to the report.
 */
public final class Campaign {
    /** Rough cost of starting a child JVM, for the time estimate only. */
    static final double FORK_SECONDS = 0.7;

    private final List<Case> cases;
    private final Path dir;
    private final PrintWriter out;
    private final ForkLauncher launcher;

    /** @param jvmArgs extra options for every child JVM (--jvm-args) */
    public Campaign(List<Case> cases, Path dir, PrintWriter out, List<String> jvmArgs) {
        this(cases, dir, out, jvmArgs, Map.of());
    }

    /** @param variants other builds of the harness by name, for ids ending in {@code @name} (--variant) */
    public Campaign(List<Case> cases, Path dir, PrintWriter out, List<String> jvmArgs,
                    Map<String, Path> variants) {
        this.cases = List.copyOf(cases);
        this.dir = dir;
        this.out = out;
        this.launcher = new ForkLauncher(dir.resolve("runs"), jvmArgs, variants);
    }

    /** Runs everything; returns the exit code (0 all passed, 1 something FAILED). */
    public int run() {
        MachineInfo machine = MachineInfo.current();
        Provenance provenance = Provenance.current();
        Report report = new Report(dir, machine, provenance, out);
        String context = context(machine, provenance);
        report.say(context + "\n");
        CpuMeter.Sample start = CpuMeter.sample();
        int planned = plannedForks();
        int done = 0;
        for (Case c : cases) {
            List<RunResult> results = new ArrayList<>();
            List<String> runnable = new ArrayList<>();
            for (String impl : c.impls()) {
                String reason = c.scenario().unsupportedReason(Adapters.byId(impl), c.waitMode());
                if (reason == null) {
                    runnable.add(impl);
                } else {
                    results.add(RunResult.skipped(c.spec(impl, 0), reason));
                }
            }
            int busy = c.scenario().busyThreads(c.waitMode());
            if (busy > machine.cores()) {
                report.say(String.format(Locale.ROOT, "WARNING: %s with %s keeps %d threads busy on %d cores: "
                        + "the figures measure the OS scheduler, not the bus; prefer --wait yield, park or blocking%n",
                        c.scenario().name(), c.waitMode().label(), busy, machine.cores()));
            }
            for (int rep = 1; rep <= c.reps(); rep++) {
                for (String impl : runnable) {
                    RunResult r = launcher.run(c.spec(impl, rep));
                    results.add(r);
                    done++;
                    out.printf(Locale.ROOT, "  [%d/%d] %s %s %-16s rep %d: %s%n", done, planned, c.scenario().name(),
                            c.waitMode().label(), impl, rep, Progress.line(r));
                    out.flush();
                }
            }
            report.addCase(c, results);
        }
        CpuMeter.Sample end = CpuMeter.sample();
        long failed = report.results().stream().filter(r -> r.status() == RunResult.Status.FAILED).count();
        double others = report.results().stream().mapToDouble(RunResult::otherCores).filter(d -> !Double.isNaN(d))
                .average().orElse(Double.NaN);
        report.say(String.format(Locale.ROOT, "Done in %.0f s; while runs measured, other processes took %.2f "
                + "cores on average.%n", (end.wallNanos() - start.wallNanos()) / 1e9, others));
        if (failed > 0) {
            report.say("FAILED: " + failed + " run(s) failed; see the notes above and " + dir.resolve("runs") + "\n");
        }
        try {
            List<Path> files = report.finish(context);
            out.println("Wrote " + files.size() + " files (and per-run .hlog/.log under runs/) to " + dir);
        } catch (IOException e) {
            out.println("FAILED: cannot write the report to " + dir + ": " + e);
            return 1;
        }
        out.flush();
        return failed > 0 ? 1 : 0;
    }

    private int plannedForks() {
        int n = 0;
        for (Case c : cases) {
            for (String impl : c.impls()) {
                if (c.scenario().unsupportedReason(Adapters.byId(impl), c.waitMode()) == null) {
                    n += c.reps();
                }
            }
        }
        return n;
    }

    private double estimateSeconds() {
        double s = 0;
        for (Case c : cases) {
            for (String impl : c.impls()) {
                if (c.scenario().unsupportedReason(Adapters.byId(impl), c.waitMode()) == null) {
                    boolean throughput = c.template().events() > 0;
                    double one = FORK_SECONDS + (c.template().warmupNanos()
                            + (throughput ? 0 : c.template().durationNanos())) / 1e9
                            + Math.min(c.template().events() / 50e6,
                                    c.template().durationNanos() > 0 ? c.template().durationNanos() / 1e9 : 1e9);
                    s += one * c.reps();
                }
            }
        }
        return s;
    }

    private String context(MachineInfo m, Provenance p) {
        return String.format(Locale.ROOT, "ringbus harness, %s%n  ringbus  %s, git %s%n  JDK      %s%n"
                        + "  CPU      %s, %d cores%n  OS       %s%n  forks    %s%n"
                        + "  plan     %d case(s), %d forked runs, about %.0f s%n  output   %s%n",
                LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS), p.ringbusVersion(), p.gitCommit(), m.jdk(),
                m.cpuModel(), m.cores(), m.os(), String.join(" ", launcher.jvmOptions()), cases.size(),
                plannedForks(), estimateSeconds(), dir.toAbsolutePath().normalize());
    }
}
