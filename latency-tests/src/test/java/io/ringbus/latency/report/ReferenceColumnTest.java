package io.ringbus.latency.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringbus.latency.adapter.WaitMode;
import io.ringbus.latency.adapter.disruptor.DisruptorAdapter;
import io.ringbus.latency.scenario.Case;
import io.ringbus.latency.scenario.RunResult;
import io.ringbus.latency.scenario.RunSpec;
import io.ringbus.latency.scenario.Scenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each scenario names the implementation its ratios go to; one that never ran gets no column. */
class ReferenceColumnTest {

    static RunSpec spec(String scenario, String impl, int rep) {
        return new RunSpec(scenario, impl, WaitMode.YIELD, 8192, 10_000_000, 0, 2_000_000_000L, 0, 100, rep, 1000);
    }

    static RunResult throughput(String scenario, String impl, int rep, double opsPerSecond) {
        return new RunResult(spec(scenario, impl, rep), RunResult.Status.OK, List.of(), opsPerSecond, Double.NaN,
                Double.NaN, 10_000_000, 0.0, 1.0, 1.0, Map.of());
    }

    @Test
    void poolTableComparesWithJctoolsAndPrintsWhyTheDisruptorIsMissing() {
        String name = "tp-pool-2p2c";
        List<String> impls = List.of("ringbus-multi", "disruptor-multi", "jctools-mpmc", "agrona-m2m");
        Case c = new Case(Scenarios.byName(name), WaitMode.YIELD, impls, spec(name, "", 0), 2);
        List<RunResult> results = new ArrayList<>();
        results.add(RunResult.skipped(spec(name, "disruptor-multi", 0), DisruptorAdapter.NO_WORKER_POOL));
        for (int rep = 1; rep <= 2; rep++) {
            results.add(throughput(name, "ringbus-multi", rep, 20e6));
            results.add(throughput(name, "jctools-mpmc", rep, 10e6));
            results.add(throughput(name, "agrona-m2m", rep, 5e6));
        }
        String table = CaseTable.render(c, results);
        assertTrue(table.contains("vs jctools-mpmc"), table);
        assertFalse(table.contains("vs disruptor"), table);
        assertTrue(table.matches("(?s).*ringbus-multi\\s+20\\.00\\s+20\\.00\\.\\.20\\.00\\s+2\\.00x.*"), table);
        assertTrue(table.matches("(?s).*agrona-m2m\\s+5\\.00\\s+5\\.00\\.\\.5\\.00\\s+0\\.50x.*"), table);
        assertTrue(table.contains("skipped disruptor-multi: Disruptor 4.0 removed WorkerPool (its issue #323)"), table);
    }

    @Test
    void otherThroughputTablesStillCompareWithTheDisruptor() {
        String name = "tp-2p1c";
        Case c = new Case(Scenarios.byName(name), WaitMode.YIELD, List.of("ringbus-multi", "disruptor-multi"),
                spec(name, "", 0), 1);
        String table = CaseTable.render(c, List.of(throughput(name, "ringbus-multi", 1, 3e6),
                throughput(name, "disruptor-multi", 1, 6e6)));
        assertTrue(table.contains("vs disruptor-multi"), table);
        assertTrue(table.contains("0.50x"), table);
    }
}
