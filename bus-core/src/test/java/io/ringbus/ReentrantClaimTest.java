package io.ringbus;

import io.ringbus.testkit.Bounded;
import io.ringbus.testkit.Threads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stage that claims on its own bus while the ring is full waits for its own progress, which cannot move
 * until it returns. The claim fails at once with an IllegalStateException naming the stage instead of hanging.
 */
class ReentrantClaimTest {
    private static final int CAPACITY = 4;

    static final class Gen {
        int generation;
    }

    private interface Claim {
        long claim(Publisher<Gen> p);
    }

    /** The stage publishes CAPACITY generation-0 events itself (so it is the only producer), then republishes each. */
    private static RingBus<Gen> bus(String name, ProducerMode mode, List<Throwable> failures, Claim claim) {
        RingBus<Gen> bus = RingBus.builder(Gen::new).name(name).capacity(CAPACITY).producerMode(mode)
                .shutdownTimeout(Duration.ofSeconds(2))
                .exceptionPolicy(ExceptionPolicy.callback((e, s, ev, st) -> failures.add(e))).build();
        Publisher<Gen> p = bus.publisher();
        bus.handleEventsWith(StageSpec.<Gen>of(new EventHandler<>() {
            @Override
            public void onStart() {
                for (int i = 0; i < CAPACITY; i++) {
                    long s = p.claim();
                    p.get(s).generation = 0;
                    p.publish(s);
                }
            }

            @Override
            public void onEvent(Gen event, long sequence, boolean endOfBatch) {
                if (event.generation == 0) {
                    long s = claim.claim(p);
                    p.get(s).generation = 1;
                    p.publish(s);
                }
            }
        }).named("echo"));
        return bus;
    }

    private static void assertSelfClaimFails(ProducerMode mode, String name, Claim claim, boolean addsFirst) {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        RingBus<Gen> bus = bus(name, mode, failures, claim);
        bus.start();
        try {
            Bounded.awaitTrue("the stage's claim on its own full ring to fail", Duration.ofSeconds(5),
                    () -> !failures.isEmpty());
            Throwable first = failures.get(0);
            assertInstanceOf(IllegalStateException.class, first, String.valueOf(first));
            assertFalse(first instanceof BusClosedException, String.valueOf(first));
            assertTrue(first.getMessage().contains("'echo'"), first.getMessage());
            assertTrue(first.getMessage().contains("its own progress"), first.getMessage());
            if (mode == ProducerMode.MULTI && addsFirst) {
                // the add already took a sequence whose slot can never be freed: the bus halts at once
                assertTrue(first.getMessage().contains("bus is halted"), first.getMessage());
                Bounded.awaitTrue("the bus to halt", Duration.ofSeconds(5), bus::isStopped);
            } else {
                // nothing was claimed: the stage goes on, and the bus drains
                assertTrue(first.getMessage().contains("nothing was claimed"), first.getMessage());
                assertFalse(bus.isStopped(), bus.toString());
            }
        } finally {
            ShutdownReport r = Bounded.call("close", Duration.ofSeconds(10), () -> bus.close(5, TimeUnit.SECONDS));
            assertFalse(r.timedOut(), r.toString());
        }
        assertEquals(List.of(), Threads.awaitNoneAlive(name + "-", 2000));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void claimOnOwnFullRingFailsNamingTheStage(ProducerMode mode) {
        assertSelfClaimFails(mode, "selfclaim-" + mode, Publisher::claim, mode == ProducerMode.MULTI);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void timedClaimOnOwnFullRingFailsNamingTheStage(ProducerMode mode) {
        assertSelfClaimFails(mode, "selftimed-" + mode, p -> p.claim(1, 30, TimeUnit.SECONDS), false);
    }

    /** tryClaim never waits: on a full ring it reports no room, and the stage can drop or defer the event. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void tryClaimOnOwnFullRingReportsNoRoom(ProducerMode mode) {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Long> results = new CopyOnWriteArrayList<>();
        RingBus<Gen> bus = bus("selftry-" + mode, mode, failures, p -> {
            long s = p.tryClaim();
            results.add(s);
            if (s < 0) {
                throw new IllegalStateException("no room");
            }
            return s;
        });
        bus.start();
        Bounded.awaitTrue("four republish attempts", Duration.ofSeconds(5), () -> results.size() >= CAPACITY);
        ShutdownReport r = Bounded.call("close", Duration.ofSeconds(10), () -> bus.close(5, TimeUnit.SECONDS));
        assertTrue(r.drained(), r.toString());
        assertEquals(List.of(Publisher.INSUFFICIENT_CAPACITY), results.subList(0, 1));
    }

    /** A poll handler claiming on its own full ring would wait for its own poller, just like a stage thread. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void pollHandlerClaimOnOwnFullRingFailsNamingThePoller(ProducerMode mode) {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        RingBus<Gen> bus = RingBus.builder(Gen::new).name("selfpoll-" + mode).capacity(CAPACITY).producerMode(mode)
                .exceptionPolicy(ExceptionPolicy.callback((e, s, ev, st) -> failures.add(e))).build();
        Poller<Gen> poller = bus.newPoller("agent");
        bus.start();
        // one bounded thread is producer and poller, as SINGLE mode requires
        ShutdownReport r = Bounded.call("poll with a republishing handler, then close", Duration.ofSeconds(10), () -> {
            Publisher<Gen> p = bus.publisher();
            for (int i = 0; i < CAPACITY; i++) {
                p.publish(p.claim());
            }
            poller.poll((e, s, end) -> p.publish(p.claim()), 1);
            poller.poll((e, s, end) -> { }, CAPACITY);
            return bus.close(5, TimeUnit.SECONDS);
        });
        assertFalse(r.timedOut(), r.toString());
        assertEquals(1, failures.size(), String.valueOf(failures));
        assertInstanceOf(IllegalStateException.class, failures.get(0));
        assertTrue(failures.get(0).getMessage().contains("'agent'"), failures.get(0).getMessage());
        assertEquals(mode == ProducerMode.SINGLE, r.drained(), r.toString()); // MULTI halted: its add took a sequence
    }

    /** A producer thread that is no stage may wait for room as before. */
    @Test
    void nonStageProducerStillWaitsForRoom() {
        RingBus<Gen> bus = RingBus.builder(Gen::new).name("selfclaim-outsider").capacity(CAPACITY)
                .producerMode(ProducerMode.MULTI).build();
        bus.handleEventsWith((e, s, end) -> Thread.sleep(1));
        bus.start();
        Bounded.run("publish past a lap", Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 4 * CAPACITY; i++) {
                long s = bus.publisher().claim();
                bus.publisher().publish(s);
            }
        });
        assertTrue(bus.close(5, TimeUnit.SECONDS).drained());
    }
}
