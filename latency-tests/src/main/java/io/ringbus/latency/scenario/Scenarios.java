package io.ringbus.latency.scenario;

import static io.ringbus.latency.adapter.WaitMode.BLOCKING;
import static io.ringbus.latency.adapter.WaitMode.PARK;
import static io.ringbus.latency.adapter.WaitMode.SPIN;
import static io.ringbus.latency.adapter.WaitMode.YIELD;

import io.ringbus.latency.adapter.Feature;
import io.ringbus.latency.adapter.Topology;
import io.ringbus.latency.aeron.AeronRoundTripScenario;
import io.ringbus.latency.aeron.AeronScenario;
import io.ringbus.latency.aeron.AeronThroughputScenario;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The fair suite (docs/benchmarks.md). Defaults follow the peers' own perf tests for ring size and wait
 * strategy; event counts and durations are shortened so the default run fits in three minutes (throughput
 * runs also stop after 2 s), and the command line restores the full sizes. On 2 cores, scenarios with 3 or
 * more threads default to yield.
 */
public final class Scenarios {
    /** What the harness runs with no arguments. */
    public static final List<String> DEFAULT_RUN = List.of("tp-1p1c", "lat-pingpong", "lat-fixed-rate");

    private static final Map<String, Scenario> ALL = new LinkedHashMap<>();
    private static final List<String> SPSC = List.of("ringbus-single", "disruptor-single", "jctools-spsc", "agrona-o2o");
    /**
     * The headline single-producer rows: ringbus as built by default (its claim carries the StoreLoad fence
     * that makes a racing close exact) and with producersStopBeforeClose (the Disruptor's own shutdown
     * contract, no fence), beside the Disruptor and the queues.
     */
    private static final List<String> SPSC_HEADLINE = List.of("ringbus-single", "ringbus-single-nofence",
            "disruptor-single", "jctools-spsc", "agrona-o2o");
    /** Multi-stage graphs: the Disruptor is the only peer with a graph; queues would need one per edge. */
    private static final List<String> GRAPH = List.of("ringbus-single", "ringbus-single-nofence", "disruptor-single");
    private static final List<String> MPSC = List.of("ringbus-multi", "disruptor-multi", "jctools-mpsc", "agrona-m2o");
    /** The Disruptor 4.0 has no worker pool: it is listed so its skip note prints, and ratios go to JCTools. */
    private static final List<String> POOL_1P = List.of("ringbus-single", "disruptor-single", "jctools-spmc",
            "jctools-mpmc", "agrona-m2m");
    private static final List<String> POOL_MP = List.of("ringbus-multi", "disruptor-multi", "jctools-mpmc",
            "agrona-m2m");
    private static final List<String> POOL_REFERENCE = List.of("jctools-mpmc");
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    static {
        add(new ThroughputScenario("tp-1p1c", "1P-1C unicast throughput", Topology.unicast(1), false,
                new ScenarioDefaults(65_536, List.of(SPIN), 20_000_000, 0, 2 * SECOND, SPSC_HEADLINE)));
        add(new ThroughputScenario("tp-1p1c-yield", "1P-1C unicast throughput, yielding waits",
                Topology.unicast(1), false,
                new ScenarioDefaults(65_536, List.of(YIELD), 20_000_000, 0, 2 * SECOND, SPSC_HEADLINE)));
        add(new ThroughputScenario("tp-1p1c-multi", "1P-1C throughput through a multi-producer ring",
                Topology.unicast(1), false, new ScenarioDefaults(65_536, List.of(SPIN), 20_000_000, 0, 2 * SECOND,
                List.of("ringbus-multi", "disruptor-multi", "disruptor-single"))));
        add(new ThroughputScenario("tp-1p1c-batch", "1P-1C throughput, claiming 10 slots per call",
                Topology.unicast(1), true, new ScenarioDefaults(65_536, List.of(SPIN), 20_000_000, 0, 2 * SECOND,
                List.of("ringbus-single", "ringbus-single-nofence", "disruptor-single"))));
        add(new ThroughputScenario("tp-1p1c-translator-batch",
                "1P-1C throughput, publishing 10 events per call through a batch translator (publishEvents)",
                Topology.unicast(1), Feature.BATCH_TRANSLATOR,
                new ScenarioDefaults(65_536, List.of(SPIN), 20_000_000, 0, 2 * SECOND, List.of("ringbus-single",
                        "ringbus-single-nofence", "disruptor-single"))));
        add(new ThroughputScenario("tp-2p1c", "2P-1C multi-producer throughput", Topology.unicast(2), false,
                new ScenarioDefaults(65_536, List.of(YIELD), 20_000_000, 0, 2 * SECOND, MPSC)));
        add(new ThroughputScenario("tp-1p3c", "1P-3C multicast throughput (every consumer sees every event)",
                Topology.multicast(3), false,
                new ScenarioDefaults(8_192, List.of(YIELD), 10_000_000, 0, 2 * SECOND, GRAPH)));
        add(new ThroughputScenario("tp-pipeline", "3-stage pipeline throughput", Topology.pipeline(3), false,
                new ScenarioDefaults(8_192, List.of(YIELD), 10_000_000, 0, 2 * SECOND, GRAPH)));
        add(new ThroughputScenario("tp-diamond", "diamond throughput: 2 parallel stages, then a join",
                Topology.diamond(), false,
                new ScenarioDefaults(8_192, List.of(YIELD), 10_000_000, 0, 2 * SECOND, GRAPH)));
        // 2 workers and 1-2 producers: 3-4 threads on 2 cores, so yield (spinning them would starve).
        add(new ThroughputScenario("tp-pool-1p2c", "worker pool: 1 producer, 2 workers, each event handled by "
                + "exactly one", Topology.pool(1, 2), false,
                new ScenarioDefaults(8_192, List.of(YIELD), 10_000_000, 0, 2 * SECOND, POOL_1P, POOL_REFERENCE)));
        add(new ThroughputScenario("tp-pool-2p2c", "worker pool: 2 producers, 2 workers, each event handled by "
                + "exactly one", Topology.pool(2, 2), false,
                new ScenarioDefaults(8_192, List.of(YIELD), 10_000_000, 0, 2 * SECOND, POOL_MP, POOL_REFERENCE)));
        add(new PingPongScenario(new ScenarioDefaults(1_024, List.of(SPIN), 0, 100_000, SECOND,
                List.of("volatile", "ringbus-single", "ringbus-single-nofence", "disruptor-single", "jctools-spsc",
                        "agrona-o2o"))));
        add(new BurstScenario("lat-burst", 1,
                new ScenarioDefaults(1_024, List.of(SPIN), 0, 100_000, SECOND, SPSC)));
        add(new BurstScenario("lat-burst-2p", 2,
                new ScenarioDefaults(1_024, List.of(YIELD), 0, 100_000, SECOND, MPSC)));
        add(new FixedRateScenario("lat-fixed-rate", "1P-1C latency from the intended send time at a fixed rate",
                Topology.unicast(1), new ScenarioDefaults(65_536, List.of(SPIN), 0, 500_000, SECOND, SPSC_HEADLINE)));
        add(new FixedRateScenario("lat-pipeline", "3-stage pipeline latency per hop at a fixed rate",
                Topology.pipeline(3), new ScenarioDefaults(8_192, List.of(YIELD), 0, 100_000, SECOND, SPSC)));
        // Across processes over Aeron: 2 JVMs, 2 drivers (UDP) and 4 to 8 threads on 2 cores, so yield by default.
        List<String> aeron = List.of("ringbus-aeron", "ringbus-aeron-staged", "aeron-raw");
        add(new AeronRoundTripScenario(AeronScenario.Medium.IPC,
                new ScenarioDefaults(1_024, List.of(YIELD), 0, 10_000, SECOND, aeron, List.of("aeron-raw"))));
        add(new AeronRoundTripScenario(AeronScenario.Medium.UDP,
                new ScenarioDefaults(1_024, List.of(YIELD), 0, 10_000, SECOND, aeron, List.of("aeron-raw"))));
        add(new AeronThroughputScenario(AeronScenario.Medium.IPC,
                new ScenarioDefaults(65_536, List.of(YIELD), 5_000_000, 0, 10 * SECOND, aeron, List.of("aeron-raw"))));
        add(new AeronThroughputScenario(AeronScenario.Medium.UDP,
                new ScenarioDefaults(65_536, List.of(YIELD), 5_000_000, 0, 10 * SECOND, aeron, List.of("aeron-raw"))));
        List<String> idleImpls = List.of("ringbus-single", "disruptor-single", "jctools-spsc", "agrona-o2o", "abq");
        List<io.ringbus.latency.adapter.WaitMode> allWaits = List.of(SPIN, YIELD, PARK, BLOCKING);
        add(new IdleCpuScenario(false, new ScenarioDefaults(1_024, allWaits, 0, 0, 10 * SECOND, idleImpls)));
        add(new IdleCpuScenario(true, new ScenarioDefaults(1_024, allWaits, 0, 0, 10 * SECOND, idleImpls)));
    }

    private Scenarios() {
    }

    private static void add(Scenario s) {
        ALL.put(s.name(), s);
    }

    /** The scenario with this name, or null. */
    public static Scenario byName(String name) {
        return ALL.get(name);
    }

    public static List<Scenario> all() {
        return List.copyOf(ALL.values());
    }

    public static List<String> names() {
        return Collections.unmodifiableList(List.copyOf(ALL.keySet()));
    }
}
