package io.ringbus.latency.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringbus.latency.adapter.WaitMode;
import io.ringbus.latency.scenario.RunSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --jvm-args reach the child's command line, after the harness's own options and before the class path. */
class ForkLauncherTest {
    static final RunSpec SPEC = new RunSpec("lat-pingpong", "ringbus-single", WaitMode.SPIN, 1024, 0, 100_000,
            1_000_000_000L, 0, 100, 1, 1000);

    @Test
    void extraJvmArgsFollowTheDefaultsSoTheyWin() {
        ForkLauncher l = new ForkLauncher(Path.of("runs"), List.of("-XX:+UseSerialGC", "-Dringbus.x=1"));
        List<String> cmd = l.command(SPEC, Path.of("runs", "r.properties"));
        int defaultHeap = cmd.indexOf("-Xmx512m");
        int gc = cmd.indexOf("-XX:+UseSerialGC");
        int property = cmd.indexOf("-Dringbus.x=1");
        int classPath = cmd.indexOf("-cp");
        assertTrue(defaultHeap > 0 && gc > defaultHeap && property == gc + 1 && classPath > property, cmd.toString());
    }

    @Test
    void aUserHeapReplacesTheFixedHeap() {
        ForkLauncher l = new ForkLauncher(Path.of("runs"), List.of("-Xmx256m"));
        List<String> options = l.jvmOptions();
        assertFalse(options.contains("-Xms512m"), options.toString());
        assertFalse(options.contains("-Xmx512m"), options.toString());
        assertEquals("-Xmx256m", options.get(options.size() - 1));
        assertTrue(options.containsAll(List.of("--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED")));
    }

    @Test
    void withoutExtraArgsTheCommandHasOnlyTheDefaults() {
        ForkLauncher l = new ForkLauncher(Path.of("runs"), List.of());
        List<String> cmd = l.command(SPEC, Path.of("runs", "r.properties"));
        List<String> options = new ArrayList<>(cmd.subList(1, cmd.indexOf("-cp")));
        options.remove("--sun-misc-unsafe-memory-access=allow"); // JDK 23+ only
        assertEquals(ForkLauncher.JVM_OPTIONS, options);
        assertEquals(ForkLauncher.JVM_OPTIONS, l.jvmOptions());
    }
}
