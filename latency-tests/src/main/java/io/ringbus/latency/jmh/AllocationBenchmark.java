package io.ringbus.latency.jmh;

import io.ringbus.EventHandler;
import io.ringbus.EventTranslatorOneArg;
import io.ringbus.Poller;
import io.ringbus.ProducerMode;
import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.StageGroup;
import io.ringbus.WorkHandler;
import io.ringbus.WorkerPoolSpec;
import io.ringbus.latency.adapter.Msg;
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
 * Garbage per event, publish and consume, for every producer mode, stage kind and publish form. Run with
 * {@code -prof gc}: gc.alloc.rate.norm counts the bytes every thread allocated per event (stage threads
 * included), and must be about 0 B/op. The waits are yielding, so the figures do not depend on how often a
 * stage goes to sleep (a blocking strategy's sleep allocates a wait node: see docs/design.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class AllocationBenchmark {
    static final int BATCH = 256;

    @Param({"SINGLE", "MULTI"})
    public ProducerMode mode;

    /** broadcast, pipeline (two stages), pool (work-sharing), keyed-pool, poller (on the benchmark thread). */
    @Param({"broadcast", "pipeline", "pool", "keyed-pool", "poller"})
    public String stage;

    /** claim (claim / get / publish), translator (publishEvent with an object argument), batch (claim(8)). */
    @Param({"claim", "translator", "batch"})
    public String publish;

    private RingBus<Msg> bus;
    private Publisher<Msg> publisher;
    private Poller<Msg> poller;
    private final ConsumedSequence consumed = new ConsumedSequence();
    private final EventHandler<Msg> pollHandler = (event, sequence, endOfBatch) -> consumed.set(sequence, event.value);
    private long value;
    /** The translator's argument: an object, so the benchmark itself boxes nothing. */
    private final Msg template = new Msg();
    private static final EventTranslatorOneArg<Msg, Msg> COPY = (event, sequence, from) -> event.set(from.value, 0);

    @Setup(Level.Trial)
    public void setUp() {
        bus = RingBus.builder(Msg::new).capacity(4096).producerMode(mode)
                .waitStrategy(new YieldingWaitStrategy()).producerWaitStrategy(new YieldingWaitStrategy())
                .name("jmh-alloc").build();
        EventHandler<Msg> last = (event, sequence, endOfBatch) -> {
            if (endOfBatch) {
                consumed.set(sequence, event.value);
            }
        };
        switch (stage) {
            case "broadcast":
                bus.handleEventsWith(last);
                break;
            case "pipeline":
                bus.handleEventsWith((EventHandler<Msg>) (e, s, end) -> e.stamp++).then(last);
                break;
            case "pool":
                pool(WorkerPoolSpec.of(2, AllocationBenchmark::worker)).then(last);
                break;
            case "keyed-pool":
                pool(WorkerPoolSpec.of(2, AllocationBenchmark::worker).partitionBy(m -> m.value)).then(last);
                break;
            case "poller":
                poller = bus.newPoller("poller");
                break;
            default:
                throw new IllegalArgumentException("stage " + stage);
        }
        bus.start();
        publisher = bus.publisher();
    }

    private StageGroup<Msg> pool(WorkerPoolSpec<Msg> spec) {
        return bus.handleEventsWithWorkerPool(spec);
    }

    /** A new instance per worker: a bus rejects the same handler twice. */
    private static WorkHandler<Msg> worker() {
        return new WorkHandler<>() {
            @Override
            public void onEvent(Msg event, long sequence) {
                event.stamp++;
            }
        };
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        bus.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long publishAndConsume() {
        long last = -1;
        if (publish.equals("batch")) {
            for (int i = 0; i < BATCH; i += 8) {
                long lo = publisher.claim(8);
                for (long s = lo; s < lo + 8; s++) {
                    publisher.get(s).set(value++, 0);
                }
                publisher.publish(lo, lo + 7);
                last = lo + 7;
            }
        } else if (publish.equals("translator")) {
            for (int i = 0; i < BATCH; i++) {
                template.value = value++;
                publisher.publishEvent(COPY, template);
            }
            last = bus.lastClaimedSequence();
        } else {
            for (int i = 0; i < BATCH; i++) {
                last = publisher.claim();
                publisher.get(last).set(value++, 0);
                publisher.publish(last);
            }
        }
        if (poller != null) {
            while (poller.sequence() < last) {
                poller.poll(pollHandler, BATCH);
            }
        } else {
            consumed.awaitAtLeast(last);
        }
        return last;
    }
}
