package io.ringbus.latency.aeron;

import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.ringbus.ExceptionPolicy;
import io.ringbus.Poller;
import io.ringbus.RingBus;
import io.ringbus.StageSpec;
import io.ringbus.aeron.AeronBridge;
import io.ringbus.aeron.AeronBridgeBuilder;
import io.ringbus.aeron.AeronReceiver;
import io.ringbus.aeron.AeronSender;
import io.ringbus.aeron.PollerAgent;
import io.ringbus.aeron.ReceiverConfig;
import io.ringbus.aeron.SenderConfig;
import io.ringbus.latency.adapter.WaitMode;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.IdleStrategy;

/**
 * The echo of the Aeron round-trip scenarios, in its own JVM: sends every ping back as its pong. With a
 * bridge a ringbus bus sits in between (receiver, bus, sender): on one agent thread in AGENT mode, with the
 * receiver's agent thread and a sending stage in STAGED mode; in RAW mode one thread polls and offers.
 * Prints READY once subscribed; stops when its standard input closes (the harness side is done or gone),
 * or after the limit.
 *
 * <p>Arguments: AGENT|STAGED|RAW, the driver directory or {@code embedded}, ping channel, pong channel, wait mode,
 * ring capacity, limit in milliseconds.
 */
public final class EchoMain {
    private static volatile boolean stop;

    private EchoMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        try {
            run(args);
        } finally {
            EchoProcess.reportCpu();
        }
    }

    private static void run(String[] args) throws InterruptedException {
        AeronAdapter.Mode mode = AeronAdapter.Mode.valueOf(args[0]);
        String dir = args[1];
        String ping = args[2];
        String pong = args[3];
        WaitMode wait = WaitMode.parse(args[4]);
        int capacity = Integer.parseInt(args[5]);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[6]));
        watchStandardInput(() -> stop = true);
        // Only UDP has an embedded driver here, and it carries every message: it idles as the run says.
        AeronBridgeBuilder builder = AeronBridge.builder().name("aeron-echo")
                .driverContext(c -> c.sharedIdleStrategy(Waits.idle(wait)));
        try (AeronBridge bridge = dir.equals("embedded") ? builder.build() : builder.externalDriver(dir).build()) {
            if (mode != AeronAdapter.Mode.RAW) {
                bridged(bridge, mode, ping, pong, wait, capacity);
                System.out.println("READY");
                System.out.flush();
                while (!stop && System.nanoTime() - deadline < 0) {
                    Thread.sleep(5);
                }
            } else {
                raw(bridge, ping, pong, wait, deadline);
            }
        }
    }

    private static void bridged(AeronBridge bridge, AeronAdapter.Mode mode, String ping, String pong, WaitMode wait,
                                int capacity) {
        RingBus<Ping> echo = bridge.closeOnClose(RingBus.builder(Ping::new).name("echo").capacity(capacity)
                .exceptionPolicy(ExceptionPolicy.haltBus())
                .waitStrategy(Waits.ring(wait)).producerWaitStrategy(Waits.ring(wait)).build());
        AeronSender<Ping> back = bridge.sender(pong, Ping.PONG_STREAM, Ping.CODEC,
                SenderConfig.defaults().idleStrategy(() -> Waits.idle(wait)));
        Poller<Ping> toSend = mode == AeronAdapter.Mode.AGENT ? echo.newPoller("pong") : null;
        if (toSend == null) {
            echo.handleEventsWith(StageSpec.of(back).named("pong"));
        }
        echo.start();
        AeronReceiver<Ping> in = bridge.receiver(ping, Ping.PING_STREAM, Ping.CODEC, echo.publisher(),
                ReceiverConfig.defaults().idleStrategy(() -> Waits.idle(wait)));
        if (toSend == null) {
            in.start();
        } else {
            bridge.startAgents("echo", Waits.idle(wait), in, new PollerAgent<>(toSend, back, 64));
        }
    }

    private static void raw(AeronBridge bridge, String ping, String pong, WaitMode wait, long deadline) {
        IdleStrategy idle = Waits.idle(wait);
        try (Subscription in = bridge.aeron().addSubscription(ping, Ping.PING_STREAM);
             ExclusivePublication out = bridge.aeron().addExclusivePublication(pong, Ping.PONG_STREAM)) {
            FragmentHandler echo = (buffer, offset, length, header) -> {
                while (out.offer(buffer, offset, length) < 0 && !stop) {
                    idle.idle();
                }
            };
            System.out.println("READY");
            System.out.flush();
            while (!stop && System.nanoTime() - deadline < 0) {
                idle.idle(in.poll(echo, 16));
            }
        }
    }

    /** The harness holds our standard input open while it runs: end of input means stop. */
    static void watchStandardInput(Runnable onEnd) {
        Thread t = new Thread(() -> {
            InputStream in = System.in;
            try {
                while (in.read() >= 0) {
                    // nothing is sent; only the end matters
                }
            } catch (IOException ignored) {
                // treated as the end of input
            }
            onEnd.run();
        }, "partner-stdin");
        t.setDaemon(true);
        t.start();
    }
}
