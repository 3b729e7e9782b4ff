package io.ringbus.aeron;

import io.ringbus.ExceptionPolicy;
import io.ringbus.RingBus;
import io.ringbus.StageSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * waitUpTo with no subscriber: the first event waits out the timeout and fails, the rest fail at once (a
 * close drains in one timeout, not one per event), and sending resumes once a subscriber connects.
 */
class DisconnectPolicyTest {
    private static final int STREAM = 41;

    @Test
    @Timeout(20)   // 100 events each waiting 300 ms would take 30 s
    void afterOneTimeoutLaterEventsFailAtOnceUntilASubscriberConnects() throws Exception {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        try (AeronBridge bridge = TestBridges.launch()) {
            RingBus<TestEvent> source = bridge.closeOnClose(RingBus.builder(TestEvent::new).name("source").build());
            AeronSender<TestEvent> sender = bridge.sender(Channels.ipc(), STREAM, TestCodec.INSTANCE, SenderConfig
                    .defaults().disconnectPolicy(DisconnectPolicy.waitUpTo(Duration.ofMillis(300))));
            source.handleEventsWith(StageSpec.of(sender).exceptionPolicy(
                    ExceptionPolicy.callback((error, seq, e, stage) -> failures.add(error))));
            source.start();
            long[] seq = {0};
            for (int i = 0; i < 100; i++) {
                source.publisher().publishEvent((e, s, st) -> e.fill(0, st[0]++, 0), seq);
            }
            TestBridges.await(() -> sender.failed() == 100, Duration.ofSeconds(10), sender::toString);
            assertEquals(100, sender.notConnected());
            assertEquals(0, sender.sent() + sender.dropped());
            NotConnectedException first = assertInstanceOf(NotConnectedException.class, failures.get(0));
            assertEquals("no subscriber connected on aeron:ipc stream 41 (waited waitUpTo(PT0.3S)): event not sent",
                    first.getMessage());
            for (Throwable later : failures.subList(1, failures.size())) {
                assertTrue(later.getMessage().contains("still no subscriber after an earlier timeout"),
                        later.getMessage());
            }

            Verifier verifier = new Verifier(1);
            AeronReceiver<TestEvent> receiver = TestBridges.receiverInto(verifier, bridge, Channels.ipc(), STREAM);
            TestBridges.awaitConnected(sender, receiver);
            for (int i = 0; i < 100; i++) {
                source.publisher().publishEvent((e, s, st) -> e.fill(0, st[0]++, 0), seq);
            }
            verifier.awaitCount(100, Duration.ofSeconds(10), () -> sender + " " + receiver);
            assertEquals(100, sender.sent());
            assertEquals(100, sender.failed(), "no new failures once connected");
            assertEquals(100, verifier.gaps(), "the failed events are the missing prefix");
            assertEquals(0, verifier.orderViolations());
        }
    }
}
