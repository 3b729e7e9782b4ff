package io.ringbus.latency.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringbus.latency.adapter.Adapter;
import io.ringbus.latency.adapter.Adapters;
import io.ringbus.latency.adapter.WaitMode;
import io.ringbus.latency.adapter.disruptor.DisruptorAdapter;
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
                broken.removeIf(n -> n.contains("TARGET RATE MISSED") || n.startsWith("diag:")); // diag: not a failure
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

    @Test
    void workerPoolsHandEachEventToExactlyOneWorker() {
        List<String> problems = new ArrayList<>();
        for (String name : List.of("tp-pool-1p2c", "tp-pool-2p2c")) {
            Scenario scenario = Scenarios.byName(name);
            assertEquals(List.of("jctools-mpmc"), scenario.defaults().references(), name);
            // Park as well as yield: a parked worker is the one most likely to sit on a message.
            for (WaitMode wait : List.of(WaitMode.YIELD, WaitMode.PARK)) {
                for (String impl : scenario.defaults().impls()) {
                    RunSpec spec = tiny(name, impl, wait);
                    RunResult r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Runner.run(spec),
                            spec.key() + " hung");
                    if (impl.startsWith("disruptor")) {
                        assertEquals(RunResult.Status.SKIPPED, r.status(), spec.key());
                        assertEquals(List.of(DisruptorAdapter.NO_WORKER_POOL), r.notes());
                    } else if (r.status() != RunResult.Status.OK) {
                        problems.add(spec.key() + ": " + r.status() + " " + r.notes());
                    } else {
                        // Time-capped at 20 ms, so fewer than planned may go; all that went were checked.
                        assertTrue(r.count() > 0, spec.key() + " sent nothing");
                        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("worker shares ")),
                                r.notes()::toString);
                    }
                }
            }
            RunResult single = Runner.run(tiny(name, "jctools-mpsc", WaitMode.YIELD));
            assertEquals(RunResult.Status.SKIPPED, single.status());
            assertTrue(single.notes().get(0).contains("single consumer"), single.notes()::toString);
        }
        assertEquals(List.of(), problems);
    }
}
