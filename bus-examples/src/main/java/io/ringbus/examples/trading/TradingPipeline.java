package io.ringbus.examples.trading;

import io.ringbus.ProducerMode;
import io.ringbus.RingBus;
import io.ringbus.RingBusBuilder;
import io.ringbus.ShutdownReport;
import io.ringbus.StageGroup;
import io.ringbus.StageSpec;
import io.ringbus.StageStats;
import io.ringbus.WorkerPoolSpec;
import io.ringbus.wait.BlockingWaitStrategy;
import io.ringbus.wait.BusySpinWaitStrategy;
import io.ringbus.wait.ParkingWaitStrategy;
import io.ringbus.wait.WaitStrategy;
import io.ringbus.wait.YieldingWaitStrategy;
import org.HdrHistogram.Histogram;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A trading pipeline: market orders from two gateway threads are journaled and risk-checked in parallel,
 * matched once both are done, and acknowledged by a pool of execution reporters.
 *
 * <pre>
 *   producer 0 --+                     +--&gt; journal --+
 *                +--&gt; [ ring MULTI ] --+              +--&gt; matching --&gt; reports (pool: reporter 0 | 1)
 *   producer 1 --+                     +--&gt; risk -----+
 *   producers &lt;-- gating -- min(reporter 0, reporter 1)
 * </pre>
 *
 * Every order is written once into a preallocated slot and read in place by every stage. The producers use
 * a constant translator and the stages keep preallocated state, so the hot path allocates nothing; the run
 * measures that per thread after a warm-up and checks it stays under one byte per order. Each order is
 * stamped with {@code System.nanoTime()} when it is published and its latency recorded when its execution
 * report goes out, so the percentiles include any wait in the ring. The other checks: every order journaled,
 * risk-checked and matched once, the matching engine sees both parallel stages' writes, and every order is
 * acknowledged by exactly one reporter.
 *
 * <p>Run: {@code TradingPipeline [ordersPerProducer] [ratePerProducer, 0 = flat out] [park|block|yield|spin]}.
 * The pipeline runs 7 threads; {@code spin} and {@code yield} only make sense with that many free cores.
 */
public final class TradingPipeline {
    static final int PRODUCERS = 2;
    static final int REPORTERS = 2;
    /**
     * Below this the allocation check is skipped: the JVM allocates a few KB once, the first time a rarely
     * taken path runs (a call site linked, a first park), and that must be small next to the order count.
     */
    static final int MIN_ORDERS_PER_PRODUCER_TO_MEASURE = 10_000;

