package io.ringbus.aeron;

import io.ringbus.ExceptionPolicy;
import io.ringbus.ProducerMode;
import io.ringbus.RingBus;
import io.ringbus.StageSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A subscriber in a second JVM, over UDP on 127.0.0.1: complete delivery, then a crash mid-stream. */
class CrossProcessTest {
    private static final int STREAM = 11;

    @Test
    @Timeout(60)
    void forkedSubscriberGetsEveryEventInOrder() throws Exception {
        int producers = 2;
        long perProducer = 100_000;
        String channel = Channels.udpLoopback(TestPorts.freeUdpPort());
        try (ForkedProcess sub = ForkedProcess.start(SubscriberMain.class, channel, "" + STREAM, "" + producers,
                "" + producers * perProducer, "40000");
             AeronBridge bridge = TestBridges.launch()) {
            sub.awaitLine("READY", Duration.ofSeconds(20));
            RingBus<TestEvent> source = bridge.closeOnClose(RingBus.builder(TestEvent::new).name("source")
                    .capacity(8192).producerMode(ProducerMode.MULTI).build());
            AeronSender<TestEvent> sender = bridge.sender(channel, STREAM, TestCodec.INSTANCE, SenderConfig.defaults()
                    .disconnectPolicy(DisconnectPolicy.waitUpTo(Duration.ofSeconds(10))));
            source.handleEventsWith(StageSpec.of(sender).exceptionPolicy(ExceptionPolicy.haltBus()));
            source.start();
            Producers.start(source.publisher(), producers, perProducer, 0).join(Duration.ofSeconds(30));
            source.close();

            String result = sub.awaitLine("RESULT", Duration.ofSeconds(30));
            assertEquals("RESULT count=" + producers * perProducer + " checksum="
                    + Verifier.expectedChecksum(producers, perProducer) + " order=0 gaps=0 payload=0 received="
                    + producers * perProducer + " decodeFailures=0 first=0", result);
            assertEquals(producers * perProducer, sender.sent());
            assertEquals(0, sub.awaitExit(Duration.ofSeconds(15)), "subscriber exit code");
        }
    }

    @Test
    @Timeout(60)
    void subscriberKilledMidStreamIsDetectedCountedAndNothingHangs() throws Exception {
        String channel = Channels.udpLoopback(TestPorts.freeUdpPort());
        AtomicLong policyFailures = new AtomicLong();
        try (ForkedProcess sub = ForkedProcess.start(SubscriberMain.class, channel, "" + STREAM, "1",
                "" + Long.MAX_VALUE, "50000");
             AeronBridge bridge = TestBridges.launch()) {
            sub.awaitLine("READY", Duration.ofSeconds(20));
            RingBus<TestEvent> source = bridge.closeOnClose(RingBus.builder(TestEvent::new).name("source")
                    .capacity(1024).shutdownTimeout(Duration.ofSeconds(20)).build());
            AeronSender<TestEvent> sender = bridge.sender(channel, STREAM, TestCodec.INSTANCE,
                    SenderConfig.defaults().disconnectPolicy(DisconnectPolicy.fail()));
            source.handleEventsWith(StageSpec.of(sender).exceptionPolicy(
                    ExceptionPolicy.callback((error, seq, e, stage) -> policyFailures.incrementAndGet())));
            source.start();
            TestBridges.await(sender::isConnected, Duration.ofSeconds(10), sender::toString);

            long[] seq = {0};
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            boolean killed = false;
            long afterDetection = 0;
            while (afterDetection < 1_000) {
                assertTrue(System.nanoTime() - deadline < 0, "no disconnect seen: " + sender);
                source.publisher().publishEvent((e, s, st) -> e.fill(0, st[0]++, 0), seq);
                if (!killed && sender.sent() >= 20_000) {
                    sub.kill();
                    killed = true;
                }
                if (sender.notConnected() > 0) {
                    afterDetection++;
                }
            }
            source.close();

            assertTrue(killed);
            assertEquals(seq[0], sender.sent() + sender.failed(), "every event either sent or failed: " + sender);
            assertEquals(sender.failed(), policyFailures.get(), "every failure reached the exception policy");
            assertTrue(sender.notConnected() >= 1_000, "events after the loss was seen: " + sender);
            assertEquals(0, sender.dropped(), "fail() never drops silently");
            assertTrue(sender.backPressuredRetries() > 0, "the dead peer stopped the flow first: " + sender);
        }
    }

