package io.ringbus.examples.packet;

import io.ringbus.RingBus;
import io.ringbus.ShutdownReport;
import io.ringbus.StageSpec;
import io.ringbus.StageStats;
import io.ringbus.WorkerPoolSpec;
import org.agrona.concurrent.ShutdownSignalBarrier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A packet-processing pipeline: a receive loop writes raw packets into the ring, a classifier parses them in
 * place, a pool partitioned by flow hash does per-flow work, and a counters stage tallies traffic.
 *
 * <pre>
 *   source --claim(32)--&gt; [ ring ] &lt;-- classify &lt;-- flows (by flow hash: worker 0 | 1 | ...) &lt;-- counters
 *   source &lt;-- gating ---------------------------------------------------------------------- counters
 * </pre>
 *
 * The bytes of each packet live in an Agrona {@code UnsafeBuffer} over a byte array preallocated in each
 * slot, so the ring holds the packets themselves, not references to copies. The pool routes each packet by
 * the flow hash the classifier wrote, so each flow is handled by one worker, in order; the workers check
 * that, and the counters stage checks it sees each worker's stamp. The run prints packets per second and
 * how evenly the flows spread over the workers, from {@code bus.stats()}.
 *
 * <p>Run: {@code PacketPipeline [packets] [workers]}, or {@code PacketPipeline forever [workers]} to run
 * until Ctrl-C (with a progress line each second). Uses Agrona: needs
 * {@code --add-opens java.base/jdk.internal.misc=ALL-UNNAMED} unless run with {@code java -jar}.
 */
public final class PacketPipeline {

    public record Result(long packets, long counted, long invalid, long orderBreaks, long unstamped,
                         List<Long> packetsByClass, List<Long> perWorker, List<Integer> flowsPerWorker, long millis,
                         boolean drained) {
        public boolean ok() {
            return counted == packets && invalid == 0 && orderBreaks == 0 && unstamped == 0
                    && perWorker.stream().mapToLong(Long::longValue).sum() == packets && drained;
        }

        public long packetsPerSecond() {
            return millis == 0 ? packets : packets * 1_000 / millis;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        boolean forever = args.length > 0 && args[0].equals("forever");
        long packets = args.length > 0 && !forever ? Long.parseLong(args[0]) : 2_000_000;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Result r;
        if (forever) {
            // Ctrl-C signals the barrier; the JVM exits only once the barrier is closed, after the summary
            try (ShutdownSignalBarrier signal = new ShutdownSignalBarrier()) {
                r = run(Long.MAX_VALUE, workers, signal);
                print(r, workers);
            }
        } else {
            r = run(packets, workers, null);
            print(r, workers);
        }
        if (!r.ok()) {
            throw new IllegalStateException("packet pipeline checks failed: " + r);
        }
    }

    public static Result run(long packets, int workers) throws InterruptedException {
        return run(packets, workers, null);
    }

    private static Result run(long packets, int workers, ShutdownSignalBarrier untilSignal)
            throws InterruptedException {
        RingBus<Packet> bus = RingBus.builder(Packet::new).capacity(8192).name("packets").build();
        Classifier classifier = new Classifier();
        List<FlowWorker> flowWorkers = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            flowWorkers.add(new FlowWorker());
        }
        TrafficCounters counters = new TrafficCounters();
        bus.handleEventsWith(StageSpec.of(classifier).named("classify"))
                .thenWorkerPool(WorkerPoolSpec.of(flowWorkers).named("flows").partitionBy(p -> p.flowHash))
                .then(StageSpec.of(counters).named("counters"));
        bus.start();

        PacketSource source = new PacketSource(bus.publisher(), packets);
        Thread receiveLoop = new Thread(source, "packets-source");
        long begin = System.nanoTime();
        ShutdownReport report;
        try {
            receiveLoop.start();
            if (untilSignal != null) {
                Thread progress = startProgress(bus);
                untilSignal.await();
                source.stop();
                progress.interrupt();
            }
            receiveLoop.join(TimeUnit.SECONDS.toMillis(60));
        } finally {
            source.stop();
            report = bus.close(10, TimeUnit.SECONDS);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);

        List<Long> perWorker = bus.stats().stream().filter(s -> s.name().equals("flows"))
                .findFirst().map(StageStats::workerEvents).orElse(List.of());
        return new Result(source.published, counters.packets, counters.invalid,
                flowWorkers.stream().mapToLong(w -> w.orderBreaks).sum(), counters.unstamped,
                Arrays.stream(counters.packetsByClass).boxed().toList(), perWorker,
                flowWorkers.stream().map(FlowWorker::flows).toList(), millis, report.drained());
    }

    /** A daemon thread printing the packet rate once a second, read from the counters stage's progress. */
    private static Thread startProgress(RingBus<Packet> bus) {
        Thread t = new Thread(() -> {
            long last = 0;
            try {
                while (true) {
                    Thread.sleep(1_000);
                    long done = bus.stats().stream().filter(s -> s.name().equals("counters"))
                            .mapToLong(s -> s.sequence() + 1).findFirst().orElse(0);
                    System.out.printf("  %,d packets/s (%,d in all)%n", done - last, done);
                    last = done;
                }
            } catch (InterruptedException stop) {
                // the run is over
            }
        }, "packets-progress");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void print(Result r, int workers) {
        System.out.printf("packets: source -> classify -> %d flow workers (by flow hash) -> counters%n", workers);
        System.out.printf("  %,d packets in %,d ms: %,d packets/s%n", r.packets(), r.millis(), r.packetsPerSecond());
        StringBuilder classes = new StringBuilder();
        for (int c = 0; c < TrafficClass.COUNT; c++) {
            classes.append(c == 0 ? "" : ", ").append(TrafficClass.NAMES[c]).append(' ')
                    .append(String.format("%,d", r.packetsByClass().get(c)));
        }
        System.out.printf("  counted %,d (%s); invalid %d%n", r.counted(), classes, r.invalid());
        long total = Math.max(1, r.perWorker().stream().mapToLong(Long::longValue).sum());
        for (int w = 0; w < r.perWorker().size(); w++) {
            System.out.printf("  worker %d: %,d packets (%.1f%%), %,d flows%n", w, r.perWorker().get(w),
                    100.0 * r.perWorker().get(w) / total, r.flowsPerWorker().get(w));
        }
        System.out.printf("  per-flow order breaks %d, packets missing a worker stamp %d, drained %b%n",
                r.orderBreaks(), r.unstamped(), r.drained());
        System.out.println(r.ok() ? "  OK" : "  FAILED");
    }

    private PacketPipeline() {
    }
}
