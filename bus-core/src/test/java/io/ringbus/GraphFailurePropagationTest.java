package io.ringbus;

import io.ringbus.testkit.Bounded;
import io.ringbus.testkit.OracleEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An event that a stage failed on (its handler threw and its policy went on) is skipped, and counted, by
 * every stage that runs after that stage, directly or not; stages beside it are unaffected, and a stage that
 * opts in sees it. A matcher must not match an order that the journal failed to write.
 */
class GraphFailurePropagationTest {
    private static final int EVENTS = 6;
    private static final long FAILS_ON = 2;

    /** Records the sequences it handles; throws on one of them. */
    static final class Recorder implements EventHandler<OracleEvent>, WorkHandler<OracleEvent> {
        final List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        final long failOn;

        Recorder(long failOn) {
            this.failOn = failOn;
        }

        Recorder() {
            this(-1);
        }

        @Override
        public void onEvent(OracleEvent event, long sequence, boolean endOfBatch) {
            onEvent(event, sequence);
        }

        @Override
        public void onEvent(OracleEvent event, long sequence) {
            if (sequence == failOn) {
                throw new IllegalStateException("injected failure at " + sequence);
            }
            seen.add(sequence);
        }

        @Override
        public void onStart() {
        }

        @Override
        public void onShutdown() {
        }
    }

    private static RingBus<OracleEvent> bus(String name, ProducerMode mode) {
        return RingBus.builder(OracleEvent::new).name(name + "-" + mode).capacity(8).producerMode(mode).build();
    }

    private static void publishAndClose(RingBus<OracleEvent> bus) {
        bus.start();
        for (int i = 0; i < EVENTS; i++) {
            bus.publisher().publishEvent((e, s, n) -> e.fill(0, n), (long) i);
        }
        ShutdownReport report = bus.close(10, TimeUnit.SECONDS);
        assertTrue(report.drained(), report.toString());
    }

    private static StageStats stats(RingBus<?> bus, String stage) {
        return bus.stats().stream().filter(s -> s.name().equals(stage)).findFirst().orElseThrow();
    }

    private static final List<Long> ALL = List.of(0L, 1L, 2L, 3L, 4L, 5L);
    private static final List<Long> ALL_BUT_FAILED = List.of(0L, 1L, 3L, 4L, 5L);

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void matcherSkipsAnOrderTheJournalFailedOn(ProducerMode mode) {
        RingBus<OracleEvent> bus = bus("diamond", mode);
        Recorder risk = new Recorder();
        Recorder journal = new Recorder(FAILS_ON);
        Recorder matcher = new Recorder();
        StageGroup<OracleEvent> r = bus.handleEventsWith(StageSpec.<OracleEvent>of(risk).named("risk"));
        StageGroup<OracleEvent> j = bus.handleEventsWith(StageSpec.<OracleEvent>of(journal).named("journal"));
        r.and(j).then(StageSpec.<OracleEvent>of(matcher).named("matcher"));
        publishAndClose(bus);

        assertEquals(ALL, risk.seen, "risk runs beside the journal, not after it");
        assertEquals(ALL_BUT_FAILED, journal.seen);
        assertEquals(ALL_BUT_FAILED, matcher.seen, "the matcher handled an order the journal failed on");
        assertEquals(1, stats(bus, "journal").failures());
        assertEquals(1, stats(bus, "matcher").skipped());
        assertEquals(0, stats(bus, "risk").skipped());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void aFailureStaysFailedDownAPipelineAndAnOptedInStageStillSeesIt(ProducerMode mode) {
        RingBus<OracleEvent> bus = bus("pipeline", mode);
        Recorder a = new Recorder(FAILS_ON);
        Recorder audit = new Recorder();
        Recorder b = new Recorder();
        Recorder c = new Recorder();
        bus.handleEventsWith(StageSpec.<OracleEvent>of(a).named("a"))
                .then(StageSpec.<OracleEvent>of(audit).named("audit").seesFailedEvents())
                .then(StageSpec.<OracleEvent>of(b).named("b"))
                .then(StageSpec.<OracleEvent>of(c).named("c"));
        publishAndClose(bus);

        assertEquals(ALL, audit.seen, "the opted-in stage sees the failed event");
        assertEquals(ALL_BUT_FAILED, b.seen);
        assertEquals(ALL_BUT_FAILED, c.seen, "a failure two stages up");
        assertEquals(0, stats(bus, "audit").skipped());
        assertEquals(1, stats(bus, "b").skipped());
        assertEquals(1, stats(bus, "c").skipped());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void poolsAndPollersAfterAFailedStageSkipItAndCountItOnce(ProducerMode mode) {
        RingBus<OracleEvent> bus = bus("pools", mode);
        Recorder a = new Recorder(FAILS_ON);
        List<Recorder> shared = List.of(new Recorder(), new Recorder());
        List<Recorder> keyed = List.of(new Recorder(), new Recorder(), new Recorder());
        StageGroup<OracleEvent> first = bus.handleEventsWith(StageSpec.<OracleEvent>of(a).named("a"));
        first.thenWorkerPool(WorkerPoolSpec.<OracleEvent>of(shared).named("shared"));
        first.thenWorkerPool(WorkerPoolSpec.<OracleEvent>of(keyed).named("keyed").partitionBy(e -> e.producerSeq));
        Poller<OracleEvent> poller = first.thenPoller("poller");
        List<Long> polled = new ArrayList<>();
        publishAndClose(busPolledBy(bus, poller, polled));

        List<Long> sharedSeen = new ArrayList<>();
        shared.forEach(w -> sharedSeen.addAll(w.seen));
        Collections.sort(sharedSeen);
        List<Long> keyedSeen = new ArrayList<>();
        keyed.forEach(w -> keyedSeen.addAll(w.seen));
        Collections.sort(keyedSeen);
        assertEquals(ALL_BUT_FAILED, sharedSeen);
        assertEquals(ALL_BUT_FAILED, keyedSeen);
        assertEquals(ALL_BUT_FAILED, polled);
        assertEquals(1, stats(bus, "shared").skipped());
        assertEquals(1, stats(bus, "keyed").skipped(), "counted once, not once per keyed worker");
        assertEquals(1, stats(bus, "poller").skipped());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void aStageAfterAPoolSkipsWhatAWorkerFailedOn(ProducerMode mode) {
        RingBus<OracleEvent> bus = bus("afterpool", mode);
        List<Recorder> workers = List.of(new Recorder(FAILS_ON), new Recorder(FAILS_ON));
        Recorder after = new Recorder();
        bus.handleEventsWithWorkerPool(WorkerPoolSpec.<OracleEvent>of(workers).named("pool"))
                .then(StageSpec.<OracleEvent>of(after).named("after"));
        publishAndClose(bus);

        assertEquals(ALL_BUT_FAILED, after.seen);
        assertEquals(1, stats(bus, "pool").failures());
        assertEquals(1, stats(bus, "after").skipped());
    }

    /** Drives the poller from a helper thread until the bus reports CLOSED, collecting what it handled. */
    private static RingBus<OracleEvent> busPolledBy(RingBus<OracleEvent> bus, Poller<OracleEvent> poller,
                                                    List<Long> polled) {
        Thread t = new Thread(() -> {
            while (poller.poll((e, s, end) -> polled.add(s), 16) != PollState.CLOSED) {
                Thread.onSpinWait();
            }
        }, bus.name() + "-polling");
        t.setDaemon(true);
        t.start();
        Bounded.awaitTrue("the polling thread to start", Duration.ofSeconds(5), t::isAlive);
        return bus;
    }
}
