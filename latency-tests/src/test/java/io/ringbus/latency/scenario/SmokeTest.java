package io.ringbus.latency.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringbus.latency.adapter.Adapter;
import io.ringbus.latency.adapter.Adapters;
import io.ringbus.latency.adapter.WaitMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every implementation through every scenario on tiny counts, in this JVM: wiring, not performance. */
class SmokeTest {

    static RunSpec tiny(String scenario, String impl, WaitMode wait) {
        return new RunSpec(scenario, impl, wait, 256, 20_000, 100_000, TimeUnit.MILLISECONDS.toNanos(20),
                0, 10, 1, 2_000);
    }

    @Test
    void everyAdapterRunsEveryScenarioItCanExpress() {
        List<String> problems = new ArrayList<>();
        int ran = 0;
        for (Scenario scenario : Scenarios.all()) {
            // Raw volatile hand-off only spins or yields; yield keeps 4-thread topologies sane on 2 cores.
            for (Adapter adapter : Adapters.all()) {
                RunSpec spec = tiny(scenario.name(), adapter.id(), WaitMode.YIELD);
                RunResult r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Runner.run(spec),
                        spec.key() + " hung");
                // A shared 2-core machine may miss a send rate; that is timing, and no test asserts timing.
                List<String> broken = new ArrayList<>(r.notes());
                broken.removeIf(n -> n.contains("TARGET RATE MISSED"));
                if (r.status() == RunResult.Status.FAILED && !broken.isEmpty()) {
                    problems.add(spec.key() + ": " + broken);
                } else if (r.status() != RunResult.Status.SKIPPED) {
                    ran++;
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(ran > Adapters.all().size() * 4, "too few runs were expressible: " + ran);
    }
}
