package io.ringbus.latency.aeron;

import io.ringbus.EventHandler;
import io.ringbus.ExceptionPolicy;
import io.ringbus.Poller;
import io.ringbus.RingBus;
import io.ringbus.aeron.AeronBridge;
import io.ringbus.aeron.AeronBridgeBuilder;
import io.ringbus.aeron.AeronReceiver;
import io.ringbus.aeron.PollerAgent;
import io.ringbus.aeron.ReceiverConfig;
import io.ringbus.latency.adapter.WaitMode;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * What the echo and the sink JVMs share: their common arguments, their bridge, the bus a receiver feeds
 * in each mode, and the lines {@link EchoProcess} reads (READY, then CPU on the way out). Stops when its
 * standard input closes, which the harness holds open while it runs, or at the limit.
 *
 * <p>Common arguments: AGENT|STAGED|RAW, the driver directory or {@code embedded}, inbound channel,
 * outbound channel, wait mode, ring capacity, limit in milliseconds; then each partner's own.
 */
final class Partner {
    /** A partner's work, once its arguments are read. */
    @FunctionalInterface
    interface Body {
        void run(Partner partner) throws InterruptedException;
    }

    final AeronAdapter.Mode mode;
    final String inbound;
    final String outbound;
    final WaitMode wait;
    final int capacity;
    private final String dir;
    private final String[] args;
    private final long deadline;
    private volatile boolean stop;

    private Partner(String[] args) {
        this.args = args;
        this.mode = AeronAdapter.Mode.valueOf(args[0]);
        this.dir = args[1];
        this.inbound = args[2];
        this.outbound = args[3];
        this.wait = WaitMode.parse(args[4]);
        this.capacity = Integer.parseInt(args[5]);
        this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[6]));
    }

    /** Runs {@code body}, then reports the JVM's CPU whatever happened. */
    static void main(String[] args, Body body) throws InterruptedException {
        try {
            Partner partner = new Partner(args);
            partner.watchStandardInput();
            body.run(partner);
        } finally {
            EchoProcess.reportCpu();
        }
    }

    /** The partner's own argument {@code i}, counted after the common ones. */
    long longArg(int i) {
        return Long.parseLong(args[7 + i]);
    }

    /**
     * Its bridge: on the harness's driver (IPC), or with an embedded one (UDP), which carries every
     * message and so idles as the run says.
     */
    AeronBridge openBridge(String name) {
        AeronBridgeBuilder builder = AeronBridge.builder().name(name)
                .driverContext(c -> c.sharedIdleStrategy(Waits.idle(wait)));
        return dir.equals("embedded") ? builder.build() : builder.externalDriver(dir).build();
    }

    /**
     * A bus that a receiver on the inbound channel feeds and {@code consumer} drains: on one agent thread
     * (AGENT), or on the receiver's thread and a stage thread (STAGED).
     */
    void receiveInto(AeronBridge bridge, String name, EventHandler<Ping> consumer) {
        RingBus<Ping> bus = bridge.closeOnClose(RingBus.builder(Ping::new).name(name).capacity(capacity)
                .exceptionPolicy(ExceptionPolicy.haltBus())
                .waitStrategy(Waits.ring(wait)).producerWaitStrategy(Waits.ring(wait)).build());
        Poller<Ping> poller = mode == AeronAdapter.Mode.AGENT ? bus.newPoller(name) : null;
        if (poller == null) {
            bus.handleEventsWith(consumer);
        }
        bus.start();
        AeronReceiver<Ping> in = bridge.receiver(inbound, Ping.PING_STREAM, Ping.CODEC, bus.publisher(),
                ReceiverConfig.defaults().idleStrategy(() -> Waits.idle(wait)));
        if (poller == null) {
            in.start();
        } else {
            bridge.startAgents(name, Waits.idle(wait), in, new PollerAgent<>(poller, consumer, 256));
        }
    }

    boolean running() {
        return !stop && System.nanoTime() - deadline < 0;
    }

    /** Waits on the main thread while the partner's threads work. */
    void awaitStop() throws InterruptedException {
        while (running()) {
            Thread.sleep(5);
        }
    }

    static void ready() {
        System.out.println(EchoProcess.READY);
        System.out.flush();
    }

    private void watchStandardInput() {
        Thread t = new Thread(() -> {
            InputStream in = System.in;
            try {
                while (in.read() >= 0) {
                    // nothing is sent; only the end matters
                }
            } catch (IOException ignored) {
                // treated as the end of input
            }
            stop = true;
        }, "partner-stdin");
        t.setDaemon(true);
        t.start();
    }
}
