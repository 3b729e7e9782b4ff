package io.ringbus.reliability;

import io.ringbus.ProducerMode;
import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.ShutdownReport;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.Threads;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static io.ringbus.reliability.FaultScenarios.BROKEN_POLICY;
import static io.ringbus.reliability.FaultScenarios.addFailures;
import static io.ringbus.reliability.FaultScenarios.assertNoProblems;
import static io.ringbus.reliability.FaultScenarios.join;
import static io.ringbus.reliability.FaultScenarios.requireCleanClose;
import static io.ringbus.reliability.FaultScenarios.requireNoThreads;
import static io.ringbus.reliability.FaultScenarios.start;
import static io.ringbus.reliability.FaultTableTest.HANG_MILLIS;
import static io.ringbus.reliability.FaultTableTest.bus;

/** Fault-table rows about stopping a bus: halt races, closes right after publishing, halts during a close, stuck handlers. */
final class ShutdownScenarios {
    private ShutdownScenarios() {
    }

    /**
     * halt() while 4 producers publish (in claim batches of 1-4): every thread, producers included, is gone within
     * 1 s, every producer got BusClosedException, and each stage delivered a gap-free prefix of each producer's
     * events, never more than the stages it runs after.
     */
    static void haltRace(int rounds, SplittableRandom rnd) throws InterruptedException {
        int[] capacities = {1, 4, 64, 1024};
        for (int round = 0; round < rounds; round++) {
            Wait wait = Wait.values()[round % 4];
            Shape shape = round % 8 < 4 ? Shape.DIAMOND : Shape.PIPELINE_3;
            int capacity = capacities[rnd.nextInt(capacities.length)];
            String name = "rft-halt" + round;
            RingBus<OracleEvent> bus = bus(name, capacity, ProducerMode.MULTI, wait, new RecordingPolicy());
            CheckedGraph graph = CheckedGraph.wire(bus, shape, 4);
            bus.start();
            TimedProducers tp = new TimedProducers(bus.publisher(), name, 4, Long.MAX_VALUE,
                    1 + rnd.nextInt(Math.min(capacity, 4)), TimedProducers.Stop.HALT);
            tp.goUntimed();
            LockSupport.parkNanos(rnd.nextLong(2_000_000));
            bus.halt();
            List<String> problems = new ArrayList<>();
            boolean terminated = bus.awaitTermination(1, TimeUnit.SECONDS);
            List<String> alive = Threads.awaitNoneAlive(name + "-", 1000); // stage and producer threads
            if (!terminated || !alive.isEmpty()) {
                problems.add("threads alive 1 s after halt(): " + alive + tp.dump());
            } else {
                for (int p = 0; p < 4; p++) {
                    if (!tp.closedOut(p)) {
                        problems.add("producer " + p + " stopped without BusClosedException");
                    }
                }
                problems.addAll(tp.failures());
                problems.addAll(graph.verifyPrefix(tp.published(), shape));
            }
            if (!problems.isEmpty()) {
                tp.join(HANG_MILLIS);
            }
            assertNoProblems("halt round " + round + " " + shape + " " + wait + " cap=" + capacity, problems);
        }
    }

    /** close() right after publishing fewer events than the capacity, often before the stage threads have started. */
    static void closeAfterFewEvents(int rounds, SplittableRandom rnd) {
        int[] capacities = {2, 4, 16, 64};
        Wait[] waits = {Wait.YIELD, Wait.PARK, Wait.BLOCKING, Wait.BUSY_SPIN};
        for (int round = 0; round < rounds; round++) {
            Shape shape = Shape.values()[round % Shape.values().length];
            Wait wait = waits[(round / Shape.values().length) % waits.length];
            int capacity = capacities[rnd.nextInt(capacities.length)];
            int events = rnd.nextInt(capacity);
            String name = "rft-close" + round;
            RecordingPolicy policy = new RecordingPolicy();
            RingBus<OracleEvent> bus = bus(name, capacity, ProducerMode.SINGLE, wait, policy);
            CheckedGraph graph = CheckedGraph.wire(bus, shape, 1);
            bus.start();
            Publisher<OracleEvent> publisher = bus.publisher();
            TimedProducers.Next next = new TimedProducers.Next(0);
            for (; next.seq < events; next.seq++) {
                publisher.publishEvent(TimedProducers.FILL, next);
            }
            ShutdownReport report = bus.close(HANG_MILLIS, TimeUnit.MILLISECONDS);
            List<String> problems = new ArrayList<>(graph.verifyExactlyOnce(new long[] {events}));
            requireCleanClose(report, name, problems);
            if (report.lastSequence() != events - 1) {
                problems.add("report's last sequence " + report.lastSequence() + ", published " + events);
            }
            policy.failures().forEach(f -> problems.add("handler failed: " + f));
            assertNoProblems("close round " + round + " " + shape + " " + wait + " cap=" + capacity
                    + " events=" + events, problems);
        }
    }

