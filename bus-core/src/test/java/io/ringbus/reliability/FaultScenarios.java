package io.ringbus.reliability;

import io.ringbus.ExceptionPolicy;
import io.ringbus.ProducerMode;
import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.ShutdownReport;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.Threads;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static io.ringbus.reliability.FaultTableTest.HANG_MILLIS;
import static io.ringbus.reliability.FaultTableTest.SEEDED;
import static io.ringbus.reliability.FaultTableTest.bus;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The longer fault-table rows, and the checks they share. Each scenario collects every problem it finds and
 * fails once, with all of them and the seed.
 */
final class FaultScenarios {
    /** An exception policy that is itself broken. */
    static final ExceptionPolicy<OracleEvent> BROKEN_POLICY = (error, sequence, event, stage, attempt) -> {
        throw new IllegalStateException("the exception policy is broken");
    };

    private FaultScenarios() {
    }

    /** Runs producers to their event count; fails loudly if they hang or throw. Returns what each published. */
    static long[] publishAll(RingBus<OracleEvent> bus, String name, int producers, long events)
            throws InterruptedException {
        TimedProducers tp = new TimedProducers(bus.publisher(), name, producers, events, 1, TimedProducers.Stop.NONE);
        tp.goUntimed();
        List<String> running = tp.join(HANG_MILLIS);
        if (!running.isEmpty()) {
            String dump = tp.dump();
            bus.halt();
            fail("producers " + running + " hung; stats " + bus.stats() + dump + SEEDED);
        }
        assertNoProblems("producers", tp.failures());
        return tp.published();
    }

    static void requireCleanClose(ShutdownReport report, String busName, List<String> problems) {
        if (!report.drained() || report.timedOut() || !report.stuckStages().isEmpty()) {
            problems.add("close did not drain cleanly: " + report);
        }
        requireNoThreads(busName, problems);
    }

    static void requireNoThreads(String busName, List<String> problems) {
        List<String> alive = Threads.awaitNoneAlive(busName + "-", 2000);
        if (!alive.isEmpty()) {
            problems.add("threads still alive: " + alive);
        }
    }

