package io.ringbus.latency.aeron;

import io.ringbus.EventHandler;
import io.ringbus.ExceptionPolicy;
import io.ringbus.PollState;
import io.ringbus.Poller;
import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.aeron.AeronBridge;
import io.ringbus.aeron.AeronReceiver;
import io.ringbus.aeron.AeronSender;
import io.ringbus.aeron.PollerAgent;
import io.ringbus.aeron.ReceiverConfig;
import io.ringbus.aeron.SenderConfig;
import io.ringbus.latency.adapter.WaitMode;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;

/**
 * ringbus over Aeron on one agent thread, the way a latency-minded user deploys a bridge end: each duty
 * cycle the receiver publishes pongs into the pong bus, a poller of that bus hands them to the pinger, which
 * publishes the next ping into the ping bus, and a poller of the ping bus hands it to the sender. Every
 * event still goes through a ring (claim, publish, gating), but never changes threads, so this side has as
 * many threads as raw Aeron's.
 */
final class AgentRoundTrip implements RoundTrip {
    private static final int POLL_LIMIT = 64;
    private final AeronBridge bridge;
    private final WaitMode wait;
    private final RingBus<Ping> pingBus;
    private final RingBus<Ping> pongBus;
    private final AeronSender<Ping> sender;
    private final AeronReceiver<Ping> receiver;
    private final Agent pingerAgent;
    private final Agent senderAgent;
    private AgentRunner runner;

    AgentRoundTrip(AeronBridge bridge, String ping, String pong, WaitMode wait, int capacity, Pinger pinger) {
        this.bridge = bridge;
        this.wait = wait;
        pingBus = RingBus.builder(Ping::new).name("aeron-ping").capacity(capacity)
                .exceptionPolicy(ExceptionPolicy.haltBus()).producerWaitStrategy(Waits.ring(wait)).build();
        Poller<Ping> pings = pingBus.newPoller("send");
        sender = bridge.sender(ping, Ping.PING_STREAM, Ping.CODEC,
                SenderConfig.defaults().idleStrategy(() -> Waits.idle(wait)));
        senderAgent = new PollerAgent<>(pings, sender, POLL_LIMIT);

        Publisher<Ping> out = pingBus.publisher();
        pinger.out = (value, stamp) -> {
            long seq = out.claim();
            Ping p = out.get(seq);
            p.value = value;
            p.stamp = stamp;
            out.publish(seq);
        };
        pongBus = RingBus.builder(Ping::new).name("aeron-pong").capacity(capacity)
                .producerWaitStrategy(Waits.ring(wait)).build();
        Poller<Ping> pongs = pongBus.newPoller("pinger");
        EventHandler<Ping> onPong = new EventHandler<>() {
            private boolean running = true;

            @Override
            public void onEvent(Ping p, long sequence, boolean endOfBatch) {
                if (running) {
                    running = pinger.onPong(p.value, p.stamp);
                }
            }
        };
        pingerAgent = new Agent() {
            @Override
            public void onStart() {
                pinger.start();                       // the first ping, from the agent thread
            }

            @Override
            public int doWork() {
                return pongs.poll(onPong, POLL_LIMIT) == PollState.PROCESSED ? 1 : 0;
            }

            @Override
            public String roleName() {
                return "pinger";
            }
        };
        receiver = bridge.receiver(pong, Ping.PONG_STREAM, Ping.CODEC, pongBus.publisher(), ReceiverConfig.defaults());
    }

    @Override
    public void start() {
        pingBus.start();
        pongBus.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!(sender.isConnected() && receiver.isConnected())) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("not connected to the echo within 20 s: " + sender + " " + receiver);
            }
            LockSupport.parkNanos(1_000_000);
        }
        // Pong in, pinger, ping out: one duty cycle carries a pong to the next ping's send.
        runner = bridge.startAgents("pinger", Waits.idle(wait), receiver, pingerAgent, senderAgent);
    }

    /** Stops taking pongs, closes both buses while the agent drains them, then stops the agent. */
    @Override
    public void close() {
        receiver.close();
        pongBus.close();
        pingBus.close();
        if (runner != null) {
            runner.close();
        }
    }
}
