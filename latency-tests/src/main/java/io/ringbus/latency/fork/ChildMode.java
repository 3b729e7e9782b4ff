package io.ringbus.latency.fork;

import io.ringbus.latency.scenario.Case;
import io.ringbus.latency.scenario.RunResult;
import io.ringbus.latency.scenario.Runner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The forked side: run exactly one implementation once, in this fresh JVM, and write the result file (and
 * the .hlog beside it) for the parent to read. The exit code is 0 whenever a result file was written; the
 * run's own status is inside it.
 */
public final class ChildMode {
    private ChildMode() {
    }

    public static int run(List<Case> cases, List<String> impls, int rep, Path resultFile, PrintWriter out) {
        if (cases.size() != 1 || impls == null || impls.size() != 1) {
            out.println("child mode runs exactly one scenario, one wait mode and one implementation");
            return 2;
        }
        Case c = cases.get(0);
        RunResult result = Runner.run(c.spec(impls.get(0), rep));
        for (String note : result.notes()) {
            out.println(note);
        }
        try {
            ResultCodec.write(result, resultFile);
        } catch (IOException e) {
            out.println("cannot write " + resultFile + ": " + e);
            return 1;
        }
        out.flush();
        return 0;
    }
}
