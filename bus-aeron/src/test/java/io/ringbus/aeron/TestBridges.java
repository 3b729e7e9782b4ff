package io.ringbus.aeron;

import io.ringbus.RingBus;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Bridges with short fault timeouts, and bounded waits that fail loudly. */
final class TestBridges {
    private TestBridges() {
    }

    /** An embedded bridge whose driver notices a vanished peer within about a second. */
    static AeronBridge launch() {
        return builder().build();
    }

    static AeronBridgeBuilder builder() {
        return AeronBridge.builder().name("ringbus-test").driverContext(TestBridges::fastFaults);
    }

    static void fastFaults(io.aeron.driver.MediaDriver.Context ctx) {
        ctx.publicationConnectionTimeoutNs(TimeUnit.MILLISECONDS.toNanos(1_000))
                .imageLivenessTimeoutNs(TimeUnit.MILLISECONDS.toNanos(1_000))
                .publicationLingerTimeoutNs(TimeUnit.MILLISECONDS.toNanos(200))
                .timerIntervalNs(TimeUnit.MILLISECONDS.toNanos(100));
    }

    /** A started receiver on {@code bridge} feeding a bus (closed with the bridge) whose stage is the verifier. */
    static AeronReceiver<TestEvent> receiverInto(Verifier verifier, AeronBridge bridge, String channel, int stream) {
        RingBus<TestEvent> target = bridge.closeOnClose(RingBus.builder(TestEvent::new)
                .name("target").build());
        target.handleEventsWith(verifier);
        target.start();
        return bridge.receiver(channel, stream, TestCodec.INSTANCE, target.publisher()).start();
    }

    static void awaitConnected(AeronSender<?> sender, AeronReceiver<?> receiver) {
        await(() -> sender.isConnected() && receiver.isConnected(), Duration.ofSeconds(10),
                () -> "not connected: " + sender + " " + receiver);
    }

    static void await(BooleanSupplier condition, Duration limit, Supplier<String> state) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out after " + limit + ": " + state.get());
            }
            LockSupport.parkNanos(1_000_000);
        }
    }
}
