package io.ringbus.examples;

import io.ringbus.RingBus;
import io.ringbus.ShutdownReport;
import io.ringbus.StageSpec;
import io.ringbus.StageThreadFactory;
import io.ringbus.StageThreadInfo;
import io.ringbus.WorkHandler;
import io.ringbus.WorkerPoolSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Thread placement: a {@link StageThreadFactory} learns which stage, and which worker of a pool, each thread is
 * for, so it can pin it. This one decides a core per thread (core 0 left to the operating system, then one
 * core each, in the order the stages were added) and prints the plan instead of pinning: swap the print for
 * your affinity library's call, made first thing inside the new thread.
 *
 * <pre>
 *   decode -&gt; enrich pool (2 workers) -&gt; publish
 * </pre>
 *
 * <p>Run: {@code PlacementExample [events]}
 */
public final class PlacementExample {

    /** The event. */
    static final class Tick {
        long value;
    }

    /** Where each thread would go, and how many events went through. */
    public record Result(List<String> placements, List<String> ranOn, long delivered, boolean drained) {
        public boolean ok(long events) {
            return delivered == events && drained && placements.size() == 4 && ranOn.size() == 4;
        }
    }

    /** Decides the cores: the n-th thread asked for gets core 1 + n, wrapping around the cores there are. */
    static final class PinningPlan implements StageThreadFactory {
        private final int cores = Runtime.getRuntime().availableProcessors();
        private final List<String> placements = Collections.synchronizedList(new ArrayList<>());
        private final List<String> ranOn = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Thread newThread(StageThreadInfo info, Runnable body) {
            int core = cores <= 1 ? 0 : 1 + placements.size() % (cores - 1);
            String plan = String.format("%-22s %-10s worker %d/%d -> core %d", info.threadName(), info.kind(),
                    info.workerIndex(), info.workers(), core);
            placements.add(plan);
            Thread t = new Thread(() -> {
                ranOn.add(Thread.currentThread().getName()); // here: Affinity.setAffinity(core)
                body.run();
            });
            t.setDaemon(true);
            return t;
        }
    }

    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000;
        Result r = run(events);
        System.out.println("placement: decode -> enrich pool (2) -> publish; the plan a pinning factory would apply:");
        r.placements().forEach(p -> System.out.println("  " + p));
        System.out.printf("  delivered %,d of %,d; drained %b%n", r.delivered(), events, r.drained());
        if (!r.ok(events)) {
            throw new IllegalStateException("placement example checks failed: " + r);
        }
        System.out.println("  OK");
    }

    public static Result run(long events) {
        PinningPlan plan = new PinningPlan();
        long[] delivered = new long[1];
        RingBus<Tick> bus = RingBus.builder(Tick::new).name("placement").capacity(1024)
                .stageThreadFactory(plan).build();
        bus.handleEventsWith(StageSpec.<Tick>of((t, s, end) -> t.value = s).named("decode"))
                .thenWorkerPool(WorkerPoolSpec.<Tick>of(2, () -> new WorkHandler<Tick>() {
                    @Override
                    public void onEvent(Tick t, long s) {
                        t.value++;
                    }
                }).named("enrich"))
                .then(StageSpec.<Tick>of((t, s, end) -> delivered[0]++).named("publish"));
        bus.start();
        for (long i = 0; i < events; i++) {
            bus.publisher().publishEvent((t, s, v) -> t.value = v, i);
        }
        ShutdownReport report = bus.close(10, TimeUnit.SECONDS);
        return new Result(List.copyOf(plan.placements), List.copyOf(plan.ranOn), delivered[0], report.drained());
    }

    private PlacementExample() {
    }
}
