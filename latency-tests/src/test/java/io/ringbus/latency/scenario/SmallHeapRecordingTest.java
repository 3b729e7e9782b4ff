package io.ringbus.latency.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A --duration of 24 h must fit a forked JVM's heap: the recorders of a day-long run in a 64 MiB heap. */
class SmallHeapRecordingTest {

    @Test
    void dayLongPipelineRecordersFitIn64MiB() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                DayLongRecording.class.getName())).redirectErrorStream(true).start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(done, "the child did not finish in 60 s: " + out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("recorded " + 4 * DayLongRecording.SAMPLES + " samples"), out);
    }
}