    public record Result(long orders, long journaled, long approved, long riskRejected, long matched,
                         long filledLots, long trades, long diamondViolations, long reported, long unmatched,
                         long missingAcks, long duplicateAcks, List<Long> perReporter, Histogram latency,
                         long hotPathBytes, boolean allocationChecked, long targetRate, long maxBehindNanos,
                         long millis, boolean drained) {
        public boolean ok() {
            return journaled == orders && approved + riskRejected == orders && matched == approved
                    && diamondViolations == 0 && reported == orders && unmatched == 0 && missingAcks == 0
                    && duplicateAcks == 0 && latency.getTotalCount() == orders && drained
                    && (!allocationChecked || hotPathBytes < orders);
        }

        /** Orders per second over the whole run, drain included. */
        public long achievedRate() {
            return millis == 0 ? orders : orders * 1_000 / millis;
        }

        /** The counts and checks, with the latency as a percentile rather than the whole histogram. */
        @Override
        public String toString() {
            return String.format("orders=%d journaled=%d approved=%d riskRejected=%d matched=%d diamondViolations=%d"
                    + " reported=%d unmatched=%d missingAcks=%d duplicateAcks=%d perReporter=%s latencyCount=%d"
                    + " p99Nanos=%d hotPathBytes=%d allocationChecked=%b drained=%b", orders, journaled, approved,
                    riskRejected, matched, diamondViolations, reported, unmatched, missingAcks, duplicateAcks,
                    perReporter, latency.getTotalCount(), latency.getValueAtPercentile(99), hotPathBytes,
                    allocationChecked, drained);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int perProducer = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        String wait = args.length > 2 ? args[2] : "park";
        Path countersDir = args.length > 3 ? Path.of(args[3]) : null;
        if (countersDir != null) {
            System.out.println("trading: counters in " + countersDir.resolve("trading.counters")
                    + "; watch them with: latency-tests/ringbus-stat " + countersDir);
        }
        Result r = run(perProducer, rate, waitStrategy(wait), countersDir);
        print(r, wait);
        if (!r.ok()) {
            throw new IllegalStateException("trading pipeline checks failed: " + r);
        }
    }

    public static Result run(int ordersPerProducer, int ratePerProducer, WaitStrategy wait)
            throws InterruptedException {
        return run(ordersPerProducer, ratePerProducer, wait, null);
    }

    /** The same, exporting counters to {@code countersDir/trading.counters} unless it is null. */
    public static Result run(int ordersPerProducer, int ratePerProducer, WaitStrategy wait, Path countersDir)
            throws InterruptedException {
        RingBusBuilder<Order> builder = RingBus.builder(Order::new)
                .capacity(4096)
                .producerMode(ProducerMode.MULTI)
                .waitStrategy(wait)
                .name("trading");
        if (countersDir != null) {
            builder.counters(countersDir);
        }
        RingBus<Order> bus = builder.build();

        // the graph: (journal | risk) -> matching -> reports pool
        Journal journal = new Journal();
        RiskCheck risk = new RiskCheck();
        MatchingEngine matching = new MatchingEngine();
        AtomicIntegerArray acks = new AtomicIntegerArray(PRODUCERS * ordersPerProducer);
        List<ExecutionReporter> reporters = new ArrayList<>();
        for (int i = 0; i < REPORTERS; i++) {
            reporters.add(new ExecutionReporter(acks, ordersPerProducer));
        }
        StageGroup<Order> journaled = bus.handleEventsWith(StageSpec.of(journal).named("journal"));
        StageGroup<Order> checked = bus.handleEventsWith(StageSpec.of(risk).named("risk"));
        journaled.and(checked)
                .then(StageSpec.of(matching).named("matching"))
                .thenWorkerPool(WorkerPoolSpec.of(reporters).named("reports"));
        bus.start();

        // two gateway threads publish; then close() delivers everything and joins the stages
        List<OrderProducer> producers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int p = 0; p < PRODUCERS; p++) {
            OrderProducer producer = new OrderProducer(bus.publisher(), p, ordersPerProducer, ratePerProducer);
            Thread t = new Thread(producer, "trading-gateway-" + p);
            t.setUncaughtExceptionHandler((thread, e) -> failure.compareAndSet(null, e));
            producers.add(producer);
            threads.add(t);
        }
        long begin = System.nanoTime();
        ShutdownReport report;
        try {
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(60));
            }
        } finally {
            report = bus.close(10, TimeUnit.SECONDS);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
        if (failure.get() != null) {
            throw new IllegalStateException("a producer failed", failure.get());
        }

        // what happened: acks, latency, allocation
        long orders = producers.stream().mapToLong(OrderProducer::published).sum();
        long missing = 0;
        long duplicated = 0;
        for (int i = 0; i < acks.length(); i++) {
            missing += acks.get(i) == 0 ? 1 : 0;
            duplicated += Math.max(0, acks.get(i) - 1);
        }
        Histogram latency = new Histogram(ExecutionReporter.HIGHEST_TRACKABLE_NANOS, 3);
        reporters.forEach(r -> latency.add(r.latency()));

        List<AllocationMeter> meters = new ArrayList<>(List.of(journal.meter(), risk.meter(), matching.meter()));
        reporters.forEach(r -> meters.add(r.meter()));
        producers.forEach(p -> meters.add(p.meter()));
        boolean measured = ordersPerProducer >= MIN_ORDERS_PER_PRODUCER_TO_MEASURE;
        long hotPathBytes = meters.stream().mapToLong(AllocationMeter::allocatedBytes).filter(b -> b >= 0).sum();
        // BlockingWaitStrategy waits on a j.u.c. Condition, which allocates a node each time a stage blocks
        boolean allocationFreeWaits = !(wait instanceof BlockingWaitStrategy);

        List<Long> perReporter = bus.stats().stream().filter(s -> s.name().equals("reports"))
                .findFirst().map(StageStats::workerEvents).orElse(List.of());
        return new Result(orders, journal.journaled, risk.approved, risk.rejected, matching.matched,
                matching.filledQuantity, matching.trades, matching.diamondViolations,
                reporters.stream().mapToLong(r -> r.reported).sum(),
                reporters.stream().mapToLong(r -> r.unmatched).sum(), missing, duplicated, perReporter, latency,
                measured ? hotPathBytes : -1, measured && allocationFreeWaits, (long) ratePerProducer * PRODUCERS,
                producers.stream().mapToLong(p -> p.maxBehindNanos).max().orElse(0), millis, report.drained());
    }

    private static void print(Result r, String wait) {
        System.out.printf("trading: %d gateways (MULTI) -> journal | risk -> matching -> %d execution reporters, "
                + "wait strategy %s%n", PRODUCERS, REPORTERS, wait);
        System.out.printf("  orders %,d in %,d ms: %,d/s%s%n", r.orders(), r.millis(), r.achievedRate(),
                r.targetRate() > 0 ? String.format(" (target %,d/s)", r.targetRate()) : " (flat out)");
        if (r.targetRate() > 0 && r.achievedRate() < r.targetRate() * 95 / 100) {
            System.out.printf("  WARNING: TARGET RATE MISSED; producers fell up to %.1f ms behind schedule%n",
                    r.maxBehindNanos() / 1e6);
        }
        System.out.printf("  journaled %,d; risk approved %,d, rejected %,d%n", r.journaled(), r.approved(),
                r.riskRejected());
        System.out.printf("  matched %,d: %,d lots in %,d trades; diamond violations %d%n", r.matched(),
                r.filledLots(), r.trades(), r.diamondViolations());
        System.out.printf("  execution reports %,d, per reporter %s; missing %d, duplicated %d%n",
                r.reported(), r.perReporter(), r.missingAcks(), r.duplicateAcks());
        Histogram h = r.latency();
        System.out.printf("  end-to-end latency, publish -> execution report (us): p50 %.1f  p99 %.1f  "
                        + "p99.9 %.1f  max %.1f  (%,d orders)%n",
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
                h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3, h.getTotalCount());
        if (r.hotPathBytes() < 0) {
            System.out.println("  hot-path allocation: not measured (too few orders)");
        } else {
            System.out.printf("  hot-path allocation after warm-up, producers and stages: %,d bytes for %,d orders "
                    + "(%.3f bytes/order; under 1 means nothing is allocated per order)%n",
                    r.hotPathBytes(), r.orders(), (double) r.hotPathBytes() / r.orders());
            if (!r.allocationChecked()) {
                System.out.println("  (not checked: the blocking wait strategy allocates a lock node each time a "
                        + "stage blocks)");
            }
        }
        System.out.printf("  drained %b%n", r.drained());
        System.out.println(r.ok() ? "  OK" : "  FAILED");
    }

    static WaitStrategy waitStrategy(String name) {
        return switch (name) {
            case "park" -> new ParkingWaitStrategy();
            case "block" -> new BlockingWaitStrategy();
            case "yield" -> new YieldingWaitStrategy();
            case "spin" -> new BusySpinWaitStrategy();
            default -> throw new IllegalArgumentException("wait strategy must be park, block, yield or spin: " + name);
        };
    }

    private TradingPipeline() {
    }
}
