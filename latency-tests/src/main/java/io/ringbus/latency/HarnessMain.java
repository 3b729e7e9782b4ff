package io.ringbus.latency;

import io.ringbus.latency.cli.HarnessCommand;
import java.io.PrintWriter;

/** Entry point of the harness jar: {@code java -jar latency-tests.jar --help}. */
public final class HarnessMain {
    private HarnessMain() {
    }

    public static void main(String[] args) {
        // Plots are drawn off-screen; no display is needed or wanted.
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs the command and returns its exit code: 0 ok, 1 a run FAILED, 2 bad usage.
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return HarnessCommand.commandLine(out, err).execute(args);
    }
}
