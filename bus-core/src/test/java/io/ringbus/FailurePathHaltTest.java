package io.ringbus;

import io.ringbus.testkit.Bounded;
import io.ringbus.testkit.FaultyLoggerFinder;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.Threads;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever goes wrong while a failure is being handled (the policy rethrows the error it was given, logging
 * itself fails, the handler throws an Error), the bus halts and blocked producers are released: no consumer
 * dies or stops silently while producers wait for it.
 */
class FailurePathHaltTest {
    private static final int CAPACITY = 4;

    private static void publish(RingBus<OracleEvent> bus, long i) {
        long s = bus.publisher().claim();
        bus.publisher().get(s).fill(0, i);
        bus.publisher().publish(s);
    }

    /** Publishes until the bus refuses; the refusal must come, or the test fails as a hang. */
    private static void publishUntilRefused(RingBus<OracleEvent> bus) {
        Bounded.run("producer released by the halt", Duration.ofSeconds(10), () -> {
            assertThrows(BusClosedException.class, () -> {
                for (long i = 0; ; i++) {
                    publish(bus, i);
                }
            });
        });
    }

    @Test
    void pollerWhosePolicyRethrowsTheErrorHaltsTheBus() {
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name("rethrow-poller").capacity(CAPACITY)
                .exceptionPolicy((e, s, ev, st, a) -> {
                    throw (RuntimeException) e;
                }).build();
        Poller<OracleEvent> poller = bus.newPoller("p");
        bus.start();
        publish(bus, 0);
        IllegalStateException boom = new IllegalStateException("boom");
        PollState state = poller.poll((e, s, end) -> {
            throw boom;
        }, 8);
        assertTrue(state == PollState.PROCESSED || state == PollState.CLOSED, String.valueOf(state));
        assertTrue(bus.isStopped(), "the policy threw, so the bus must halt: " + bus);
        assertFalse(bus.close(5, TimeUnit.SECONDS).timedOut());
    }

    @Test
    void stageWhosePolicyRethrowsTheErrorHaltsAndReleasesProducers() {
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name("rethrow-stage").capacity(CAPACITY)
                .exceptionPolicy((e, s, ev, st, a) -> {
                    throw (RuntimeException) e;
                }).build();
        bus.handleEventsWith((e, s, end) -> {
            throw new IllegalStateException("boom");
        });
        bus.start();
        publishUntilRefused(bus);
        Bounded.awaitTrue("halted", Duration.ofSeconds(5), bus::isStopped);
        bus.close(5, TimeUnit.SECONDS);
        assertEquals(List.of(), Threads.awaitNoneAlive("rethrow-stage-", 2000));
    }

    @Test
    void outOfMemoryWhileLoggingStillHaltsTheBus() {
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name("oom-logging").capacity(CAPACITY).build();
        bus.handleEventsWith((e, s, end) -> {
            if (s == 0) {
                throw new IllegalStateException("fails on event 0");
            }
        });
        bus.start();
        FaultyLoggerFinder.startFailing();
        try {
            publish(bus, 0);
            Bounded.awaitTrue("halted", Duration.ofSeconds(5), bus::isStopped);
            publishUntilRefused(bus);
        } finally {
            FaultyLoggerFinder.stopFailing();
        }
        bus.close(5, TimeUnit.SECONDS);
        assertEquals(List.of(), Threads.awaitNoneAlive("oom-logging-", 2000));
    }

    /** The default policy halts on an error the JVM may not survive, instead of skipping the event. */
    @Test
    void defaultPolicyHaltsOnOutOfMemoryFromAHandler() {
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name("oom-handler").capacity(CAPACITY).build();
        bus.handleEventsWith((e, s, end) -> {
            if (s == 1) {
                throw new OutOfMemoryError("simulated");
            }
        });
        bus.start();
        publishUntilRefused(bus);
        assertTrue(bus.isStopped());
        ShutdownReport r = bus.close(5, TimeUnit.SECONDS);
        assertEquals(1, r.stages().get(0).sequence(), "the stage stops at the failed event: " + r);
        assertEquals(List.of(), Threads.awaitNoneAlive("oom-handler-", 2000));
    }

    /** A stack overflow is local to the event: the default policy logs, skips it and goes on. */
    @Test
    void defaultPolicyContinuesAfterStackOverflow() {
        AtomicLong handled = new AtomicLong();
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name("soe-handler").capacity(CAPACITY).build();
        bus.handleEventsWith((e, s, end) -> {
            if (s == 1) {
                throw new StackOverflowError("simulated");
            }
            handled.incrementAndGet();
        });
        bus.start();
        Bounded.run("publish", Duration.ofSeconds(10), () -> {
            for (long i = 0; i < 10; i++) {
                publish(bus, i);
            }
        });
        ShutdownReport r = bus.close(5, TimeUnit.SECONDS);
        assertTrue(r.drained(), r.toString());
        assertFalse(r.timedOut());
        assertEquals(9, handled.get());
        assertEquals(1, bus.stats().get(0).failures());
    }
}
