package io.ringbus.aeron;

import io.ringbus.ProducerMode;
import io.ringbus.RingBus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * While connected, every event crosses the bridge exactly once, in each producer's order: 1M events from two
 * producers, over IPC and over UDP on 127.0.0.1, counted, checksummed and order-checked at the far end.
 */
class ExactlyOnceTest {
    private static final int PRODUCERS = 2;
    private static final long PER_PRODUCER = 500_000;

    @Test
    @Timeout(45)
    void oneMillionOverIpc() throws Exception {
        runBridge(Channels.ipc());
    }

    @Test
    @Timeout(45)
    void oneMillionOverUdpLoopback() throws Exception {
        runBridge(Channels.udpLoopback(TestPorts.freeUdpPort()));
    }

    private static void runBridge(String channel) throws Exception {
        long total = PRODUCERS * PER_PRODUCER;
        try (AeronBridge bridge = TestBridges.launch()) {
            RingBus<TestEvent> target = bridge.closeOnClose(RingBus.builder(TestEvent::new).name("target")
                    .capacity(8192).build());
            Verifier verifier = new Verifier(PRODUCERS);
            target.handleEventsWith(verifier);
            target.start();
            AeronReceiver<TestEvent> receiver = bridge.receiver(channel, 7, TestCodec.INSTANCE, target.publisher())
                    .start();

            RingBus<TestEvent> source = RingBus.builder(TestEvent::new).name("source").capacity(8192)
                    .producerMode(ProducerMode.MULTI).build();
            AeronSender<TestEvent> sender = bridge.sender(channel, 7, TestCodec.INSTANCE);
            source.handleEventsWith(sender);
            TestBridges.awaitConnected(sender, receiver);
            source.start();
            Producers.start(source.publisher(), PRODUCERS, PER_PRODUCER, 0).join(Duration.ofSeconds(30));
            source.close();

            verifier.awaitCount(total, Duration.ofSeconds(30), () -> sender + " " + receiver);
            assertEquals(total, sender.sent(), "sent");
            assertEquals(0, sender.failed() + sender.dropped() + sender.notConnected(), "sender losses: " + sender);
            assertEquals(total, receiver.received(), "received");
            assertEquals(0, receiver.decodeFailures(), "decode failures");
            assertEquals(total, verifier.count(), "count");
            assertEquals(Verifier.expectedChecksum(PRODUCERS, PER_PRODUCER), verifier.checksum(), "checksum");
            assertEquals(0, verifier.orderViolations(), "order: " + verifier);
            assertEquals(0, verifier.gaps(), "gaps: " + verifier);
            assertEquals(0, verifier.payloadViolations(), "payload: " + verifier);
        }
    }
}
