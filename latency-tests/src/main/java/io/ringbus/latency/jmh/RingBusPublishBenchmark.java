package io.ringbus.latency.jmh;

import io.ringbus.EventHandler;
import io.ringbus.ProducerMode;
import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.latency.adapter.Msg;
import io.ringbus.wait.BusySpinWaitStrategy;
import io.ringbus.wait.YieldingWaitStrategy;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost per event of ringbus's publish path, SINGLE and MULTI: {@code publish} is claim / fill / publish
 * with a no-op consumer stage keeping the ring from filling; {@code publishAndConsume} publishes a batch
 * and waits until the stage has handled it, so it is the per-event cost of both sides. Run with
 * {@code -prof gc}: gc.alloc.rate.norm must be about 0 B/op (see docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class RingBusPublishBenchmark {
    static final int BATCH = 1000;

    @Param({"SINGLE", "MULTI"})
    public ProducerMode mode;

    @Param({"65536"})
    public int capacity;

    /** busy-spin or yield for the consuming stage; yield is kinder to a shared 2-core machine. */
    @Param({"busy-spin"})
    public String stageWait;

    private RingBus<Msg> bus;
    private Publisher<Msg> publisher;
    private final ConsumedSequence consumed = new ConsumedSequence();
    private long value;

    @Setup(Level.Trial)
    public void setUp() {
        bus = RingBus.builder(Msg::new).capacity(capacity).producerMode(mode)
                .waitStrategy("yield".equals(stageWait) ? new YieldingWaitStrategy() : new BusySpinWaitStrategy())
                .producerWaitStrategy(new YieldingWaitStrategy())
                .name("jmh-ringbus").build();
        bus.handleEventsWith(new Handler(consumed));
        bus.start();
        publisher = bus.publisher();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        bus.close();
    }

    @Benchmark
    public long publish() {
        long seq = publisher.claim();
        publisher.get(seq).set(value++, 0);
        publisher.publish(seq);
        return seq;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long publishAndConsume() {
        long last = -1;
        for (int i = 0; i < BATCH; i++) {
            last = publisher.claim();
            publisher.get(last).set(value++, 0);
            publisher.publish(last);
        }
        consumed.awaitAtLeast(last);
        return last;
    }

    /** Stores the sequence once per batch, so the waiting benchmark thread costs the stage almost nothing. */
    static final class Handler implements EventHandler<Msg> {
        private final ConsumedSequence consumed;
        private long sum;

        Handler(ConsumedSequence consumed) {
            this.consumed = consumed;
        }

        @Override
        public void onEvent(Msg event, long sequence, boolean endOfBatch) {
            sum += event.value;
            if (endOfBatch) {
                consumed.set(sequence, sum);
            }
        }
    }
}
