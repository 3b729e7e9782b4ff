package io.ringbus.ops;

import io.ringbus.stat.CountersReader;
import io.ringbus.stat.CountersSnapshot;

import java.nio.file.Path;

/** Run in a second JVM: reads a counters file once and prints it, one stage a line. */
public final class CountersProbe {
    private CountersProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (CountersReader reader = CountersReader.open(Path.of(args[0]))) {
            CountersSnapshot s = reader.read();
            System.out.println("bus " + s.bus() + " pid " + s.pid() + " state " + s.state() + " stale " + s.stale());
            System.out.println("producer " + s.producer().claimed() + " " + s.producer().aborts());
            for (CountersSnapshot.Stage st : s.stages()) {
                System.out.println("stage " + st.name() + " " + st.kind() + " " + st.sequence() + " " + st.events()
                        + " " + st.batches() + " " + st.failures() + " " + st.workers());
            }
        }
    }
}
