package io.ringbus.latency.jmh;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.ProducerType;
import io.ringbus.latency.adapter.Msg;
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

/** The same two measurements as {@link RingBusPublishBenchmark}, on the LMAX Disruptor, for reference. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class DisruptorPublishBenchmark {
    static final int BATCH = RingBusPublishBenchmark.BATCH;

    @Param({"SINGLE", "MULTI"})
    public ProducerType mode;

    @Param({"65536"})
    public int capacity;

    @Param({"busy-spin"})
    public String stageWait;

    private RingBuffer<Msg> ring;
    private BatchEventProcessor<Msg> processor;
    private Thread thread;
    private final ConsumedSequence consumed = new ConsumedSequence();
    private long value;

    @Setup(Level.Trial)
    public void setUp() {
        ring = RingBuffer.create(mode, Msg::new, capacity,
                "yield".equals(stageWait) ? new YieldingWaitStrategy() : new BusySpinWaitStrategy());
        processor = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(), new Handler(consumed));
        ring.addGatingSequences(processor.getSequence());
        thread = new Thread(processor, "jmh-disruptor");
        thread.setDaemon(true);
        thread.start();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        consumed.awaitAtLeast(ring.getCursor());
        processor.halt();
        thread.join(10_000);
    }

    @Benchmark
    public long publish() {
        long seq = ring.next();
        ring.get(seq).set(value++, 0);
        ring.publish(seq);
        return seq;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long publishAndConsume() {
        long last = -1;
        for (int i = 0; i < BATCH; i++) {
            last = ring.next();
            ring.get(last).set(value++, 0);
            ring.publish(last);
        }
        consumed.awaitAtLeast(last);
        return last;
    }

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
