package io.ringbus.examples;

import io.ringbus.examples.packet.PacketPipeline;
import io.ringbus.examples.trading.SplitTrading;
import io.ringbus.examples.trading.TradingPipeline;
import io.ringbus.wait.BlockingWaitStrategy;
import io.ringbus.wait.ParkingWaitStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every example with small arguments, each under a deadline, and checks what it reports: the counts
 * it must reach and the checks it must pass. Then runs each one's {@code main} through the launcher, which
 * throws if the example's own checks fail.
 */
class ExamplesTest {
    private static final Duration LIMIT = Duration.ofSeconds(15);
    /** Every thread an example starts is named after its bus or begins with one of these. */
    private static final List<String> THREAD_PREFIXES = List.of("unicast", "multicast", "pipeline", "diamond", "mpsc",
            "jobs", "keyed", "poller", "backpressure", "overflow", "abort", "trading", "packets", "ringbus-", "placement",
            "split-trading", "matcher", "gateway", "executions", "aeron-client");

    private static <T> T within(ThrowingSupplier<T> example) {
        return assertTimeoutPreemptively(LIMIT, example);
    }

    @AfterEach
    void noExampleThreadOutlivesItsRun() {
        List<String> alive = Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> THREAD_PREFIXES.stream().anyMatch(name::startsWith))
                .toList();
        assertEquals(List.of(), alive, "threads left running after the example returned");
    }

    @Test
    void quickStart() {
        QuickStartExample.Result r = within(() -> QuickStartExample.run(10_000));
        assertEquals(new QuickStartExample.Result(10_000, 10_000), r);
    }

    @Test
    void unicast() {
        UnicastExample.Result r = within(() -> UnicastExample.run(50_000));
        assertEquals(50_000, r.received());
        assertEquals(0, r.outOfOrder());
        assertEquals(r.expectedSum(), r.sum());
        assertTrue(r.ok(), r::toString);
    }

    @Test
    void multicast() {
        MulticastExample.Result r = within(() -> MulticastExample.run(50_000));
        assertEquals(List.of(50_000L, 50_000L, 50_000L), r.received());
        assertEquals(List.of(r.expectedFingerprint(), r.expectedFingerprint(), r.expectedFingerprint()),
                r.fingerprints());
        assertTrue(r.ok(), r::toString);
    }

    @Test
    void pipeline() {
        PipelineExample.Result r = within(() -> PipelineExample.run(50_000));
        assertEquals(50_000, r.settled());
        assertEquals(0, r.mismatches());
        assertTrue(r.ok(), r::toString);
    }

    @Test
    void diamondJoinSeesBothWrites() {
        DiamondExample.Result r = within(() -> DiamondExample.run(50_000));
        assertEquals(50_000, r.applied());
        assertEquals(0, r.missingJournal());
        assertEquals(0, r.missingReplica());
        assertTrue(r.ok(), r::toString);
    }

    @Test
    void multiProducerKeepsEachProducersOrder() {
        MultiProducerExample.Result r = within(() -> MultiProducerExample.run(20_000, 3));
        assertEquals(List.of(20_000L, 20_000L, 20_000L), r.receivedPerProducer());
        assertEquals(0, r.outOfOrder());
        assertTrue(r.ok(), r::toString);
    }

    @Test
    void workerPoolHandlesEachJobExactlyOnce() {
        WorkerPoolExample.Result r = within(() -> WorkerPoolExample.run(20_000, 3));
        assertEquals(40_000, r.published());
        assertEquals(40_000, r.handled());
        assertEquals(0, r.missing());
        assertEquals(0, r.duplicated());
        assertEquals(3, r.perWorker().size());
        assertEquals(40_000, r.perWorker().stream().mapToLong(Long::longValue).sum());
        assertTrue(r.ok(), r::toString);
    }

    @Test
    void keyPartitionedPoolKeepsPerKeyOrder() {
        KeyPartitionedPoolExample.Result r = within(() -> KeyPartitionedPoolExample.run(50_000, 3, 16));
        assertEquals(50_000, r.handled());
        assertEquals(0, r.outOfOrder());
        assertEquals(0, r.sharedAccounts());
        assertEquals(50_000, r.perWorker().stream().mapToLong(Long::longValue).sum());
        assertTrue(r.ok(), r::toString);
    }

    @Test
    void pollerOnAnAgronaAgent() {
        PollerExample.Result r = within(() -> PollerExample.run(50_000));
        assertEquals(50_000, r.handled());
        assertTrue(r.processedPolls() > 0);
        assertTrue(r.agentFinished(), "the agent must stop by itself on CLOSED");
        assertEquals(0, r.agentErrors());
        assertTrue(r.ok(), r::toString);
    }

    @Test
    void backPressure() {
        BackPressureExample.Result r = within(() -> BackPressureExample.run(200));
        assertEquals(8, r.accepted());
        assertEquals(1, r.rejectedByTryClaim());
        assertTrue(r.timedClaimTimedOut());
        assertTrue(r.failFastThrew());
        assertTrue(r.blockUpToThrew());
        assertEquals(208, r.published());
        assertEquals(208, r.delivered());
        assertTrue(r.stallNanos() > 0);
        assertTrue(r.ok(), r::toString);
    }

    @Test
    void abortedSlotsAreSkipped() {
        AbortExample.Result r = within(() -> AbortExample.run(10_000));
        assertTrue(r.translatorFailures() > 0);
        assertTrue(r.abortedByProducer() > 0);
        assertEquals(r.published(), r.received());
        assertEquals(0, r.tornEvents());
        assertEquals(0, r.abortedButDelivered());
        assertTrue(r.ok(), r::toString);
    }

    @Test
    void tradingPipelineFlatOut() {
        // 40,000 orders: the JVM's one-time allocations (a few KB) stay well under one byte per order
        TradingPipeline.Result r = within(() -> TradingPipeline.run(20_000, 0, new ParkingWaitStrategy()));
        assertEquals(40_000, r.orders());
        assertEquals(40_000, r.reported());
        assertEquals(0, r.missingAcks());
        assertEquals(0, r.duplicateAcks());
        assertEquals(0, r.diamondViolations());
        assertEquals(40_000, r.latency().getTotalCount());
        assertTrue(r.allocationChecked(), "allocation is measured and checked at this size");
        assertTrue(r.hotPathBytes() < r.orders(), () -> "allocates per order: " + r.hotPathBytes() + " bytes");
        assertTrue(r.ok(), r::toString);
    }

    @Test
    void tradingPipelinePacedWithBlockingWaits() {
        TradingPipeline.Result r = within(() -> TradingPipeline.run(10_000, 40_000, new BlockingWaitStrategy()));
        assertEquals(20_000, r.reported());
        assertEquals(r.approved(), r.matched());
        assertEquals(0, r.missingAcks());
        assertEquals(0, r.duplicateAcks());
        assertTrue(r.ok(), r::toString);
    }

    @Test
    void tradingPipelineExportsItsCounters(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        TradingPipeline.Result r = within(() -> TradingPipeline.run(2_000, 0, new ParkingWaitStrategy(), dir));
        assertTrue(r.ok(), r::toString);
        try (io.ringbus.stat.CountersReader reader =
                     io.ringbus.stat.CountersReader.open(dir.resolve("trading.counters"))) {
            io.ringbus.stat.CountersSnapshot s = reader.read();
            assertEquals(io.ringbus.stat.CountersSnapshot.State.CLOSED, s.state());
            assertEquals(List.of("journal", "risk", "matching", "reports"),
                    s.stages().stream().map(io.ringbus.stat.CountersSnapshot.Stage::name).toList());
            assertEquals(3_999, s.producer().claimed());
            s.stages().forEach(st -> assertEquals(3_999, st.sequence(), st::toString));
            assertEquals(4_000, s.stages().get(3).batches(), "the reports pool handled every order");
            assertEquals(2, s.stages().get(3).workers());
        }
    }

    @Test
    void placementHookSeesEveryStageThread() {
        PlacementExample.Result r = within(() -> PlacementExample.run(5_000));
        assertEquals(4, r.placements().size(), r.placements()::toString);
        assertTrue(r.placements().get(0).startsWith("placement-decode"), r.placements()::toString);
        assertTrue(r.placements().get(1).contains("pool       worker 0/2"), r.placements()::toString);
        assertTrue(r.placements().get(2).contains("pool       worker 1/2"), r.placements()::toString);
        assertTrue(r.ranOn().containsAll(List.of("placement-decode", "placement-enrich-0", "placement-enrich-1",
                "placement-publish")), r.ranOn()::toString);
        assertTrue(r.ok(5_000), r::toString);
    }

    @Test
    void splitTradingOverIpcReturnsEveryExecutionInOrder() {
        SplitTrading.Result r = within(() -> SplitTrading.runInProcess(10_000, 0));
        assertEquals(20_000, r.orders());
        assertEquals(20_000, r.sent());
        assertEquals(20_000, r.executions());
        assertEquals(20_000, r.filled() + r.rejected());
        assertEquals(0, r.outOfOrder());
        assertEquals(0, r.unmatched());
        assertEquals(0, r.decodeFailures());
        assertTrue(r.ok(), r::toString);
    }

    @Test
    void splitTradingMainsTalkUdpOnLoopback() throws Exception {
        String ordersPort = Integer.toString(freeUdpPort());
        String executionsPort = Integer.toString(freeUdpPort());
        AtomicReference<Throwable> matcherFailure = new AtomicReference<>();
        Thread matcher = new Thread(() -> {
            try {
                Examples.main(new String[] {"split-trading", "matcher", ordersPort, executionsPort, "20"});
            } catch (Throwable t) {
                matcherFailure.set(t);
            }
        }, "matcher-main");
        matcher.start();
        try {
            // the gateway's own checks throw if an execution is missing, duplicated or out of order
            assertTimeoutPreemptively(LIMIT, () -> Examples.main(
                    new String[] {"split-trading", "gateway", "5000", "0", ordersPort, executionsPort}));
        } finally {
            matcher.join(LIMIT.toMillis());
        }
        assertFalse(matcher.isAlive(), "the matcher stops once the gateway's stream ends");
        assertNull(matcherFailure.get(), () -> "matcher failed: " + matcherFailure.get());
    }

    private static int freeUdpPort() throws java.io.IOException {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }

    @Test
    void packetPipelineKeepsPerFlowOrder() {
        PacketPipeline.Result r = within(() -> PacketPipeline.run(100_000, 3));
        assertEquals(100_000, r.packets());
        assertEquals(100_000, r.counted());
        assertEquals(0, r.invalid());
        assertEquals(0, r.orderBreaks());
        assertEquals(0, r.unstamped());
        assertEquals(3, r.perWorker().size());
        assertEquals(100_000, r.perWorker().stream().mapToLong(Long::longValue).sum());
        assertTrue(r.ok(), r::toString);
    }

    static Stream<Arguments> mains() {
        return Stream.of(
                Arguments.of((Object) new String[] {"unicast", "10000"}),
                Arguments.of((Object) new String[] {"multicast", "10000"}),
                Arguments.of((Object) new String[] {"pipeline", "10000"}),
                Arguments.of((Object) new String[] {"diamond", "10000"}),
                Arguments.of((Object) new String[] {"multi-producer", "5000", "2"}),
                Arguments.of((Object) new String[] {"worker-pool", "5000", "2"}),
                Arguments.of((Object) new String[] {"key-partitioned", "10000", "2", "8"}),
                Arguments.of((Object) new String[] {"poller", "10000"}),
                Arguments.of((Object) new String[] {"back-pressure", "50"}),
                Arguments.of((Object) new String[] {"abort", "1000"}),
                Arguments.of((Object) new String[] {"trading", "2000", "0", "yield"}),
                Arguments.of((Object) new String[] {"packets", "20000", "2"}));
    }

    @ParameterizedTest
    @MethodSource("mains")
    void mainRunsAndItsChecksPass(String[] args) {
        // each main throws if one of its own checks fails
        assertTimeoutPreemptively(LIMIT, () -> Examples.main(args));
    }

    @Test
    void launcherListsExamplesAndRejectsUnknownNames() throws Exception {
        Examples.main(new String[0]);
        assertThrows(IllegalArgumentException.class, () -> Examples.main(new String[] {"no-such-example"}));
    }
}
