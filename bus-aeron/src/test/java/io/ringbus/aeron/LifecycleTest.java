package io.ringbus.aeron;

import io.ringbus.RingBus;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a bridge starts, runs a receiver on the caller's thread, and closes in order. */
class LifecycleTest {
    @Test
    @Timeout(30)
    void closeStopsReceiversDrainsBusesAndDeletesTheDriverDirectory() throws Exception {
        String channel = Channels.udpLoopback(TestPorts.freeUdpPort());
        try (AeronBridge far = TestBridges.launch()) {
            Verifier verifier = new Verifier(1);
            RingBus<TestEvent> target = far.closeOnClose(RingBus.builder(TestEvent::new).name("far").build());
            target.handleEventsWith(verifier);
            target.start();
            AeronReceiver<TestEvent> farReceiver = far.receiver(channel, 31, TestCodec.INSTANCE, target.publisher())
                    .start();

            AeronBridge near = TestBridges.launch();
            String dir = near.aeronDirectory();
            assertTrue(near.hasEmbeddedDriver());
            assertTrue(Files.isDirectory(Path.of(dir)));
            RingBus<TestEvent> source = near.closeOnClose(RingBus.builder(TestEvent::new).name("near").build());
            AeronSender<TestEvent> sender = near.sender(channel, 31, TestCodec.INSTANCE);
            source.handleEventsWith(sender);
            RingBus<TestEvent> inbound = near.closeOnClose(RingBus.builder(TestEvent::new).name("inbound").build());
            inbound.handleEventsWith((e, s, end) -> { });
            inbound.start();
            AeronReceiver<TestEvent> nearReceiver = near.receiver(Channels.ipc(), 32, TestCodec.INSTANCE,
                    inbound.publisher()).start();
            source.start();
            TestBridges.awaitConnected(sender, farReceiver);
            Producers.start(source.publisher(), 1, 50_000, 0).join(Duration.ofSeconds(20));
            assertTrue(threadAlive("ringbus-test-receiver-32"), "the receiver's thread, named as documented");

            near.close();                                  // the source drains through the sender first
            assertEquals(50_000, sender.sent(), "everything published before close was sent");
            assertTrue(source.isStopped() && inbound.isStopped(), "registered buses closed");
            assertFalse(threadAlive("ringbus-test-receiver-32"), "receiver thread stopped");
            assertTrue(near.aeron().isClosed(), "client closed");
            assertFalse(Files.exists(Path.of(dir)), "driver directory deleted");
            assertEquals(0, nearReceiver.received());
            near.close();                                  // idempotent
            assertEquals("sender(): the bridge is closed", assertThrows(IllegalStateException.class,
                    () -> near.sender(Channels.ipc(), 1, TestCodec.INSTANCE)).getMessage());

            verifier.awaitCount(50_000, Duration.ofSeconds(10), farReceiver::toString);
            assertEquals(0, verifier.gaps() + verifier.orderViolations());
            assertTrue(farReceiver.awaitEndOfStream(Duration.ofSeconds(10)), "the far side saw the end of the stream");
        }
    }

    @Test
    @Timeout(30)
    void aReceiverPolledFromTheCallersThread() throws Exception {
        try (AeronBridge bridge = TestBridges.launch()) {
            Verifier verifier = new Verifier(1);
            RingBus<TestEvent> target = bridge.closeOnClose(RingBus.builder(TestEvent::new).name("target").build());
            target.handleEventsWith(verifier);
            target.start();
            AeronReceiver<TestEvent> receiver = bridge.receiver(33, TestCodec.INSTANCE, target.publisher());
            assertEquals(Channels.ipc(), receiver.channel(), "the default channel");   // not started: we poll
            RingBus<TestEvent> source = bridge.closeOnClose(RingBus.builder(TestEvent::new).name("source").build());
            AeronSender<TestEvent> sender = bridge.sender(33, TestCodec.INSTANCE);
            assertEquals(Channels.ipc(), sender.channel());
            source.handleEventsWith(sender);
            source.start();
            Producers producers = Producers.start(source.publisher(), 1, 20_000, 0);
            IdleStrategy idle = new BackoffIdleStrategy();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (verifier.count() < 20_000) {
                assertTrue(System.nanoTime() - deadline < 0, "timed out: " + receiver + " " + verifier);
                idle.idle(receiver.doWork());
            }
            producers.join(Duration.ofSeconds(5));
            assertEquals(20_000, receiver.received());
            assertEquals(0, verifier.gaps() + verifier.orderViolations());
            receiver.close();
            assertEquals(0, receiver.poll(), "a closed receiver takes nothing");
            assertEquals("start(): the receiver was already closed",
                    assertThrows(IllegalStateException.class, receiver::start).getMessage());
        }
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().equals(name));
    }
}
