package io.ringbus.reliability;

import io.ringbus.BusClosedException;
import io.ringbus.ExceptionPolicy;
import io.ringbus.ProducerMode;
import io.ringbus.RingBus;
import io.ringbus.ShutdownReport;
import io.ringbus.StageStats;
import io.ringbus.WorkerPoolSpec;
import io.ringbus.reliability.MarkingChecker.Mark;
import io.ringbus.testkit.OracleEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * One test per row of the fault table in docs/reliability.md, named after its row, plus a handler that never
 * returns. The longer rows live in {@link FaultScenarios}, {@link ShutdownScenarios}, {@link PublishScenarios}
 * and {@link PingPong}.
 *
 * <p>Randomised rounds are seeded by {@code -Dringbus.fault.seed}; the seed is in every failure message.
 * {@code -Dringbus.fault.halt.rounds} (200) and {@code -Dringbus.fault.close.rounds} (1000) size the loops.
 */
class FaultTableTest {
    static final long SEED = Long.getLong("ringbus.fault.seed", System.nanoTime());
    static final String SEEDED = " [seed " + SEED + ": -Dringbus.fault.seed=" + SEED + "]";
    /** A hang detector, not a performance bound: far above anything a passing run needs. */
    static final long HANG_MILLIS = 10_000;
    private static final int HALT_ROUNDS = Integer.getInteger("ringbus.fault.halt.rounds", 200);
    private static final int CLOSE_ROUNDS = Integer.getInteger("ringbus.fault.close.rounds", 1000);

    static RingBus<OracleEvent> bus(String name, int capacity, ProducerMode mode, Wait wait,
                                    ExceptionPolicy<? super OracleEvent> policy) {
        return RingBus.builder(OracleEvent::new).capacity(capacity).producerMode(mode).waitStrategy(wait.create())
                .producerWaitStrategy(wait.create()).exceptionPolicy(policy).name(name).build();
    }

    @Test
    @DisplayName("handler throws RuntimeException or Error on every 7th event, in a diamond")
    void handlerThrowsOnEvery7thEventInADiamond() throws InterruptedException {
        int producers = 2;
        RecordingPolicy policy = new RecordingPolicy();
        RingBus<OracleEvent> bus = bus("rft-every7", 64, ProducerMode.MULTI, Wait.BLOCKING, policy);
        CheckedGraph graph = new CheckedGraph(producers);
        ThrowsEvery7th a = new ThrowsEvery7th(producers, Mark.A, false);
        ThrowsEvery7th b = new ThrowsEvery7th(producers, Mark.B, true);
        bus.handleEventsWith(graph.stage("a", a)).and(bus.handleEventsWith(graph.stage("b", b)))
                .then(graph.stage("j", new MarkingChecker(producers, List.of(Mark.A, Mark.B), null)).seesFailedEvents());
        bus.start(); // j opts in to failed events: it checks both marks, written before each throw, on every event
        long[] published = FaultScenarios.publishAll(bus, "rft-every7", producers, 3000);
        ShutdownReport report = bus.close(HANG_MILLIS, TimeUnit.MILLISECONDS);
        List<String> problems = new ArrayList<>(graph.verifyExactlyOnce(published)); // a and b saw every event too
        FaultScenarios.requireCleanClose(report, "rft-every7", problems);
        long expected = Arrays.stream(published).sum() / 7;
        for (ThrowsEvery7th thrower : List.of(a, b)) {
            String stage = thrower == a ? "a" : "b";
            List<String> given = policy.of(stage, "onEvent").stream().map(f -> ThrowsEvery7th.describe(f.sequence(),
                    f.producer(), f.producerSeq(), f.error()) + (f.intact() ? "" : " (torn)")).toList();
            if (given.size() != expected || !given.equals(thrower.thrown)) {
                problems.add("stage " + stage + ": the policy got " + given.size() + " failures, expected " + expected
                        + " matching what was thrown; first given " + given.stream().limit(3).toList() + ", first thrown "
                        + thrower.thrown.stream().limit(3).toList());
            }
            long counted = stats(bus, stage).failures();
            if (counted != expected) {
                problems.add("stage " + stage + ": stats count " + counted + " failures, expected " + expected);
            }
        }
        if (!policy.of("j", "onEvent").isEmpty()) {
            problems.add("the join stage's policy got failures it never threw: " + policy.of("j", "onEvent"));
        }
        FaultScenarios.assertNoProblems("every 7th event throws", problems);
    }

