package io.ringbus.latency.stat;

import io.ringbus.stat.CountersReader;
import io.ringbus.stat.CountersSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The command line of ringbus-stat: which files, how often, in which format. */
@Command(name = "ringbus-stat", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = StatCommand.Version.class,
        description = {
            "Prints the counters of ringbus buses from their counters files (RingBusBuilder.counters(dir)),",
            "one row per stage, refreshed every interval like vmstat. A bus whose heartbeat stopped is STALE."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:a file is missing, truncated or not a counters file", "2:bad usage"})
public final class StatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR",
            description = "Counters files, or directories whose *.counters files are all read.")
    List<Path> paths;

    @Option(names = "--once", description = "Print one snapshot and exit.")
    boolean once;

    @Option(names = "--json", description = "One JSON object per bus and snapshot, one per line.")
    boolean json;

    @Option(names = "--interval", paramLabel = "MS", defaultValue = "1000",
            description = "Milliseconds between snapshots, in [10, 3600000] (default: ${DEFAULT-VALUE}).")
    long intervalMillis;

    @Option(names = "--count", paramLabel = "N",
            description = "Stop after N snapshots (default: until interrupted; 1 with --once).")
    Long count;

    /** The command line, with a one-line reason (exit 2) for bad usage instead of the whole help text. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new StatCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println("ringbus-stat: " + ex.getMessage());
            e.println("Run with --help for the options.");
            e.flush();
            return CommandLine.ExitCode.USAGE;
        });
        // Anything unexpected is still one line, never a stack trace.
        cl.setExecutionExceptionHandler((ex, command, parsed) -> {
            command.getErr().println("ringbus-stat: " + ex);
            command.getErr().flush();
            return 1;
        });
        return cl;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (intervalMillis < 10 || intervalMillis > 3_600_000) {
            throw new ParameterException(spec.commandLine(), "--interval must be in [10, 3600000] ms: " + intervalMillis);
        }
        if (count != null && count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1: " + count);
        }
        long snapshots = once ? 1 : count == null ? Long.MAX_VALUE : count;
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<Path, CountersSnapshot> previous = new HashMap<>();
        for (long n = 0; n < snapshots; n++) {
            if (n > 0) {
                Thread.sleep(intervalMillis);
            }
            List<Path> files;
            try {
                files = files();
            } catch (IOException e) {
                err.println("ringbus-stat: " + oneLine(e));
                return 1;
            }
            for (Path file : files) {
                CountersSnapshot s;
                try (CountersReader reader = CountersReader.open(file)) { // reopened: a restarted bus has a new file
                    s = reader.read();
                } catch (IOException e) {
                    err.println("ringbus-stat: " + oneLine(e));
                    return 1;
                }
                out.print(json ? StatJson.line(s) : StatTable.block(s, previous.get(file)));
                out.flush();
                previous.put(file, s);
            }
        }
        return 0;
    }

    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> list = Files.list(p)) {
                    List<Path> found = list.filter(f -> f.getFileName().toString().endsWith(".counters")).sorted().toList();
                    if (found.isEmpty()) {
                        throw new NoSuchFileException(p.toString(), null, "no *.counters file in this directory");
                    }
                    files.addAll(found);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    private static String oneLine(IOException e) {
        if (e instanceof NoSuchFileException) {
            NoSuchFileException n = (NoSuchFileException) e;
            return n.getFile() + ": " + (n.getReason() == null ? "no such file" : n.getReason());
        }
        if (e instanceof AccessDeniedException) {
            return ((AccessDeniedException) e).getFile()
                    + ": permission denied (counters files are owner-only: run as the bus's user)";
        }
        if (e instanceof FileSystemException) {
            FileSystemException f = (FileSystemException) e;
            return f.getFile() + ": " + (f.getReason() == null ? e.getClass().getSimpleName() : f.getReason());
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ');
    }

    /** The version of the bus-core this command reads, from its jar, if known. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = CountersReader.class.getPackage().getImplementationVersion();
            return new String[] {"ringbus-stat, counters layout " + io.ringbus.stat.CountersLayout.VERSION
                    + (v == null ? "" : ", bus-core " + v)};
        }
    }
}
