package io.ringbus.latency.aeron;

import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
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
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The receiving JVM of the Aeron throughput scenarios: takes the warm-up messages, then the measured ones,
 * checks their order and sum, and acknowledges (count, sum, messages out of order) after the last warm-up
 * message and after the last of all, on raw Aeron whatever the mode, so that only the forward path differs
 * between modes. With a bridge the messages go through a receiver into a bus whose consumer counts them: on
 * one agent thread (AGENT), or the receiver's thread and a stage thread (STAGED); RAW counts in the poll
 * handler. Prints READY once subscribed; stops when its standard input closes or after the limit.
 *
 * <p>Arguments: AGENT|STAGED|RAW, the driver directory or {@code embedded}, data channel, acknowledgement
 * channel, wait mode, ring capacity, limit in milliseconds, warm-up messages, measured messages.
 */
public final class SinkMain {
    private static volatile boolean stop;

    private SinkMain() {
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
        String data = args[2];
        String ackChannel = args[3];
        WaitMode wait = WaitMode.parse(args[4]);
        int capacity = Integer.parseInt(args[5]);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[6]));
        long warm = Long.parseLong(args[7]);
        long expected = warm + Long.parseLong(args[8]);
        EchoMain.watchStandardInput(() -> stop = true);
        AeronBridgeBuilder builder = AeronBridge.builder().name("aeron-sink")
                .driverContext(c -> c.sharedIdleStrategy(Waits.idle(wait)));
        try (AeronBridge bridge = dir.equals("embedded") ? builder.build() : builder.externalDriver(dir).build();
             ExclusivePublication ack = bridge.aeron().addExclusivePublication(ackChannel, Ping.PONG_STREAM)) {
            Counting counting = new Counting(warm, expected, ack, wait);
            if (mode == AeronAdapter.Mode.RAW) {
                try (Subscription in = bridge.aeron().addSubscription(data, Ping.PING_STREAM)) {
                    FragmentHandler onMessage = (b, offset, length, header) -> counting.take(b.getLong(offset));
                    ready();
                    IdleStrategy idle = Waits.idle(wait);
                    while (!stop && System.nanoTime() - deadline < 0) {
                        idle.idle(in.poll(onMessage, 256));
                    }
                }
                return;
            }
            RingBus<Ping> bus = bridge.closeOnClose(RingBus.builder(Ping::new).name("sink").capacity(capacity)
                    .exceptionPolicy(ExceptionPolicy.haltBus())
                    .waitStrategy(Waits.ring(wait)).producerWaitStrategy(Waits.ring(wait)).build());
            EventHandler<Ping> count = (p, sequence, endOfBatch) -> counting.take(p.value);
            Poller<Ping> poller = mode == AeronAdapter.Mode.AGENT ? bus.newPoller("count") : null;
            if (poller == null) {
                bus.handleEventsWith(count);
            }
            bus.start();
            AeronReceiver<Ping> in = bridge.receiver(data, Ping.PING_STREAM, Ping.CODEC, bus.publisher(),
                    ReceiverConfig.defaults().idleStrategy(() -> Waits.idle(wait)));
            if (poller == null) {
                in.start();
            } else {
                bridge.startAgents("sink", Waits.idle(wait), in, new PollerAgent<>(poller, count, 256));
            }
            ready();
            while (!stop && System.nanoTime() - deadline < 0) {
                Thread.sleep(5);
            }
        }
    }

    private static void ready() {
        System.out.println("READY");
        System.out.flush();
    }

    /** Counts on one thread; acknowledges the last warm-up message and the last message. */
    private static final class Counting {
        private final long warm;
        private final long expected;
        private final ExclusivePublication ack;
        private final IdleStrategy idle;
        private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Ack.LENGTH]);
        private long count;
        private long sum;
        private long outOfOrder;

        Counting(long warm, long expected, ExclusivePublication ack, WaitMode wait) {
            this.warm = warm;
            this.expected = expected;
            this.ack = ack;
            this.idle = Waits.idle(wait);
        }

        void take(long value) {
            if (value != count) {
                outOfOrder++;
            }
            count++;
            sum += value;
            if (count == expected || count == warm) {
                Ack.write(buffer, count, sum, outOfOrder);
                while (ack.offer(buffer, 0, Ack.LENGTH) < 0 && !stop) {
                    idle.idle();
                }
            }
        }
    }
}
