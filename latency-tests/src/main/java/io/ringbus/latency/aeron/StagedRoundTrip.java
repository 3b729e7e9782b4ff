package io.ringbus.latency.aeron;

import io.ringbus.EventHandler;
import io.ringbus.ExceptionPolicy;
import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.StageSpec;
import io.ringbus.aeron.AeronBridge;
import io.ringbus.aeron.AeronReceiver;
import io.ringbus.aeron.AeronSender;
import io.ringbus.aeron.ReceiverConfig;
import io.ringbus.aeron.SenderConfig;
import io.ringbus.latency.adapter.WaitMode;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * ringbus over Aeron, a thread per part: pings go into a bus whose stage sends them; pongs come back
 * through a receiver, on its own agent thread, into a second bus, whose stage is the pinger and publishes
 * the next ping. Both buses are SINGLE: each has one
 * producing thread.
 */
final class StagedRoundTrip implements RoundTrip {
    private final RingBus<Ping> pingBus;
    private final RingBus<Ping> pongBus;
    private final AeronSender<Ping> sender;
    private final AeronReceiver<Ping> receiver;

    StagedRoundTrip(AeronBridge bridge, String ping, String pong, WaitMode wait, int capacity, Pinger pinger) {
        pingBus = RingBus.builder(Ping::new).name("aeron-ping").capacity(capacity).waitStrategy(Waits.ring(wait))
                .producerWaitStrategy(Waits.ring(wait)).build();
        sender = bridge.sender(ping, Ping.PING_STREAM, Ping.CODEC,
                SenderConfig.defaults().idleStrategy(() -> Waits.idle(wait)));
        pingBus.handleEventsWith(StageSpec.of(sender).named("send").exceptionPolicy(ExceptionPolicy.haltBus()));

        Publisher<Ping> pings = pingBus.publisher();
        pinger.out = (value, stamp) -> {
            long seq = pings.claim();
            Ping p = pings.get(seq);
            p.value = value;
            p.stamp = stamp;
            pings.publish(seq);
        };
        pongBus = RingBus.builder(Ping::new).name("aeron-pong").capacity(capacity).waitStrategy(Waits.ring(wait))
                .producerWaitStrategy(Waits.ring(wait)).build();
        pongBus.handleEventsWith(StageSpec.of(new EventHandler<Ping>() {
            private boolean running = true;

            @Override
            public void onStart() {
                pinger.start();
            }

            @Override
            public void onEvent(Ping p, long sequence, boolean endOfBatch) {
                if (running) {
                    running = pinger.onPong(p.value, p.stamp);
                }
            }
        }).named("pinger"));
        receiver = bridge.receiver(pong, Ping.PONG_STREAM, Ping.CODEC, pongBus.publisher(),
                ReceiverConfig.defaults().idleStrategy(() -> Waits.idle(wait)));
    }

    @Override
    public void start() {
        pingBus.start();
        receiver.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!(sender.isConnected() && receiver.isConnected())) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("not connected to the echo within 20 s: " + sender + " " + receiver);
            }
            LockSupport.parkNanos(1_000_000);
        }
        pongBus.start();                              // the pinger's onStart sends the first ping
    }

    /** Stops taking pongs, then closes both buses; the bridge closes the rest. */
    @Override
    public void close() {
        receiver.close();
        pongBus.close();
        pingBus.close();
    }
}
