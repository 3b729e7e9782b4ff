package io.ringbus.latency.adapter.ringbus;

import io.ringbus.EventTranslatorOneArg;
import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.ShutdownReport;
import io.ringbus.StageStats;
import io.ringbus.latency.adapter.Channel;
import io.ringbus.latency.adapter.ChannelConfig;
import io.ringbus.latency.adapter.Msg;
import io.ringbus.latency.adapter.Sender;
import io.ringbus.latency.adapter.ValueArg;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** A started bus; close is the bus's own drain-then-join, and a timeout becomes a failure. */
final class RingBusChannel implements Channel {
    private final RingBus<Msg> bus;
    private final ChannelConfig config;

    RingBusChannel(RingBus<Msg> bus, ChannelConfig config) {
        this.bus = bus;
        this.config = config;
    }

    @Override
    public Sender sender(int index) {
        return new BusSender(bus.publisher());
    }

    @Override
    public void start() {
        bus.start();
    }

    @Override
    public void close() {
        ShutdownReport report = bus.close(config.closeTimeoutMillis(), TimeUnit.MILLISECONDS);
        if (report.timedOut() || !report.drained()) {
            throw new IllegalStateException(config.name() + ": bus did not drain: " + report);
        }
    }

    @Override
    public String diagnostics() {
        StringBuilder sb = new StringBuilder("diag:");
        for (StageStats s : bus.stats()) {
            if (s.batches() > 0 && !s.kind().contains("pool")) {
                sb.append(String.format(Locale.ROOT, " %s %.1f events/batch;", s.name(), (s.sequence() + 1.0) / s.batches()));
            }
        }
        return sb.append(String.format(Locale.ROOT, " producer stalled %.1f ms", bus.producerStallNanos() / 1e6)).toString();
    }

    /** claim / get / publish: the narrow publish API, no translator needed. */
    private static final class BusSender implements Sender {
        private static final EventTranslatorOneArg<Msg, ValueArg> COPY = (m, seq, a) -> m.set(a.value, a.stamp);
        private final Publisher<Msg> publisher;
        private ValueArg[] args;

        BusSender(Publisher<Msg> publisher) {
            this.publisher = publisher;
        }

        @Override
        public void send(long value, long stamp) {
            long seq = publisher.claim();
            publisher.get(seq).set(value, stamp);
            publisher.publish(seq);
        }

        @Override
        public void sendBatch(long firstValue, int count, long stamp) {
            long lo = publisher.claim(count);
            long hi = lo + count - 1;
            for (long s = lo; s <= hi; s++) {
                publisher.get(s).set(firstValue + (s - lo), stamp);
            }
            publisher.publish(lo, hi);
        }

        @Override
        public void sendTranslatedBatch(long firstValue, int count, long stamp) {
            args = ValueArg.fill(args, firstValue, count, stamp);
            publisher.publishEvents(COPY, args, 0, count);
        }
    }
}