    @Test
    @Timeout(60)
    void subscriberRestartedJoinsAtTheLivePositionWithNoDuplicates() throws Exception {
        String channel = Channels.udpLoopback(TestPorts.freeUdpPort());
        try (AeronBridge bridge = TestBridges.launch()) {
            RingBus<TestEvent> source = bridge.closeOnClose(RingBus.builder(TestEvent::new).name("source")
                    .capacity(1024).build());
            AeronSender<TestEvent> sender = bridge.sender(channel, STREAM, TestCodec.INSTANCE,
                    SenderConfig.defaults().disconnectPolicy(DisconnectPolicy.countAndDrop()));
            source.handleEventsWith(sender);
            source.start();
            long[] seq = {0};
            long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
            try (ForkedProcess first = ForkedProcess.start(SubscriberMain.class, channel, "" + STREAM, "1",
                    "" + Long.MAX_VALUE, "50000")) {
                first.awaitLine("READY", Duration.ofSeconds(20));
                TestBridges.await(sender::isConnected, Duration.ofSeconds(10), sender::toString);
                while (sender.sent() < 20_000) {
                    assertTrue(System.nanoTime() - deadline < 0, "first subscriber never took 20000: " + sender);
                    source.publisher().publishEvent((e, s, st) -> e.fill(0, st[0]++, 0), seq);
                }
                first.kill();
            }
            while (sender.dropped() == 0) {                    // the loss is noticed; events are now dropped
                assertTrue(System.nanoTime() - deadline < 0, "the dead subscriber was never noticed: " + sender);
                source.publisher().publishEvent((e, s, st) -> e.fill(0, st[0]++, 0), seq);
            }
            String result;
            try (ForkedProcess second = ForkedProcess.start(SubscriberMain.class, channel, "" + STREAM, "1",
                    "20000", "40000")) {
                second.awaitLine("READY", Duration.ofSeconds(20));
                Thread publishing = new Thread(() -> {
                    while (!Thread.currentThread().isInterrupted() && System.nanoTime() - deadline < 0) {
                        source.publisher().publishEvent((e, s, st) -> e.fill(0, st[0]++, 0), seq);
                    }
                }, "test-producer-restart");
                publishing.start();
                try {
                    result = second.awaitLine("RESULT", Duration.ofSeconds(30));
                } finally {
                    publishing.interrupt();
                    publishing.join(10_000);
                }
                assertFalse(publishing.isAlive(), "the producer thread stopped");
            }
            source.close();
            java.util.Map<String, Long> r = parse(result);
            assertTrue(r.get("count") >= 20_000, "it stops counting only after 20000: " + result);
            assertEquals(0, r.get("order") + r.get("payload") + r.get("decodeFailures"), result);
            // It joins where the driver's sender is: messages committed but not yet sent to the dead one may come
            assertTrue(r.get("first") > 0, "joined mid-stream, not from the start: " + result);
            assertEquals(r.get("first"), r.get("gaps"), "contiguous from where it joined: " + result);
            assertEquals(seq[0], sender.sent() + sender.dropped(), "every event sent or counted as dropped");
        }
    }

    private static java.util.Map<String, Long> parse(String result) {
        java.util.Map<String, Long> values = new java.util.HashMap<>();
        for (String field : result.substring("RESULT ".length()).split(" ")) {
            String[] kv = field.split("=");
            values.put(kv[0], Long.parseLong(kv[1]));
        }
        return values;
    }
}
