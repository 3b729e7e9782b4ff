package io.ringbus.latency.adapter.disruptor;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import io.ringbus.latency.adapter.Channel;
import io.ringbus.latency.adapter.ChannelConfig;
import io.ringbus.latency.adapter.Msg;
import io.ringbus.latency.adapter.Sender;
import io.ringbus.latency.adapter.ValueArg;
import io.ringbus.latency.adapter.StageThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** A started Disruptor topology; close waits until the last stage reaches the cursor, then halts. */
final class DisruptorChannel implements Channel {
    private final RingBuffer<Msg> ring;
    private final ChannelConfig config;
    private final StageThreads threads;
    private final List<BatchEventProcessor<Msg>> processors = new ArrayList<>();
    private Sequence[] lastStage = new Sequence[0];

    DisruptorChannel(RingBuffer<Msg> ring, ChannelConfig config) {
        this.ring = ring;
        this.config = config;
        this.threads = new StageThreads(config.name());
    }

    void addProcessor(String role, BatchEventProcessor<Msg> processor) {
        processors.add(processor);
        threads.add(role, processor);
    }

    void lastStage(Sequence[] sequences) {
        this.lastStage = sequences.clone();
    }

    @Override
    public Sender sender(int index) {
        return new RingSender(ring);
    }

    @Override
    public void start() {
        threads.start();
    }

    @Override
    public void close() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.closeTimeoutMillis());
        long cursor = ring.getCursor();
        while (!drained(cursor)) {
            threads.rethrowFailure();
            if (StageThreads.expired(deadline)) {
                processors.forEach(BatchEventProcessor::halt);
                throw new IllegalStateException(config.name() + ": stages did not drain to " + cursor
                        + " within " + config.closeTimeoutMillis() + " ms");
            }
            LockSupport.parkNanos(100_000);
        }
        processors.forEach(BatchEventProcessor::halt);
        threads.join(config.closeTimeoutMillis());
    }

    private boolean drained(long cursor) {
        for (Sequence s : lastStage) {
            if (s.get() < cursor) {
                return false;
            }
        }
        return true;
    }

    /** next / get / publish, the Disruptor's own claim protocol. */
    private static final class RingSender implements Sender {
        private static final EventTranslatorOneArg<Msg, ValueArg> COPY = (m, seq, a) -> m.set(a.value, a.stamp);
        private final RingBuffer<Msg> ring;
        private ValueArg[] args;

        RingSender(RingBuffer<Msg> ring) {
            this.ring = ring;
        }

        @Override
        public void send(long value, long stamp) {
            long seq = ring.next();
            ring.get(seq).set(value, stamp);
            ring.publish(seq);
        }

        @Override
        public void sendBatch(long firstValue, int count, long stamp) {
            long hi = ring.next(count);
            long lo = hi - (count - 1);
            for (long s = lo; s <= hi; s++) {
                ring.get(s).set(firstValue + (s - lo), stamp);
            }
            ring.publish(lo, hi);
        }

        @Override
        public void sendTranslatedBatch(long firstValue, int count, long stamp) {
            args = ValueArg.fill(args, firstValue, count, stamp);
            ring.publishEvents(COPY, 0, count, args);
        }
    }
}
