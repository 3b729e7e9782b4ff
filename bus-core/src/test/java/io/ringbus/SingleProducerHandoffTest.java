package io.ringbus;

import io.ringbus.testkit.Bounded;
import io.ringbus.testkit.LiveBus;
import io.ringbus.testkit.OracleEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SINGLE producer role: one thread claims at a time, and the role may pass to another thread when the
 * previous producer's last call happens-before the next one's first claim. A new thread that claims while
 * the previous producer still has an open claim is rejected, naming both threads.
 */
class SingleProducerHandoffTest {

    /** An executor hand-off (submit/get) is a happens-before edge both ways; the role passes and comes back. */
    @Test
    void roleMovesToAnExecutorThreadAndBack() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (LiveBus live = new LiveBus("handover", ProducerMode.SINGLE)) {
            live.assertStillDelivers();
            executor.submit(live::assertStillDelivers).get(10, TimeUnit.SECONDS);
            live.assertStillDelivers();
            executor.submit(live::assertStillDelivers).get(10, TimeUnit.SECONDS);
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * Two SINGLE buses in a ping-pong: the first ping comes from the test thread, every later one from the
     * pong bus's stage thread. Each hop is ordered by the bus it travels on, so each hand-off of ping's
     * producer role is a happens-before edge.
     */
    @Test
    void pingPongBetweenTwoSingleBusesStartedFromAnotherThread() throws Exception {
        int roundTrips = 1_000;
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong pongs = new AtomicLong();
        RingBus<OracleEvent> ping = RingBus.builder(OracleEvent::new).name("ping").capacity(8).build();
        RingBus<OracleEvent> pong = RingBus.builder(OracleEvent::new).name("pong").capacity(8).build();
        ping.handleEventsWith(StageSpec.<OracleEvent>of((e, s, end) ->
                pong.publisher().publishEvent((out, seq, n) -> out.fill(1, n), e.producerSeq)).named("echo"));
        pong.handleEventsWith(StageSpec.<OracleEvent>of((e, s, end) -> {
            if (pongs.incrementAndGet() == roundTrips) {
                done.countDown();
            } else {
                ping.publisher().publishEvent((out, seq, n) -> out.fill(0, n), e.producerSeq + 1);
            }
        }).named("pinger"));
        ping.start();
        pong.start();
        try {
            ping.publisher().publishEvent((out, seq, n) -> out.fill(0, n), 0L);
            assertTrue(done.await(10, TimeUnit.SECONDS), "ping-pong stopped after " + pongs.get() + " round trips");
            assertEquals(0, ping.stats().get(0).failures(), "echo failures");
            assertEquals(0, pong.stats().get(0).failures(), "pinger failures");
        } finally {
            ping.close();
            pong.close();
        }
    }

    /** A bootstrap event from the thread that built the bus, then a worker thread takes over for good. */
    @Test
    void bootstrapEventThenAWorkerTakesOver() throws Exception {
        try (LiveBus live = new LiveBus("bootstrap", ProducerMode.SINGLE)) {
            live.assertStillDelivers();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread worker = new Thread(() -> {
                try {
                    for (int i = 0; i < 100; i++) {
                        live.assertStillDelivers();
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "bootstrap-worker");
            worker.start(); // Thread.start is the hand-off
            worker.join(TimeUnit.SECONDS.toMillis(20));
            assertTrue(!worker.isAlive(), "worker still running");
            assertNull(failure.get(), () -> "the worker could not take over: " + failure.get());
            live.assertStillDelivers(); // join hands the role back
        }
    }

    /** A second thread claiming while the producer holds an open claim is misuse, and is rejected at once. */
    @Test
    void claimWhileThePreviousProducerHasAnOpenClaimIsRejected() {
        try (LiveBus live = new LiveBus("openclaim", ProducerMode.SINGLE)) {
            live.assertStillDelivers();
            long open = live.publisher().claim();
            live.fill(open);
            Throwable thrown = Bounded.call("claim from a second thread", Duration.ofSeconds(10), () -> {
                try {
                    long seq = live.publisher().claim();
                    return new AssertionError("second thread was given sequence " + seq);
                } catch (Throwable t) {
                    return t;
                }
            });
            assertTrue(thrown instanceof IllegalStateException && !(thrown instanceof BusClosedException),
                    "expected IllegalStateException, got " + thrown);
            String message = thrown.getMessage();
            assertTrue(message.contains("bounded-claim from a second thread") && message.contains(Thread.currentThread().getName())
                    && message.contains("open claim"), message);
            assertEquals(open, live.bus.lastClaimedSequence(), "the rejected claim claimed something");
            live.publisher().publish(open); // the rightful producer is unaffected
            live.assertStillDelivers();
        }
    }

    /** Strict mode detects a second thread even between the first one's claims, and passes the role safely. */
    @Test
    void strictModeRejectsEveryOverlapAndAllowsHandOff() throws Exception {
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name("strict").capacity(8)
                .strictSingleProducer(true).build();
        List<Long> seen = new CopyOnWriteArrayList<>();
        bus.handleEventsWith((e, s, end) -> seen.add(s));
        bus.start();
        try {
            Publisher<OracleEvent> p = bus.publisher();
            long first = p.claim(2);
            Throwable thrown = Bounded.call("strict claim from a second thread", Duration.ofSeconds(10), () -> {
                try {
                    return new AssertionError("second thread was given sequence " + p.claim());
                } catch (Throwable t) {
                    return t;
                }
            });
            assertTrue(thrown instanceof IllegalStateException, "expected IllegalStateException, got " + thrown);
            p.publish(first, first + 1);
            AtomicInteger handedOff = new AtomicInteger();
            Bounded.run("strict hand-off", Duration.ofSeconds(10), () -> {
                p.publish(p.claim());
                handedOff.incrementAndGet();
            });
            assertEquals(1, handedOff.get());
            p.publish(p.claim());
            Bounded.awaitTrue("4 events delivered", Duration.ofSeconds(10), () -> seen.size() == 4);
            assertEquals(List.of(0L, 1L, 2L, 3L), seen);
        } finally {
            bus.close();
        }
    }

    @Test
    void strictModeIsRejectedForMultiProducers() {
        RingBusBuilder<OracleEvent> builder = RingBus.builder(OracleEvent::new).producerMode(ProducerMode.MULTI)
                .strictSingleProducer(true);
        IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);
        assertTrue(e.getMessage().contains("strictSingleProducer") && e.getMessage().contains("SINGLE"), e.getMessage());
    }
}
