package io.ringbus.latency.cli;

import io.ringbus.latency.adapter.Adapters;
import io.ringbus.latency.fork.Campaign;
import io.ringbus.latency.fork.ChildMode;
import io.ringbus.latency.scenario.Case;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The command line: options, validation, and the choice between listing, parent and child mode. */
@Command(name = "ringbus-harness", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = VersionProvider.class,
        description = {
            "Measures ringbus side by side with the LMAX Disruptor, Agrona, JCTools and ArrayBlockingQueue.",
            "Each implementation and repetition runs in its own JVM; repetitions are interleaved.",
            "With no options: 1P-1C throughput, ping-pong and fixed-rate latency, 5 repetitions (< 3 minutes)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every run passed", "1:a run FAILED (lost/duplicated message, missed rate, crash)",
            "2:bad usage"})
public final class HarnessCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", split = ",", paramLabel = "NAME",
            description = "Scenarios, comma-separated, or 'all' (default: tp-1p1c,lat-pingpong,lat-fixed-rate).")
    List<String> scenarios;

    @Option(names = "--impl", split = ",", paramLabel = "ID",
            description = "Implementations, comma-separated, or 'all' (default: each scenario's own list).")
    List<String> impls;

    @Option(names = "--wait", split = ",", paramLabel = "MODE",
            description = "Wait strategies: busy-spin, yield, park, blocking (default: each scenario's).")
    List<String> waits;

    @Option(names = "--capacity", paramLabel = "SLOTS", description = "Ring / queue size, a power of two.")
    Integer capacity;

    @Option(names = "--events", paramLabel = "N", converter = Converters.Count.class,
            description = "Messages per throughput run, e.g. 20M, 100M.")
    Long events;

    @Option(names = "--rate", paramLabel = "MSG/S", converter = Converters.Count.class,
            description = "Messages per second for fixed-rate, ping and burst schedules, e.g. 100K, 500K, 1M.")
    Long rate;

    @Option(names = "--duration", paramLabel = "TIME", converter = Converters.Duration.class,
            description = "Measured time of latency and idle runs, e.g. 10s, 500ms; for throughput runs a cap "
                    + "(they stop early and report the events they sent).")
    Long durationNanos;

    @Option(names = "--reps", paramLabel = "N", defaultValue = "5",
            description = "Repetitions per implementation, interleaved (default: ${DEFAULT-VALUE}).")
    int reps;

    @Option(names = "--warmup", paramLabel = "TIME", converter = Converters.Duration.class, defaultValue = "1s",
            description = "Warm-up per run before measuring, then histograms reset (default: ${DEFAULT-VALUE}).")
    long warmupNanos;

    @Option(names = "--burst", paramLabel = "N", defaultValue = "100",
            description = "Messages per burst in lat-burst scenarios (default: ${DEFAULT-VALUE}).")
    int burst;

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "Where results go (default: a timestamped folder under latency-tests/target or target).")
    Path outputDir;

    @Option(names = "--jvm-args", paramLabel = "ARGS",
            description = "Extra JVM options for every forked run, space-separated, e.g. --jvm-args='-Xmx2g "
                    + "-XX:+UseZGC'. They follow the harness's own, so they win; an -Xms or -Xmx replaces "
                    + "the fixed 512 MiB heap.")
    String jvmArgs;

    @Option(names = "--variant", paramLabel = "NAME=JAR",
            description = "Another build of the harness jar, for an A/B in one interleaved run: an --impl id "
                    + "ending in @NAME (ringbus-single@base) runs in forks started from JAR.")
    Map<String, Path> variants = new LinkedHashMap<>();

    @Option(names = "--list", description = "List scenarios and implementations, then exit.")
    boolean list;

    @Option(names = "--fork-child", hidden = true, paramLabel = "FILE",
            description = "Internal: run one implementation once and write the result to FILE.")
    Path childResult;

    @Option(names = "--rep", hidden = true, description = "Internal: the repetition a child runs.")
    int rep;

    /** A command line that prints to the given writers (tests capture them). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new HarnessCommand());
        cl.setOut(out);
        cl.setErr(err);
        // A bad value gets its one-line reason, not the whole usage text.
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println("ringbus-harness: " + ex.getMessage());
            e.println("Run with --help for the options, --list for scenarios and implementations.");
            e.flush();
            return CommandLine.ExitCode.USAGE;
        });
        return cl;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            Listing.print(out);
            return 0;
        }
        List<Case> cases;
        try {
            cases = Plan.build(new Plan.Options(scenarios, impls, waits, capacity, events, rate, durationNanos,
                    warmupNanos, reps, burst));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (childResult != null) {
            return ChildMode.run(cases, impls, rep, childResult, out);
        }
        Path dir = outputDir != null ? outputDir : defaultOutputDir();
        for (Case c : cases) {
            for (String impl : c.impls()) {
                String v = Adapters.variant(impl);
                if (v != null && !variants.containsKey(v)) {
                    throw new ParameterException(spec.commandLine(), "--impl " + impl + ": no --variant " + v + "=JAR given");
                }
            }
        }
        return new Campaign(cases, dir, out, splitJvmArgs(jvmArgs), variants).run();
    }

    static List<String> splitJvmArgs(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
    }

    /** latency-tests/target/harness-<time> from the project root, else target/harness-<time>. */
    static Path defaultOutputDir() {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path module = Path.of("latency-tests");
        Path base = module.resolve("pom.xml").toFile().isFile() ? module.resolve("target") : Path.of("target");
        return base.resolve("harness-" + stamp);
    }
}
