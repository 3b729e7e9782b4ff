package io.ringbus.latency.aeron;

import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.ringbus.aeron.AeronBridge;
import io.ringbus.latency.adapter.WaitMode;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Raw Aeron, the floor: one thread offers each ping on an exclusive publication and polls the pong
 * subscription, on the same channels and streams as the bridged buses.
 */
final class RawRoundTrip implements RoundTrip {
    private final ExclusivePublication out;
    private final Subscription in;
    private final IdleStrategy idle;
    private final Pinger pinger;
    private final long hardDeadlineNanos;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Ping.LENGTH]);
    private final Thread thread;
    private volatile boolean stop;
    private boolean running = true;

    RawRoundTrip(AeronBridge bridge, String ping, String pong, WaitMode wait, Pinger pinger, long limitNanos) {
        this.out = bridge.aeron().addExclusivePublication(ping, Ping.PING_STREAM);
        this.in = bridge.aeron().addSubscription(pong, Ping.PONG_STREAM);
        this.idle = Waits.idle(wait);
        this.pinger = pinger;
        this.hardDeadlineNanos = limitNanos;
        pinger.out = this::offer;
        this.thread = new Thread(this::run, "aeron-raw-pinger");
        thread.setDaemon(true);
    }

    @Override
    public void start() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!(out.isConnected() && in.isConnected())) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("not connected to the echo within 20 s");
            }
            LockSupport.parkNanos(1_000_000);
        }
        thread.start();
    }

    private void run() {
        long end = System.nanoTime() + hardDeadlineNanos;
        FragmentHandler onPong = (b, offset, length, header) -> {
            if (running) {
                running = pinger.onPong(b.getLong(offset), b.getLong(offset + 8));
            }
        };
        pinger.start();
        while (running && !stop && System.nanoTime() - end < 0) {
            idle.idle(in.poll(onPong, 1));
        }
    }

    private void offer(long value, long stamp) {
        buffer.putLong(0, value);
        buffer.putLong(8, stamp);
        long result;
        while ((result = out.offer(buffer, 0, Ping.LENGTH)) < 0) {
            if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED || stop) {
                throw new IllegalStateException("ping not sent: " + Publication.errorString(result));
            }
            idle.idle();
        }
    }

    /** Stops the pinger thread, joins it, and closes the publication and subscription. */
    @Override
    public void close() {
        stop = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.close();
        in.close();
    }
}
