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
                    + producers * perProducer + " decodeFailures=0", result);
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
}
