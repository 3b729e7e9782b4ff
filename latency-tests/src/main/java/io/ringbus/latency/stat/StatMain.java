package io.ringbus.latency.stat;

import java.io.PrintWriter;

/** Entry point of {@code ringbus-stat}: prints the counters of running buses, like vmstat. */
public final class StatMain {
    private StatMain() {
    }

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command and returns its exit code: 0 ok, 1 a file could not be read, 2 bad usage. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return StatCommand.commandLine(out, err).execute(args);
    }
}
