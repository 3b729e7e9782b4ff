package io.ringbus;

import io.ringbus.testkit.AsyncCall;
import io.ringbus.testkit.Deadline;
import io.ringbus.testkit.HoldGate;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.wait.ParkingWaitStrategy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A producer blocked on a full ring when {@code close()} begins: its claim must either throw
 * {@link BusClosedException} with nothing claimed, or complete and be delivered (the package contract). Here
 * room appears during the close: the stage drains, then its {@code onShutdown} (say, a flush) keeps the close
 * busy. The producer parks in long periods, as a ParkingWaitStrategy with a large cap does, so it wakes to find
 * room after the close has begun.
 */
@Deadline(seconds = 60)
class CloseUnderBackPressureTest {
    private static final int CAPACITY = 4;
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long BOUND_MILLIS = 20_000;
    private static final AtomicInteger RUNS = new AtomicInteger();

    static Stream<Arguments> modesAndClaims() {
        List<Arguments> out = new ArrayList<>();
        for (ProducerMode mode : ProducerMode.values()) {
            out.add(Arguments.of(mode, false));
            out.add(Arguments.of(mode, true));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} timed claim={1}")
    @MethodSource("modesAndClaims")
    void producerBlockedWhenCloseBeginsEitherThrowsOrIsDelivered(ProducerMode mode, boolean timedClaim) {
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name("close-bp-" + RUNS.incrementAndGet())
                .capacity(CAPACITY).producerMode(mode)
                .producerWaitStrategy(new ParkingWaitStrategy(0, 0, PARK_NANOS, PARK_NANOS))
                .shutdownTimeout(Duration.ofSeconds(20)).build();
        HoldGate first = new HoldGate();
        HoldGate flush = new HoldGate();
        List<Long> delivered = new ArrayList<>();
        bus.handleEventsWith(new EventHandler<OracleEvent>() {
            @Override
            public void onEvent(OracleEvent event, long sequence, boolean endOfBatch) {
                if (sequence == 0) {
                    first.hold();
                }
                synchronized (delivered) {
                    delivered.add(sequence);
                }
            }

            @Override
            public void onShutdown() {
                flush.hold();
            }
        });
        bus.start();
        AsyncCall<String> producer = AsyncCall.start(bus.name() + "-producer", () -> {
            Publisher<OracleEvent> publisher = bus.publisher();
            for (int i = 0; i < CAPACITY; i++) {
                long s = publisher.claim();
                publisher.get(s).fill(0, i);
                publisher.publish(s);
            }
            long seq;
            try {
                seq = timedClaim ? publisher.claim(1, BOUND_MILLIS, TimeUnit.MILLISECONDS) : publisher.claim();
            } catch (BusClosedException closed) {
                return "claim threw BusClosedException";
            }
            publisher.get(seq).fill(0, CAPACITY);
            try {
                publisher.publish(seq);
            } catch (IllegalStateException e) {
                return "claim returned " + seq + ", then publish threw " + e;
            }
            return "published " + seq;
        });
        first.awaitEntered(BOUND_MILLIS);
        producer.awaitParkedIn("Sequencer", BOUND_MILLIS);

        AsyncCall<ShutdownReport> closer = AsyncCall.start(bus.name() + "-closer", () -> bus.close(20, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOUND_MILLIS);
        while (!bus.isStopped()) {
            assertTrue(System.nanoTime() - deadline < 0, "close never began");
            Thread.onSpinWait();
        }
        first.release(); // the stage drains 0..3 and frees the ring while the close is under way
        String outcome = producer.await(BOUND_MILLIS);
        flush.release();
        ShutdownReport report = closer.await(BOUND_MILLIS);

        List<Long> seen;
        synchronized (delivered) {
            seen = List.copyOf(delivered);
        }
        if (outcome.startsWith("published ")) {
            long seq = Long.parseLong(outcome.substring("published ".length()));
            assertTrue(seen.contains(seq), "claim() racing close() returned " + seq + " and publish(" + seq
                    + ") succeeded, but the event was never delivered (delivered " + seen + "; close report: " + report
                    + "; lastClaimedSequence " + bus.lastClaimedSequence() + ")");
        } else if (!outcome.equals("claim threw BusClosedException")) {
            fail("a claim racing close() must either complete and be delivered or throw with nothing claimed: "
                    + outcome);
        }
        assertEquals(List.of(0L, 1L, 2L, 3L), seen.subList(0, CAPACITY), "events published before close");
        assertTrue(report.drained(), report.toString());
    }
}