    @Test
    @DisplayName("the exception policy itself throws")
    void exceptionPolicyItselfThrows() throws InterruptedException {
        for (ProducerMode mode : ProducerMode.values()) {
            int producers = mode == ProducerMode.SINGLE ? 1 : 2;
            String name = "rft-policy-" + mode;
            RingBus<OracleEvent> bus = bus(name, 8, mode, Wait.PARK, new RecordingPolicy());
            CheckedGraph graph = new CheckedGraph(producers);
            MarkingChecker victim = new MarkingChecker(producers) {
                @Override
                public void onEvent(OracleEvent event, long sequence, boolean endOfBatch) {
                    super.onEvent(event, sequence, endOfBatch);
                    if (sequence == 50) {
                        throw new IllegalStateException("injected handler failure at 50");
                    }
                }
            };
            bus.handleEventsWith(graph.stage("victim", victim).exceptionPolicy(FaultScenarios.BROKEN_POLICY),
                    graph.stage("bystander", new MarkingChecker(producers)));
            bus.start();
            TimedProducers tp = new TimedProducers(bus.publisher(), name, producers, Long.MAX_VALUE, 1,
                    TimedProducers.Stop.HALT);
            tp.goUntimed();
            List<String> problems = new ArrayList<>();
            if (!bus.awaitTermination(HANG_MILLIS, TimeUnit.MILLISECONDS) || !bus.isStopped()) {
                problems.add("the bus did not halt when the policy threw: " + bus + " " + bus.stats());
            }
            List<String> blocked = tp.join(HANG_MILLIS);
            if (!blocked.isEmpty()) {
                problems.add("producers still blocked after the halt: " + blocked + tp.dump());
            }
            for (int p = 0; p < producers; p++) {
                if (!tp.closedOut(p)) {
                    problems.add("producer " + p + " did not get BusClosedException");
                }
            }
            problems.addAll(tp.failures());
            assertThrows(BusClosedException.class, () -> bus.publisher().claim(), "a claim after the halt");
            ShutdownReport report = bus.close(2, TimeUnit.SECONDS);
            if (report.timedOut() || report.took().toMillis() > 2_000 + HANG_MILLIS) {
                problems.add("close(2 s) on the halted bus: " + report);
            }
            if (victim.delivered(0) + (producers > 1 ? victim.delivered(1) : 0) != 51) {
                problems.add("the victim should have stopped right after sequence 50: " + bus.stats());
            }
            problems.addAll(graph.verifyPrefix(tp.published(), Shape.MULTICAST_3));
            FaultScenarios.requireNoThreads(name, problems);
            FaultScenarios.assertNoProblems("policy throws, " + mode, problems);
        }
    }

    @Test
    @DisplayName("the exception policy itself throws while close() drains")
    void exceptionPolicyThrowsDuringClose() throws InterruptedException {
        ShutdownScenarios.policyThrowsDuringClose();
    }