    static void assertNoProblems(String scenario, List<String> problems) {
        if (!problems.isEmpty()) {
            fail(scenario + ": " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems) + "\n" + SEEDED);
        }
    }

    /** Starts a named daemon thread; what it throws lands in {@code failures}. */
    static Thread start(String name, Queue<Throwable> failures, ThrowingRunnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failures.add(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** A thread body that may throw. */
    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    static void join(Thread t, RingBus<OracleEvent> bus, List<String> problems) throws InterruptedException {
        t.join(HANG_MILLIS);
        if (t.isAlive()) {
            StringBuilder stack = new StringBuilder();
            for (StackTraceElement e : t.getStackTrace()) {
                stack.append("\n      at ").append(e);
            }
            bus.halt();
            problems.add(t.getName() + " still running after " + HANG_MILLIS + " ms (hang)" + stack);
        }
    }

    static void addFailures(Queue<Throwable> failures, List<String> problems) {
        failures.forEach(t -> problems.add("thread failed: " + Stacks.of(t)));
    }

    /** 1 ms per event at capacity 4: producers block at the bound, never lap the slow stage, lose nothing. */
    static void slowStage(ProducerMode mode) throws InterruptedException {
        int producers = mode == ProducerMode.SINGLE ? 1 : 2;
        int capacity = 4;
        long events = mode == ProducerMode.SINGLE ? 100 : 60;
        String name = "rft-slow-" + mode;
        RecordingPolicy policy = new RecordingPolicy();
        RingBus<OracleEvent> bus = bus(name, capacity, mode, Wait.PARK, policy);
        CheckedGraph graph = new CheckedGraph(producers);
        SlowChecker slow = new SlowChecker(producers);
        bus.handleEventsWith(graph.stage("fast", new MarkingChecker(producers)), graph.stage("slow", slow));
        bus.start();
        Publisher<OracleEvent> publisher = bus.publisher();
        Queue<String> lapped = new ConcurrentLinkedQueue<>();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            threads.add(start(name + "-producer-" + p, failures, () -> {
                for (long i = 0; i < events; i++) {
                    long s = publisher.claim();
                    long finished = slow.finished();
                    if (s - capacity > finished) {
                        lapped.add("claimed " + s + " while the slow stage had finished only " + finished);
                    }
                    publisher.get(s).fill(id, i);
                    publisher.publish(s);
                }
            }));
        }
        List<String> problems = new ArrayList<>();
        for (Thread t : threads) {
            join(t, bus, problems);
        }
        addFailures(failures, problems);
        problems.addAll(lapped);
        ShutdownReport report = bus.close(HANG_MILLIS, TimeUnit.MILLISECONDS);
        long[] published = new long[producers];
        java.util.Arrays.fill(published, events);
        problems.addAll(graph.verifyExactlyOnce(published));
        requireCleanClose(report, name, problems);
        policy.failures().forEach(f -> problems.add("handler failed: " + f));
        if (bus.producerStallNanos() <= 0) {
            problems.add("producers never waited, although " + producers * events + " events passed a 1 ms stage"
                    + " through " + capacity + " slots");
        }
        assertNoProblems("slow stage, " + mode, problems);
    }

    /** A broadcast checker that takes 1 ms per event and checks that its slot did not change meanwhile. */
    private static final class SlowChecker extends MarkingChecker {
        private volatile long finished = -1;

        SlowChecker(int producers) {
            super(producers);
        }

        @Override
        public void onEvent(OracleEvent event, long sequence, boolean endOfBatch) {
            super.onEvent(event, sequence, endOfBatch);
            int producer = event.producer;
            long producerSeq = event.producerSeq;
            long checksum = event.checksum;
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            if (event.producer != producer || event.producerSeq != producerSeq || event.checksum != checksum) {
                throw new IllegalStateException("slot " + sequence + " was overwritten while the stage read it: "
                        + producer + "/" + producerSeq + " became " + event);
            }
            finished = sequence;
        }

        long finished() {
            return finished;
        }
    }

    /**
     * A plain claim() on a full ring is not interruptible: it keeps waiting, keeps the interrupt status, and
     * returns a real sequence once there is room; nothing is left claimed but unpublished.
     */
    static void interruptBlockedProducer(ProducerMode mode, Wait wait) throws InterruptedException {
        String name = "rft-intr-" + mode + "-" + wait;
        int capacity = 2;
        long events = 10;
        Gate gate = new Gate();
        RecordingPolicy policy = new RecordingPolicy();
        RingBus<OracleEvent> bus = bus(name, capacity, mode, wait, policy);
        CheckedGraph graph = new CheckedGraph(1);
        bus.handleEventsWith(graph.stage("a", new MarkingChecker(1) {
            @Override
            public void onEvent(OracleEvent event, long sequence, boolean endOfBatch) {
                if (sequence == 0) {
                    gate.pass(); // holds slot 0, so the claim of sequence 'capacity' finds the ring full
                }
                super.onEvent(event, sequence, endOfBatch);
            }
        }));
        bus.start();
        Publisher<OracleEvent> publisher = bus.publisher();
        AtomicLong claimsReturned = new AtomicLong();
        AtomicBoolean statusKept = new AtomicBoolean();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Thread producer = start(name + "-producer-0", failures, () -> {
            for (long i = 0; i < events; i++) {
                long s = publisher.claim();
                if (i == capacity) {
                    statusKept.set(Thread.interrupted()); // read and clear: the rest of the run is ordinary
                }
                claimsReturned.incrementAndGet();
                publisher.get(s).fill(0, i);
                publisher.publish(s);
            }
        });
        List<String> problems = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HANG_MILLIS);
        while ((claimsReturned.get() < capacity || !gate.awaitArrival(0)) && System.nanoTime() - end < 0) {
            LockSupport.parkNanos(100_000);
        }
        TimeUnit.MILLISECONDS.sleep(20); // let the claim settle into its wait; correctness does not depend on it
        producer.interrupt();
        TimeUnit.MILLISECONDS.sleep(50);
        if (claimsReturned.get() != capacity) {
            problems.add("after the interrupt " + claimsReturned.get() + " claims had returned, but the ring was full"
                    + " after " + capacity);
        }
        gate.open();
        join(producer, bus, problems);
        addFailures(failures, problems);
        if (!statusKept.get()) {
            problems.add("the interrupt status was not kept by the blocked claim()");
        }
        ShutdownReport report = bus.close(HANG_MILLIS, TimeUnit.MILLISECONDS);
        problems.addAll(graph.verifyExactlyOnce(new long[] {events}));
        requireCleanClose(report, name, problems);
        policy.failures().forEach(f -> problems.add("handler failed: " + f));
        assertNoProblems("interrupted producer, " + mode + " " + wait, problems);
    }
}
