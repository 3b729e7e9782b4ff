package io.ringbus.latency.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringbus.latency.adapter.Topology;
import io.ringbus.latency.adapter.WaitMode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A lost or duplicated message fails the run; it never becomes a number. */
class VerificationTest {
    static final Duration LIMIT = Duration.ofSeconds(10);

    static RunSpec spec(String scenario) {
        return new RunSpec(scenario, "inline", WaitMode.YIELD, 64, 1_000, 100_000,
                TimeUnit.MILLISECONDS.toNanos(20), 0, 10, 1, 300);
    }

    static ThroughputScenario throughput() {
        return new ThroughputScenario("t", "t", Topology.pipeline(2), false,
                new ScenarioDefaults(64, List.of(WaitMode.YIELD), 1_000, 0, 0, List.of()));
    }

    @Test
    void cleanRunPasses() {
        Measurement m = assertTimeoutPreemptively(LIMIT, () -> throughput().run(
                new InlineAdapter(InlineAdapter.Fault.NONE, 0), spec("t"), false));
        assertFalse(m.failed(), m.notes().toString());
    }

    @Test
    void droppedMessageFailsTheRun() {
        Measurement m = assertTimeoutPreemptively(LIMIT, () -> throughput().run(
                new InlineAdapter(InlineAdapter.Fault.DROP, 500), spec("t"), false));
        assertTrue(m.failed());
        assertTrue(m.notes().toString().contains("lost 1 of 1000"), m.notes().toString());
    }

    @Test
    void duplicatedMessageFailsTheRun() {
        Measurement m = assertTimeoutPreemptively(LIMIT, () -> throughput().run(
                new InlineAdapter(InlineAdapter.Fault.DUPLICATE, 500), spec("t"), false));
        assertTrue(m.failed());
        assertTrue(m.notes().toString().contains("duplicated"), m.notes().toString());
    }

    static ThroughputScenario pool() {
        return new ThroughputScenario("p", "p", Topology.pool(1, 2), false,
                new ScenarioDefaults(64, List.of(WaitMode.YIELD), 1_000, 0, 0, List.of()));
    }

    @Test
    void cleanPoolRunPassesAndReportsTheSplit() {
        Measurement m = assertTimeoutPreemptively(LIMIT, () -> pool().run(
                new InlineAdapter(InlineAdapter.Fault.NONE, 0), spec("p"), false));
        assertFalse(m.failed(), m.notes().toString());
        assertTrue(m.notes().contains("worker shares 50.0% / 50.0%"), m.notes().toString());
    }

    @Test
    void messageLostByAPoolFailsTheRun() {
        Measurement m = assertTimeoutPreemptively(LIMIT, () -> pool().run(
                new InlineAdapter(InlineAdapter.Fault.DROP, 500), spec("p"), false));
        assertTrue(m.failed());
        assertTrue(m.notes().toString().contains("worker pool (2 workers together) lost 1 of 1000"),
                m.notes().toString());
    }

    @Test
    void messageHandledByTwoWorkersFailsTheRun() {
        // The double goes to the next worker in turn: two workers each handled the same message once.
        Measurement m = assertTimeoutPreemptively(LIMIT, () -> pool().run(
                new InlineAdapter(InlineAdapter.Fault.DUPLICATE, 500), spec("p"), false));
        assertTrue(m.failed());
        assertTrue(m.notes().toString().contains("worker pool (2 workers together) got 1 duplicated"),
                m.notes().toString());
    }

    @Test
    void droppedPingStallsAndFailsInsteadOfHanging() {
        PingPongScenario pingPong = (PingPongScenario) Scenarios.byName("lat-pingpong");
        Measurement m = assertTimeoutPreemptively(LIMIT, () -> pingPong.run(
                new InlineAdapter(InlineAdapter.Fault.DROP, 3), spec("lat-pingpong"), false));
        assertTrue(m.failed());
        assertTrue(m.notes().toString().contains("lost"), m.notes().toString());
    }

    @Test
    void verdictNamesEachProblem() {
        assertTrue(new Verdict().check("a", 10, 45, 10, Verdict.sumBelow(10)).ok());
        assertTrue(new Verdict().check("a", 9, 36, 10, 45).problems().contains("lost 1"));
        assertTrue(new Verdict().check("a", 11, 50, 10, 45).problems().contains("duplicated"));
        // one lost and another duplicated: the count matches, the checksum does not
        assertTrue(new Verdict().check("a", 10, 46, 10, 45).problems().contains("checksum"));
    }
}
