package io.ringbus.latency.aeron;

import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.ringbus.aeron.AeronBridge;
import java.util.function.BooleanSupplier;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The receiving JVM of the Aeron throughput scenarios: takes the warm-up messages, then the measured ones,
 * checks their order and sum, and acknowledges (count, sum, messages out of order) after the last warm-up
 * message and after the last of all, on raw Aeron whatever the mode, so that only the forward path differs
 * between modes. With a bridge the messages go through a receiver into a bus whose consumer counts them: on
 * one agent thread (AGENT), or the receiver's thread and a stage thread (STAGED); RAW counts in the poll
 * handler.
 *
 * <p>Arguments: those of {@link Partner}, with the data channel inbound and the acknowledgement channel
 * outbound; then the warm-up messages and the measured messages.
 */
public final class SinkMain {
    private SinkMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Partner.main(args, SinkMain::sink);
    }

    private static void sink(Partner p) throws InterruptedException {
        long warm = p.longArg(0);
        long expected = warm + p.longArg(1);
        try (AeronBridge bridge = p.openBridge("aeron-sink");
             ExclusivePublication ack = bridge.aeron().addExclusivePublication(p.outbound, Ping.PONG_STREAM)) {
            Counting counting = new Counting(warm, expected, ack, Waits.idle(p.wait), p::running);
            if (p.mode == AeronAdapter.Mode.RAW) {
                try (Subscription in = bridge.aeron().addSubscription(p.inbound, Ping.PING_STREAM)) {
                    FragmentHandler onMessage = (b, offset, length, header) -> counting.take(b.getLong(offset));
                    Partner.ready();
                    IdleStrategy idle = Waits.idle(p.wait);
                    while (p.running()) {
                        idle.idle(in.poll(onMessage, 256));
                    }
                }
                return;
            }
            p.receiveInto(bridge, "sink", (ping, sequence, endOfBatch) -> counting.take(ping.value));
            Partner.ready();
            p.awaitStop();
        }
    }

    /** Counts on one thread; acknowledges the last warm-up message and the last message. */
    private static final class Counting {
        private final long warm;
        private final long expected;
        private final ExclusivePublication ack;
        private final IdleStrategy idle;
        private final BooleanSupplier running;
        private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Ack.LENGTH]);
        private long count;
        private long sum;
        private long outOfOrder;

        Counting(long warm, long expected, ExclusivePublication ack, IdleStrategy idle, BooleanSupplier running) {
            this.warm = warm;
            this.expected = expected;
            this.ack = ack;
            this.idle = idle;
            this.running = running;
        }

        void take(long value) {
            if (value != count) {
                outOfOrder++;
            }
            count++;
            sum += value;
            if (count == expected || count == warm) {
                Ack.write(buffer, count, sum, outOfOrder);
                while (ack.offer(buffer, 0, Ack.LENGTH) < 0 && running.getAsBoolean()) {
                    idle.idle();
                }
            }
        }
    }
}