    /** A policy halts the bus while close() is draining: close returns at once, and does not call it a timeout. */
    static void policyThrowsDuringClose() throws InterruptedException {
        String name = "rft-policy-close";
        Gate gate = new Gate();
        RingBus<OracleEvent> bus = bus(name, 16, ProducerMode.SINGLE, Wait.BLOCKING, new RecordingPolicy());
        CheckedGraph graph = new CheckedGraph(1);
        MarkingChecker victim = new MarkingChecker(1) {
            @Override
            public void onEvent(OracleEvent event, long sequence, boolean endOfBatch) {
                super.onEvent(event, sequence, endOfBatch);
                if (sequence == 5) {
                    gate.pass();
                    throw new IllegalStateException("injected handler failure at 5");
                }
            }
        };
        bus.handleEventsWith(graph.stage("victim", victim).exceptionPolicy(BROKEN_POLICY));
        bus.start();
        TimedProducers.Next next = new TimedProducers.Next(0);
        for (; next.seq < 10; next.seq++) {
            bus.publisher().publishEvent(TimedProducers.FILL, next);
        }
        List<String> problems = new ArrayList<>();
        if (!gate.awaitArrival(HANG_MILLIS)) {
            problems.add("the victim never reached sequence 5");
        }
        AtomicReference<ShutdownReport> report = new AtomicReference<>();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Thread closer = start(name + "-closer", failures, () -> report.set(bus.close(30, TimeUnit.SECONDS)));
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HANG_MILLIS);
        while (!bus.isStopped() && System.nanoTime() - end < 0) {
            LockSupport.parkNanos(100_000); // until close() has begun
        }
        gate.open();
        join(closer, bus, problems);
        addFailures(failures, problems);
        ShutdownReport r = report.get();
        if (r != null && (r.drained() || r.timedOut() || r.took().toMillis() >= 30_000)) {
            problems.add("the policy halted the bus early in a 30 s close; expected drained=false, timedOut=false,"
                    + " an early return; got " + r + " (timedOut=" + r.timedOut() + ")");
        }
        requireNoThreads(name, problems);
        assertNoProblems("policy throws during close", problems);
    }

    /** A handler that never returns: close(timeout) returns, names the stuck stage, and blocked producers are freed. */
    static void stuckHandler() throws InterruptedException {
        String name = "rft-stuck";
        Gate gate = new Gate();
        RingBus<OracleEvent> bus = bus(name, 4, ProducerMode.MULTI, Wait.BLOCKING, new RecordingPolicy());
        CheckedGraph graph = new CheckedGraph(2);
        bus.handleEventsWith(graph.stage("stuck", new MarkingChecker(2) {
            @Override
            public void onEvent(OracleEvent event, long sequence, boolean endOfBatch) {
                super.onEvent(event, sequence, endOfBatch);
                if (sequence == 3) {
                    gate.pass(); // ignores the interrupt a timed-out close sends
                }
            }
        }), graph.stage("fine", new MarkingChecker(2)));
        bus.start();
        TimedProducers tp = new TimedProducers(bus.publisher(), name, 2, Long.MAX_VALUE, 1, TimedProducers.Stop.HALT);
        tp.goUntimed();
        List<String> problems = new ArrayList<>();
        try {
            if (!gate.awaitArrival(HANG_MILLIS)) {
                problems.add("the handler never reached sequence 3");
            }
            ShutdownReport report = bus.close(300, TimeUnit.MILLISECONDS);
            if (!report.timedOut() || report.drained() || !report.stuckStages().equals(List.of("stuck"))
                    || report.took().toMillis() > 300 + HANG_MILLIS) {
                problems.add("expected a timed-out, undrained report naming only 'stuck'; got " + report);
            }
            List<String> blocked = tp.join(HANG_MILLIS);
            if (!blocked.isEmpty() || !tp.closedOut(0) || !tp.closedOut(1)) {
                problems.add("producers blocked behind the stuck stage were not released with BusClosedException: "
                        + blocked + tp.failures() + tp.dump());
            }
        } finally {
            gate.open();
        }
        requireNoThreads(name, problems); // the stuck thread leaves once the gate opens
        problems.addAll(graph.verifyPrefix(tp.published(), Shape.MULTICAST_3));
        assertNoProblems("stuck handler", problems);
    }
}
