package io.ringbus.aeron;

import io.ringbus.EventHandler;
import io.ringbus.RingBus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sending stage and the receiving thread allocate nothing per message once warm. */
class AllocationTest {
    private static final long WARM_UP = 20_000;
    private static final long EVENTS = 220_000;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    @Timeout(30)
    void sendAndReceiveAllocateNothingPerMessage() throws Exception {
        long[] sendBytes = {-1, -1};
        long[] receiveBytes = {-1, -1};
        try (AeronBridge bridge = TestBridges.launch()) {
            Verifier verifier = new Verifier(1);
            RingBus<TestEvent> target = bridge.closeOnClose(RingBus.builder(TestEvent::new).name("target").build());
            target.handleEventsWith(verifier);
            target.start();
            long[] decoded = {0};
            EventDecoder<TestEvent> metered = (b, o, l, e) -> {
                TestCodec.INSTANCE.decode(b, o, l, e);
                meter(++decoded[0], receiveBytes);
            };
            AeronReceiver<TestEvent> receiver = bridge.receiver(Channels.ipc(), 9, metered, target.publisher()).start();
            RingBus<TestEvent> source = bridge.closeOnClose(RingBus.builder(TestEvent::new).name("source").build());
            AeronSender<TestEvent> sender = bridge.sender(Channels.ipc(), 9, TestCodec.INSTANCE);
            long[] handled = {0};
            source.handleEventsWith((EventHandler<TestEvent>) (e, seq, end) -> {
                sender.onEvent(e, seq, end);
                meter(++handled[0], sendBytes);
            });
            TestBridges.awaitConnected(sender, receiver);
            source.start();
            Producers.start(source.publisher(), 1, EVENTS, 0).join(Duration.ofSeconds(20));
            verifier.awaitCount(EVENTS, Duration.ofSeconds(20), () -> sender + " " + receiver);
        }
        long sent = sendBytes[1] - sendBytes[0];
        long received = receiveBytes[1] - receiveBytes[0];
        long measured = EVENTS - WARM_UP;
        assertTrue(sendBytes[1] >= 0 && receiveBytes[1] >= 0, "both threads measured");
        assertTrue(sent < measured, "sender allocates per message: " + sent + " bytes for " + measured);
        assertTrue(received < measured, "receiver allocates per message: " + received + " bytes for " + measured);
    }

    /** Records this thread's allocation at the end of the warm-up and at the last event. */
    private static void meter(long n, long[] bytes) {
        if (n == WARM_UP) {
            bytes[0] = THREADS.getCurrentThreadAllocatedBytes();
        } else if (n == EVENTS) {
            bytes[1] = THREADS.getCurrentThreadAllocatedBytes();
        }
    }
}
