package io.ringbus.aeron;

import io.ringbus.RingBus;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The subscriber side of the cross-process tests, run in its own JVM: its own bridge and driver, a UDP
 * receiver into a verifying bus. Prints READY once subscribed, PROGRESS lines as events arrive, and a final
 * RESULT line (the first seq of producer 0 last); exits after {@code expected} events or {@code limitMillis}, whichever comes first.
 *
 * <p>Arguments: channel, stream id, producers, expected events, limit in milliseconds.
 */
public final class SubscriberMain {
    private SubscriberMain() {
    }

    public static void main(String[] args) {
        String channel = args[0];
        int stream = Integer.parseInt(args[1]);
        int producers = Integer.parseInt(args[2]);
        long expected = Long.parseLong(args[3]);
        long deadline = System.nanoTime() + Duration.ofMillis(Long.parseLong(args[4])).toNanos();
        Verifier verifier = new Verifier(producers);
        try (AeronBridge bridge = TestBridges.launch()) {
            RingBus<TestEvent> bus = bridge.closeOnClose(RingBus.builder(TestEvent::new).name("sub").capacity(8192)
                    .build());
            bus.handleEventsWith(verifier);
            bus.start();
            AeronReceiver<TestEvent> receiver = bridge.receiver(channel, stream, TestCodec.INSTANCE, bus.publisher())
                    .start();
            System.out.println("READY");
            System.out.flush();
            long reported = -1;
            while (verifier.count() < expected && System.nanoTime() - deadline < 0) {
                long now = verifier.count();
                if (now / 10_000 != reported / 10_000) {
                    System.out.println("PROGRESS " + now);
                    System.out.flush();
                    reported = now;
                }
                LockSupport.parkNanos(1_000_000);
            }
            System.out.println("RESULT count=" + verifier.count() + " checksum=" + verifier.checksum()
                    + " order=" + verifier.orderViolations() + " gaps=" + verifier.gaps() + " payload="
                    + verifier.payloadViolations() + " received=" + receiver.received() + " decodeFailures="
                    + receiver.decodeFailures() + " first=" + verifier.firstOf(0));
            System.out.flush();
        }
    }
}
