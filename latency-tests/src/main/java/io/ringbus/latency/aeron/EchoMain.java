package io.ringbus.latency.aeron;

import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.ringbus.aeron.AeronBridge;
import io.ringbus.aeron.AeronSender;
import io.ringbus.aeron.SenderConfig;
import org.agrona.concurrent.IdleStrategy;

/**
 * The echo of the Aeron round-trip scenarios, in its own JVM: sends every ping back as its pong. With a
 * bridge a ringbus bus sits in between (receiver, bus, sender): on one agent thread in AGENT mode, with the
 * receiver's agent thread and a sending stage in STAGED mode; in RAW mode one thread polls and offers.
 *
 * <p>Arguments: those of {@link Partner}, with the ping channel inbound and the pong channel outbound.
 */
public final class EchoMain {
    private EchoMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Partner.main(args, EchoMain::echo);
    }

    private static void echo(Partner p) throws InterruptedException {
        try (AeronBridge bridge = p.openBridge("aeron-echo")) {
            if (p.mode == AeronAdapter.Mode.RAW) {
                raw(bridge, p);
                return;
            }
            AeronSender<Ping> back = bridge.sender(p.outbound, Ping.PONG_STREAM, Ping.CODEC,
                    SenderConfig.defaults().idleStrategy(() -> Waits.idle(p.wait)));
            p.receiveInto(bridge, "echo", back);
            Partner.ready();
            p.awaitStop();
        }
    }

    private static void raw(AeronBridge bridge, Partner p) {
        IdleStrategy idle = Waits.idle(p.wait);
        try (Subscription in = bridge.aeron().addSubscription(p.inbound, Ping.PING_STREAM);
             ExclusivePublication out = bridge.aeron().addExclusivePublication(p.outbound, Ping.PONG_STREAM)) {
            FragmentHandler echo = (buffer, offset, length, header) -> {
                while (out.offer(buffer, offset, length) < 0 && p.running()) {
                    idle.idle();
                }
            };
            Partner.ready();
            while (p.running()) {
                idle.idle(in.poll(echo, 16));
            }
        }
    }
}