    @Test
    @DisplayName("onStart or onShutdown throws")
    void onStartOrOnShutdownThrows() throws InterruptedException {
        int producers = 2;
        String name = "rft-hooks";
        RecordingPolicy policy = new RecordingPolicy();
        RingBus<OracleEvent> bus = bus(name, 16, ProducerMode.MULTI, Wait.BLOCKING, ExceptionPolicy.logAndContinue());
        CheckedGraph graph = new CheckedGraph(producers);
        MarkingChecker startFails = new MarkingChecker(producers) {
            @Override
            public void onStart() {
                throw new IllegalStateException("injected onStart failure");
            }
        };
        MarkingChecker shutdownFails = new MarkingChecker(producers) {
            @Override
            public void onShutdown() {
                throw new InjectedError("injected onShutdown failure");
            }
        };
        MarkingChecker defaultPolicy = new MarkingChecker(producers) {
            @Override
            public void onStart() {
                throw new IllegalStateException("injected onStart failure, default policy");
            }
        };
        List<PoolRecorder> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            workers.add(new PoolRecorder(producers) {
                @Override
                public void onStart() {
                    throw new IllegalStateException("injected worker onStart failure");
                }

                @Override
                public void onShutdown() {
                    throw new InjectedError("injected worker onShutdown failure");
                }
            });
        }
        bus.handleEventsWith(graph.stage("start-fails", startFails).exceptionPolicy(policy),
                        graph.stage("shutdown-fails", shutdownFails).exceptionPolicy(policy),
                        graph.stage("default-policy", defaultPolicy))
                .thenWorkerPool(WorkerPoolSpec.<OracleEvent>of(graph.addWorkers(workers)).named("pool").exceptionPolicy(policy));
        bus.start();
        long[] published = FaultScenarios.publishAll(bus, name, producers, 2000);
        ShutdownReport report = bus.close(HANG_MILLIS, TimeUnit.MILLISECONDS);
        List<String> problems = new ArrayList<>(graph.verifyExactlyOnce(published));
        FaultScenarios.requireCleanClose(report, name, problems);
        requireCount(policy, "start-fails", "onStart", 1, problems);
        requireCount(policy, "start-fails", "onShutdown", 0, problems);
        requireCount(policy, "shutdown-fails", "onShutdown", 1, problems);
        requireCount(policy, "pool", "onStart", 3, problems);
        requireCount(policy, "pool", "onShutdown", 3, problems);
        if (policy.failures().size() != 8) {
            problems.add("unexpected failures routed: " + policy.failures());
        }
        long[] counted = {stats(bus, "start-fails").failures(), stats(bus, "shutdown-fails").failures(),
            stats(bus, "default-policy").failures(), stats(bus, "pool").failures()};
        if (!Arrays.equals(counted, new long[] {1, 1, 1, 6})) {
            problems.add("stats failure counts " + Arrays.toString(counted) + ", expected [1, 1, 1, 6]");
        }
        FaultScenarios.assertNoProblems("lifecycle hooks throw", problems);
    }

    @Test
    @DisplayName("slow stage (1 ms per event), capacity 4")
    void slowStageAtCapacity4() throws InterruptedException {
        for (ProducerMode mode : ProducerMode.values()) {
            FaultScenarios.slowStage(mode);
        }
    }

    @Test
    @DisplayName("producer interrupted while blocked on a full ring")
    void producerInterruptedWhileBlockedOnAFullRing() throws InterruptedException {
        for (ProducerMode mode : ProducerMode.values()) {
            for (Wait wait : Wait.values()) {
                FaultScenarios.interruptBlockedProducer(mode, wait);
            }
        }
    }

    @Test
    @DisplayName("halt() racing 4 publishers, 200 rounds")
    void haltRacing4Publishers200Rounds() throws InterruptedException {
        ShutdownScenarios.haltRace(HALT_ROUNDS, new SplittableRandom(SEED));
    }

    @Test
    @DisplayName("close() right after publishing fewer events than the capacity, 1000 rounds")
    void closeRightAfterPublishingFewerEventsThanCapacity1000Rounds() {
        ShutdownScenarios.closeAfterFewEvents(CLOSE_ROUNDS, new SplittableRandom(SEED + 1));
    }

    @Test
    @DisplayName("capacity 1 and 2")
    void capacity1And2() throws InterruptedException {
        for (int capacity : new int[] {1, 2}) {
            for (ProducerMode mode : ProducerMode.values()) {
                PublishScenarios.rawApiAtTinyCapacity(capacity, mode);
            }
            for (Shape shape : Shape.values()) {
                for (Cell cell : List.of(Cell.of(1, shape, Wait.BLOCKING, capacity), Cell.of(2, shape, Wait.YIELD, capacity),
                        Cell.of(4, shape, Wait.PARK, capacity))) {
                    CellRunner.run(cell, 100, 2_000, "rft-cap" + capacity + "s" + shape.ordinal() + "p" + cell.producers(),
                            "capacity " + capacity + ": ");
                }
            }
        }
    }

    @Test
    @DisplayName("translator throws on every 3rd event")
    void translatorThrowsOnEvery3rdEvent() throws InterruptedException {
        for (ProducerMode mode : ProducerMode.values()) {
            for (Shape shape : List.of(Shape.DIAMOND, Shape.POOL_3)) {
                PublishScenarios.flakyTranslator(mode, shape);
            }
        }
    }

    @Test
    @DisplayName("park or blocking ping-pong with long idle gaps")
    void parkOrBlockingPingPongWithLongIdleGaps() throws InterruptedException {
        PingPong.run(Wait.BLOCKING, new SplittableRandom(SEED + 2));
        PingPong.run(Wait.PARK, new SplittableRandom(SEED + 3));
    }

    @Test
    @DisplayName("a handler that never returns: close(timeout) reports the stuck stage")
    void handlerThatNeverReturns() throws InterruptedException {
        ShutdownScenarios.stuckHandler();
    }

    static StageStats stats(RingBus<OracleEvent> bus, String stage) {
        return bus.stats().stream().filter(s -> s.name().equals(stage)).findFirst()
                .orElseThrow(() -> new AssertionError("no stage " + stage + " in " + bus.stats()));
    }

    private static void requireCount(RecordingPolicy policy, String stage, String phase, int expected,
                                     List<String> problems) {
        List<RecordingPolicy.Failure> got = policy.of(stage, phase);
        if (got.size() != expected) {
            problems.add(stage + " " + phase + ": policy got " + got.size() + " failures, expected " + expected);
        }
    }

    /** Checks and marks every event like a MarkingChecker, then throws on every 7th sequence. */
    private static final class ThrowsEvery7th extends MarkingChecker {
        private final boolean throwsError;
        /** What was thrown, in order; read after the stage thread has exited. */
        final List<String> thrown = new ArrayList<>();

        ThrowsEvery7th(int producers, Mark writes, boolean throwsError) {
            super(producers, List.of(), writes);
            this.throwsError = throwsError;
        }

        @Override
        public void onEvent(OracleEvent event, long sequence, boolean endOfBatch) {
            super.onEvent(event, sequence, endOfBatch);
            if (sequence % 7 == 6) {
                RuntimeException exception = new IllegalStateException("injected at " + sequence);
                Throwable failure = throwsError ? new InjectedError("injected at " + sequence) : exception;
                thrown.add(describe(sequence, event.producer, event.producerSeq, failure));
                if (throwsError) {
                    throw (InjectedError) failure;
                }
                throw exception;
            }
        }

        static String describe(long sequence, int producer, long producerSeq, Throwable error) {
            return sequence + ":" + producer + "/" + producerSeq + ":" + error.getClass().getSimpleName() + ":"
                    + error.getMessage();
        }
    }
}
