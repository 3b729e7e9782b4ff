package io.ringbus.latency.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringbus.latency.HarnessMain;
import io.ringbus.latency.adapter.WaitMode;
import io.ringbus.latency.scenario.Case;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Options, defaults and bad input: a bad value names the option and the rule, and exits with 2. */
class CommandLineTest {

    record Outcome(int code, String out, String err) {
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HarnessMain.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--rate|5X|--rate",
        "--rate|0|--rate",
        "--rate|200M|--rate",
        "--events|-3|--events",
        "--capacity|1000|--capacity must be a power of two",
        "--capacity|0|--capacity must be a power of two",
        "--duration|soon|--duration",
        "--duration|10us|--duration must be at least 1ms",
        "--warmup|fast|--warmup",
        "--reps|0|--reps must be at least 1",
        "--reps|many|--reps",
        "--wait|spinny|--wait: unknown wait strategy 'spinny'",
        "--impl|kafka|--impl: unknown implementation 'kafka'",
        "--scenario|nope|--scenario: unknown scenario 'nope'",
        "--burst|0|--burst must be at least 1"})
    void badValueExitsWithUsageCodeAndNamesTheOption(String option, String value, String expected) {
        Outcome o = run(option, value);
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(expected), o.err());
    }

    @Test
    void unknownOptionIsUsageError() {
        Outcome o = run("--frobnicate");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--frobnicate"), o.err());
    }

    @Test
    void burstLargerThanTheRingIsRefused() {
        Outcome o = run("--scenario", "lat-burst", "--burst", "2048", "--capacity", "1024");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--burst 2048 must not exceed the ring capacity 1024"), o.err());
    }

    @Test
    void listAndHelpExitZero() {
        Outcome list = run("--list");
        assertEquals(0, list.code());
        assertTrue(list.out().contains("lat-pingpong") && list.out().contains("disruptor-single"), list.out());
        assertTrue(list.out().contains("tp-pool-1p2c") && list.out().contains("tp-pool-2p2c")
                && list.out().contains("2P -> pool of 2") && list.out().contains("ratios vs jctools-mpmc"), list.out());
        Outcome help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--rate"), help.out());
    }

    @ParameterizedTest
    @CsvSource({"500K,500000", "1M,1000000", "1.5M,1500000", "250000,250000", "2k,2000", "1G,1000000000"})
    void countsAcceptSuffixes(String text, long expected) {
        assertEquals(expected, Quantities.parseCount(text));
    }

    @ParameterizedTest
    @CsvSource({"10s,10000000000", "500ms,500000000", "2m,120000000000", "3,3000000000", "250us,250000",
        "7ns,7"})
    void durationsAcceptUnits(String text, long nanos) {
        assertEquals(nanos, Quantities.parseDurationNanos(text));
    }

    @Test
    void jvmArgsAreSplitOnWhitespace() {
        assertEquals(List.of("-Xmx1g", "-XX:+UseZGC"), HarnessCommand.splitJvmArgs("  -Xmx1g   -XX:+UseZGC "));
        assertEquals(List.of(), HarnessCommand.splitJvmArgs(" "));
        assertEquals(List.of(), HarnessCommand.splitJvmArgs(null));
    }

    @Test
    void versionComesFromTheManifestNotFromTheSource() {
        Outcome o = run("--version");
        assertEquals(0, o.code(), o.err());
        assertEquals("ringbus latency harness " + io.ringbus.latency.machine.Provenance.version(), o.out().trim());
    }

    @Test
    void fractionalCountIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Quantities.parseCount("1.5"));
    }

    @Test
    void defaultPlanIsTheThreeScenarioComparison() {
        List<Case> cases = Plan.build(new Plan.Options(null, null, null, null, null, null, null, 1_000_000_000L, 5, 100));
        assertEquals(List.of("tp-1p1c", "lat-pingpong", "lat-fixed-rate"),
                cases.stream().map(c -> c.scenario().name()).toList());
        assertTrue(cases.stream().allMatch(c -> c.impls().contains("disruptor-single")
                && c.impls().contains("ringbus-single")));
        assertEquals(65_536, cases.get(0).template().capacity());
    }

    @Test
    void poolComparisonDefaultsToYieldAndTheMultiConsumerQueues() {
        List<Case> cases = Plan.build(new Plan.Options(List.of("tp-pool-2p2c"), null, null, null, null, null, null,
                1_000_000_000L, 5, 100));
        assertEquals(1, cases.size());
        Case c = cases.get(0);
        assertEquals(WaitMode.YIELD, c.waitMode());
        assertEquals(List.of("ringbus-multi", "disruptor-multi", "jctools-mpmc", "agrona-m2m"), c.impls());
        assertEquals(List.of("jctools-mpmc"), c.scenario().defaults().references());
        assertEquals(2, c.scenario().busyThreads(WaitMode.YIELD));
        assertEquals(4, c.scenario().busyThreads(WaitMode.SPIN));
    }

    @Test
    void optionsOverrideDefaultsAndExpandWaits() {
        List<Case> cases = Plan.build(new Plan.Options(List.of("lat-pingpong"), List.of("volatile", "abq"),
                List.of("park", "busy-spin"), 256, null, 1_000_000L, 2_000_000L, 0, 3, 100));
        assertEquals(2, cases.size());
        assertEquals(WaitMode.PARK, cases.get(0).waitMode());
        assertEquals(WaitMode.SPIN, cases.get(1).waitMode());
        assertEquals(256, cases.get(1).template().capacity());
        assertEquals(1_000_000L, cases.get(1).template().rate());
        assertEquals(List.of("volatile", "abq"), cases.get(1).impls());
        assertEquals(3, cases.get(1).reps());
    }
}
