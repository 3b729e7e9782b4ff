package io.ringbus;

import io.ringbus.testkit.Bounded;
import io.ringbus.testkit.HoldGate;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.Threads;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** remainingCapacity() is an estimate, but always within [0, capacity], even with producers blocked on a full ring. */
class RemainingCapacityTest {
    private static final int CAPACITY = 4;

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void staysWithinBoundsWhileProducersAreBlocked(ProducerMode mode) throws Exception {
        String name = "remaining-" + mode;
        HoldGate gate = new HoldGate();
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(name).capacity(CAPACITY)
                .producerMode(mode).build();
        bus.handleEventsWith((e, s, end) -> {
            if (s == 0) {
                gate.hold();
            }
        });
        bus.start();
        Publisher<OracleEvent> p = bus.publisher();
        assertEquals(CAPACITY, p.remainingCapacity());
        int blocked = mode == ProducerMode.MULTI ? 2 : 1; // a SINGLE ring has one producer thread
        List<Thread> producers = new ArrayList<>();
        Runnable fillAndBlock = () -> {
            for (int i = 0; i < CAPACITY + 1; i++) {
                long s = p.claim();
                p.get(s).fill(0, i);
                p.publish(s);
            }
        };
        if (mode == ProducerMode.MULTI) {
            Bounded.run("fill", Duration.ofSeconds(5), () -> {
                for (int i = 0; i < CAPACITY; i++) {
                    long s = p.claim();
                    p.publish(s);
                }
            });
            gate.awaitEntered(5000);
            for (int i = 0; i < blocked; i++) {
                Thread t = new Thread(() -> p.publish(p.claim()), name + "-producer-" + i);
                t.setDaemon(true);
                producers.add(t);
                t.start();
            }
            Bounded.awaitTrue("both producers claimed", Duration.ofSeconds(5),
                    () -> bus.lastClaimedSequence() == CAPACITY + blocked - 1);
        } else {
            Thread t = new Thread(fillAndBlock, name + "-producer-0");
            t.setDaemon(true);
            producers.add(t);
            t.start();
            gate.awaitEntered(5000);
            Bounded.awaitTrue("the producer filled the ring", Duration.ofSeconds(5),
                    () -> bus.lastClaimedSequence() == CAPACITY - 1);
        }
        for (int i = 0; i < 1000; i++) {
            long r = p.remainingCapacity();
            assertTrue(r >= 0 && r <= CAPACITY, "remainingCapacity() = " + r);
        }
        gate.release();
        for (Thread t : producers) {
            t.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertTrue(bus.close(5, TimeUnit.SECONDS).drained());
        assertEquals(List.of(), Threads.awaitNoneAlive(name + "-", 2000));
        assertEquals(CAPACITY, p.remainingCapacity());
    }
}
