package io.ringbus.aeron;

import io.ringbus.ExceptionPolicy;
import io.ringbus.RingBus;
import io.ringbus.StageSpec;

import java.time.Duration;

/**
 * The publisher side of the cross-process tests, in its own JVM: sends producer {@code id}'s events
 * 0..count-1 over UDP, printing PROGRESS lines, then DONE after a clean close.
 *
 * <p>Arguments: channel, stream id, producer id, count.
 */
public final class PublisherMain {
    private PublisherMain() {
    }

    public static void main(String[] args) {
        String channel = args[0];
        int stream = Integer.parseInt(args[1]);
        int producer = Integer.parseInt(args[2]);
        long count = Long.parseLong(args[3]);
        try (AeronBridge bridge = TestBridges.launch()) {
            RingBus<TestEvent> bus = bridge.closeOnClose(RingBus.builder(TestEvent::new).name("pub").capacity(1024)
                    .build());
            AeronSender<TestEvent> sender = bridge.sender(channel, stream, TestCodec.INSTANCE, SenderConfig.defaults()
                    .disconnectPolicy(DisconnectPolicy.waitUpTo(Duration.ofSeconds(10))));
            bus.handleEventsWith(StageSpec.of(sender).exceptionPolicy(ExceptionPolicy.haltBus()));
            bus.start();
            long[] seq = {0};
            for (long i = 0; i < count; i++) {
                bus.publisher().publishEvent((e, s, st) -> e.fill(producer, st[0]++, 0), seq);
                if (i % 10_000 == 0) {
                    System.out.println("PROGRESS " + sender.sent());
                    System.out.flush();
                }
            }
            bus.close();
            System.out.println("DONE sent=" + sender.sent());
            System.out.flush();
        }
    }
}
