package io.ringbus.latency.jmh;

import io.ringbus.EventHandler;
import io.ringbus.Poller;
import io.ringbus.ProducerMode;
import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.latency.adapter.Msg;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One event through a bus on one thread: claim, fill, publish, then poll it out. This is the cost a bus adds
 * to each message of an agent's duty cycle (a bridge end run by {@code AeronBridge.startAgents} pays it once
 * per bus a message crosses), and an idle poll, which each turn of a duty cycle that finds nothing pays per
 * poller. Single-threaded, so it measures instructions and fences, not cache traffic.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class PollerHopBenchmark {
    @Param({"SINGLE", "MULTI"})
    public ProducerMode mode;

    /** false: the default, exact close (a fenced SINGLE claim); true: {@code producersStopBeforeClose}. */
    @Param({"false", "true"})
    public boolean stopBeforeClose;

    private RingBus<Msg> bus;
    private Publisher<Msg> publisher;
    private Poller<Msg> poller;
    private long value;
    private long seen;
    private final EventHandler<Msg> handler = (event, sequence, endOfBatch) -> seen += event.value;

    @Setup(Level.Trial)
    public void setUp() {
        bus = RingBus.builder(Msg::new).capacity(1024).producerMode(mode).producersStopBeforeClose(stopBeforeClose)
                .name("jmh-hop").build();
        poller = bus.newPoller("hop");
        bus.start();
        publisher = bus.publisher();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        bus.close();
    }

    @Benchmark
    public long hop() {
        long s = publisher.claim();
        publisher.get(s).set(value++, 0);
        publisher.publish(s);
        poller.poll(handler, 64);
        return seen;
    }

    /** A poll that finds nothing: what each idle turn of a duty cycle pays per poller. */
    @Benchmark
    public Object idlePoll() {
        return poller.poll(handler, 64);
    }
}
