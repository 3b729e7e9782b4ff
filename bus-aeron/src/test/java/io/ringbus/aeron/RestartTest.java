package io.ringbus.aeron;

import io.ringbus.RingBus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Either side going away and coming back: a subscriber that starts late, a publisher restarted cleanly, and
 * a publisher killed mid-stream and replaced. The receiver keeps running throughout.
 */
class RestartTest {
    private static final int STREAM = 21;

    @Test
    @Timeout(30)
    void lateSubscriberGetsEverythingTheSenderWaitedWith() throws Exception {
        String channel = Channels.udpLoopback(TestPorts.freeUdpPort());
        try (AeronBridge pub = TestBridges.launch(); AeronBridge sub = TestBridges.launch()) {
            RingBus<TestEvent> source = pub.closeOnClose(RingBus.builder(TestEvent::new).name("source").build());
            AeronSender<TestEvent> sender = pub.sender(channel, STREAM, TestCodec.INSTANCE, SenderConfig.defaults()
                    .disconnectPolicy(DisconnectPolicy.waitUpTo(Duration.ofSeconds(15))));
            source.handleEventsWith(sender);
            source.start();
            Producers producers = Producers.start(source.publisher(), 1, 10_000, 0);  // blocks on the full ring
            Thread.sleep(300);
            assertEquals(0, sender.sent(), "nothing can be sent before a subscriber connects");

            Verifier verifier = new Verifier(1);
            AeronReceiver<TestEvent> receiver = TestBridges.receiverInto(verifier, sub, channel, STREAM);
            producers.join(Duration.ofSeconds(20));
            verifier.awaitCount(10_000, Duration.ofSeconds(20), () -> sender + " " + receiver);
            source.close();
            assertEquals(1, sender.notConnected(), "only the first event met no subscriber: it waited");
            assertEquals(10_000, sender.sent());
            assertEquals(0, verifier.orderViolations() + verifier.gaps() + verifier.payloadViolations());
            assertEquals(Verifier.expectedChecksum(1, 10_000), verifier.checksum());
        }
    }

    @Test
    @Timeout(30)
    void withCountAndDropEventsBeforeTheSubscriberAreCountedAsDropped() throws Exception {
        String channel = Channels.ipc();
        try (AeronBridge bridge = TestBridges.launch()) {
            RingBus<TestEvent> source = bridge.closeOnClose(RingBus.builder(TestEvent::new).name("source").build());
            AeronSender<TestEvent> sender = bridge.sender(channel, STREAM, TestCodec.INSTANCE, SenderConfig.defaults()
                    .disconnectPolicy(DisconnectPolicy.countAndDrop()));
            source.handleEventsWith(sender);
            source.start();
            long[] seq = {0};
            for (int i = 0; i < 500; i++) {
                source.publisher().publishEvent((e, s, st) -> e.fill(0, st[0]++, 0), seq);
            }
            TestBridges.await(() -> sender.dropped() == 500, Duration.ofSeconds(10), sender::toString);

            Verifier verifier = new Verifier(1);
            AeronReceiver<TestEvent> receiver = TestBridges.receiverInto(verifier, bridge, channel, STREAM);
            TestBridges.awaitConnected(sender, receiver);
            for (int i = 0; i < 500; i++) {
                source.publisher().publishEvent((e, s, st) -> e.fill(0, st[0]++, 0), seq);
            }
            verifier.awaitCount(500, Duration.ofSeconds(10), () -> sender + " " + receiver);
            source.close();
            assertEquals(500, sender.dropped());
            assertEquals(500, sender.notConnected());
            assertEquals(500, sender.sent());
            assertEquals(500, verifier.gaps(), "the dropped events are the missing prefix");
            assertEquals(0, verifier.orderViolations());
        }
    }

    @Test
    @Timeout(30)
    void publisherRestartedCleanlyLosesNothing() throws Exception {
        String channel = Channels.udpLoopback(TestPorts.freeUdpPort());
        try (AeronBridge sub = TestBridges.launch()) {
            Verifier verifier = new Verifier(1);
            AeronReceiver<TestEvent> receiver = TestBridges.receiverInto(verifier, sub, channel, STREAM);
            long[] seq = {0};
            for (int run = 1; run <= 2; run++) {
                try (AeronBridge pub = TestBridges.launch()) {
                    RingBus<TestEvent> source = pub.closeOnClose(RingBus.builder(TestEvent::new).name("source").build());
                    AeronSender<TestEvent> sender = pub.sender(channel, STREAM, TestCodec.INSTANCE);
                    source.handleEventsWith(sender);
                    source.start();
                    for (int i = 0; i < 20_000; i++) {
                        source.publisher().publishEvent((e, s, st) -> e.fill(0, st[0]++, 0), seq);
                    }
                    source.close();                    // drains into the publication
                    // The run's own events, before this publisher goes: the end of stream alone could be the
                    // previous run's image, seen before this run's image has connected.
                    verifier.awaitCount(run * 20_000L, Duration.ofSeconds(20), receiver::toString);
                    sender.close();                    // ends the stream once the subscriber has it all
                    assertTrue(receiver.awaitEndOfStream(Duration.ofSeconds(10)), "end of stream: " + receiver);
                    assertEquals(20_000, sender.sent());
                }
            }
            assertEquals(40_000, receiver.received());
            assertEquals(0, verifier.orderViolations() + verifier.gaps() + verifier.duplicates());
        }
    }

    @Test
    @Timeout(60)
    void publisherKilledMidStreamLosesOnlyItsTailAndAReplacementIsHeard() throws Exception {
        String channel = Channels.udpLoopback(TestPorts.freeUdpPort());
        try (AeronBridge sub = TestBridges.launch()) {
            Verifier verifier = new Verifier(2);
            AeronReceiver<TestEvent> receiver = TestBridges.receiverInto(verifier, sub, channel, STREAM);
            try (ForkedProcess first = ForkedProcess.start(PublisherMain.class, channel, "" + STREAM, "0",
                    "" + 100_000_000)) {
                first.awaitLine("PROGRESS", Duration.ofSeconds(20));
                verifier.awaitCount(20_000, Duration.ofSeconds(20), receiver::toString);
                first.kill();
            }
            TestBridges.await(() -> !receiver.isConnected(), Duration.ofSeconds(10), receiver::toString);
            long fromFirst = verifier.count();
            try (ForkedProcess second = ForkedProcess.start(PublisherMain.class, channel, "" + STREAM, "1", "30000")) {
                second.awaitLine("DONE", Duration.ofSeconds(30));
                assertEquals(0, second.awaitExit(Duration.ofSeconds(15)));
            }
            verifier.awaitCount(fromFirst + 30_000, Duration.ofSeconds(10), receiver::toString);
            sub.close();                               // drains the target bus: every event handled before the checks
            assertEquals(fromFirst, verifier.nextOf(0), "the killed publisher's events arrived as a gapless prefix");
            assertEquals(30_000, verifier.nextOf(1), "the replacement's events all arrived");
            assertEquals(0, verifier.orderViolations() + verifier.gaps() + verifier.duplicates() + verifier.payloadViolations());
            assertEquals(0, receiver.decodeFailures(), "nothing half-written");
        }
    }
}
