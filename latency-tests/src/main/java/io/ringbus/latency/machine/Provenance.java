package io.ringbus.latency.machine;

import io.ringbus.RingBus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Which code produced the numbers: the ringbus version from the jar manifest and the git commit of the
 * working directory, each "unknown" when it cannot be told (classes run from a build folder, no git).
 */
public record Provenance(String ringbusVersion, String gitCommit) {
    public static final String UNKNOWN = "unknown";

    public static Provenance current() {
        return new Provenance(version(), gitCommit(List.of("git", "rev-parse", "--short", "HEAD")));
    }

    /** Implementation-Version of the jar that holds bus-core (the harness jar, when shaded). */
    public static String version() {
        String v = RingBus.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? UNKNOWN : v;
    }

    /** The first line a git command prints, or "unknown" if it cannot run, fails or takes too long. */
    static String gitCommit(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return UNKNOWN;
                }
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            return p.exitValue() == 0 && out.matches("[0-9a-f]{4,40}") ? out : UNKNOWN;
        } catch (IOException e) {
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        }
    }
}
