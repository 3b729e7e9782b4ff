package io.ringbus.aeron;

import io.ringbus.Poller;
import io.ringbus.ProducerMode;
import io.ringbus.RingBus;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bridge end on one agent thread: {@link PollerAgent} and {@link AeronBridge#startAgents}. */
class AgentTest {
    private static final int EVENTS = 200_000;

    @Test
    @Timeout(60)
    void bothEndsOnOneThreadEachDeliverEverythingInOrderAndCloseDrainsThePoller() throws Exception {
        String channel = Channels.udpLoopback(TestPorts.freeUdpPort());
        try (AeronBridge far = TestBridges.launch()) {
            Verifier verifier = new Verifier(2);
            RingBus<TestEvent> target = far.closeOnClose(RingBus.builder(TestEvent::new).name("far").capacity(1024)
                    .build());
            Poller<TestEvent> consumer = target.newPoller("verify");
            target.start();
            AeronReceiver<TestEvent> receiver = far.receiver(channel, 41, TestCodec.INSTANCE, target.publisher());
            AgentRunner farRunner = far.startAgents("far-end", new YieldingIdleStrategy(), receiver,
                    new PollerAgent<>(consumer, verifier, 64));

            AeronBridge near = TestBridges.launch();
            RingBus<TestEvent> source = near.closeOnClose(RingBus.builder(TestEvent::new).name("near")
                    .producerMode(ProducerMode.MULTI).capacity(1024).build());
            Poller<TestEvent> toSend = source.newPoller("send");
            source.start();
            AeronSender<TestEvent> sender = near.sender(channel, 41, TestCodec.INSTANCE);
            AgentRunner nearRunner = near.startAgents("near-end", new BackoffIdleStrategy(),
                    new PollerAgent<>(toSend, sender, 16));
            TestBridges.awaitConnected(sender, receiver);
            assertTrue(threadAlive("ringbus-test-near-end"), "the agent thread, named after the bridge");
            Producers.start(source.publisher(), 2, EVENTS / 2, 0).join(Duration.ofSeconds(30));

            near.close();       // at once: the bus drains through the still running agent before it stops
            assertEquals(EVENTS, sender.sent(), "everything published before close was sent: " + sender);
            assertTrue(source.isStopped(), "the source bus closed");
            assertTrue(nearRunner.isClosed(), "the agent thread stopped");
            assertFalse(threadAlive("ringbus-test-near-end"), "no agent thread left");

            verifier.awaitCount(EVENTS, Duration.ofSeconds(20), receiver::toString);
            assertEquals(0, verifier.gaps() + verifier.orderViolations() + verifier.duplicates()
                    + verifier.payloadViolations(), verifier::toString);
            assertEquals(Verifier.expectedChecksum(2, EVENTS / 2), verifier.checksum());
            assertTrue(receiver.awaitEndOfStream(Duration.ofSeconds(10)), "the far end saw the end of the stream");
            assertTrue(threadAlive("ringbus-test-far-end"));
            far.close();
            assertTrue(farRunner.isClosed());
            assertTrue(target.isStopped());
        }
    }

    @Test
    @Timeout(30)
    void badAgentsAreRejectedWithTheRule() {
        try (AeronBridge bridge = TestBridges.launch()) {
            RingBus<TestEvent> bus = bridge.closeOnClose(RingBus.builder(TestEvent::new).name("bad").build());
            Poller<TestEvent> poller = bus.newPoller("p");
            AeronSender<TestEvent> sender = bridge.sender(42, TestCodec.INSTANCE);
            YieldingIdleStrategy idle = new YieldingIdleStrategy();

            assertEquals("startAgents(x): agents must name at least one agent",
                    assertThrows(IllegalArgumentException.class, () -> bridge.startAgents("x", idle)).getMessage());
            assertEquals("startAgents(x): agents[1] is null", assertThrows(IllegalArgumentException.class,
                    () -> bridge.startAgents("x", idle, new PollerAgent<>(poller, sender, 1), null)).getMessage());
            assertEquals("idle must not be null", assertThrows(NullPointerException.class,
                    () -> bridge.startAgents("x", null, new PollerAgent<>(poller, sender, 1))).getMessage());
            assertEquals("limit must be >= 1: 0", assertThrows(IllegalArgumentException.class,
                    () -> new PollerAgent<>(poller, sender, 0)).getMessage());
            assertEquals("poller must not be null", assertThrows(NullPointerException.class,
                    () -> new PollerAgent<TestEvent>(null, sender, 1)).getMessage());
            assertEquals("handler must not be null", assertThrows(NullPointerException.class,
                    () -> new PollerAgent<>(poller, null, 1)).getMessage());
            bridge.close();
            assertEquals("startAgents(): the bridge is closed", assertThrows(IllegalStateException.class,
                    () -> bridge.startAgents("x", idle, new PollerAgent<>(poller, sender, 1))).getMessage());
        }
    }

    @Test
    @Timeout(30)
    void aReceiverRunsOnOneThreadOnly() {
        try (AeronBridge bridge = TestBridges.launch()) {
            RingBus<TestEvent> bus = bridge.closeOnClose(RingBus.builder(TestEvent::new).name("one").build());
            bus.handleEventsWith((e, s, end) -> { });
            bus.start();
            YieldingIdleStrategy idle = new YieldingIdleStrategy();
            AeronReceiver<TestEvent> own = bridge.receiver(43, TestCodec.INSTANCE, bus.publisher()).start();
            assertEquals("startAgents(twice): agents[0], AeronReceiver{aeron:ipc stream 43, received=0, "
                    + "decodeFailures=0, ringFullRetries=0}, already runs on a thread of its own; a receiver is "
                    + "polled by one thread", assertThrows(IllegalArgumentException.class,
                            () -> bridge.startAgents("twice", idle, own)).getMessage());

            AeronReceiver<TestEvent> shared = bridge.receiver(44, TestCodec.INSTANCE, bus.publisher());
            bridge.startAgents("first", idle, shared);
            assertEquals("start(): the receiver already runs on the agent thread 'ringbus-test-first'",
                    assertThrows(IllegalStateException.class, shared::start).getMessage());
            assertThrows(IllegalArgumentException.class, () -> bridge.startAgents("second", idle, shared));
            assertFalse(threadAlive("ringbus-test-twice") || threadAlive("ringbus-test-second"),
                    "a refused startAgents starts no thread");
        }
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().equals(name));
    }
}
