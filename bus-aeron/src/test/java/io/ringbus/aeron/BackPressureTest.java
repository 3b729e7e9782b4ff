package io.ringbus.aeron;

import io.ringbus.RingBus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A slow stage on the receiving bus: its small ring fills, the receiver leaves messages on the subscription,
 * Aeron's flow control back-pressures the sender, and the sending bus's producer waits. Nothing is lost.
 */
class BackPressureTest {
    private static final long EVENTS = 30_000;

    @Test
    @Timeout(40)
    void aSlowReceivingStageSlowsTheSenderAndLosesNothing() throws Exception {
        String channel = Channels.udpLoopback(TestPorts.freeUdpPort());
        try (AeronBridge bridge = TestBridges.builder()
                .driverContext(c -> {
                    TestBridges.fastFaults(c);
                    c.publicationTermBufferLength(64 * 1024);     // a small window fills quickly
                })
                .build()) {
            Verifier verifier = new Verifier(1);
            RingBus<TestEvent> target = bridge.closeOnClose(RingBus.builder(TestEvent::new).name("target")
                    .capacity(64).build());
            long[] handled = {0};
            target.handleEventsWith((e, s, end) -> {
                if (++handled[0] % 1_000 == 0) {
                    LockSupport.parkNanos(20_000_000);           // a 20 ms stall every 1000 events
                }
            }).then(verifier);
            target.start();
            AeronReceiver<TestEvent> receiver = bridge.receiver(channel, 51, TestCodec.INSTANCE, target.publisher())
                    .start();
            RingBus<TestEvent> source = bridge.closeOnClose(RingBus.builder(TestEvent::new).name("source")
                    .capacity(64).build());
            AeronSender<TestEvent> sender = bridge.sender(channel, 51, TestCodec.INSTANCE);
            source.handleEventsWith(sender);
            TestBridges.awaitConnected(sender, receiver);
            source.start();
            Producers.start(source.publisher(), 1, EVENTS, 0).join(Duration.ofSeconds(30));
            verifier.awaitCount(EVENTS, Duration.ofSeconds(30), () -> sender + " " + receiver);

            assertTrue(receiver.ringFullRetries() > 0, "the target ring filled: " + receiver);
            assertTrue(sender.backPressuredRetries() > 0, "the sender was back-pressured: " + sender);
            assertTrue(source.producerStallNanos() > 0, "the source producer waited on its full ring");
            assertEquals(EVENTS, sender.sent());
            assertEquals(0, sender.failed() + sender.dropped() + sender.notConnected());
            assertEquals(EVENTS, receiver.received());
            assertEquals(Verifier.expectedChecksum(1, EVENTS), verifier.checksum());
            assertEquals(0, verifier.orderViolations() + verifier.gaps() + verifier.duplicates());
        }
    }
}
