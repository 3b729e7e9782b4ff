package io.ringbus.examples;

import io.ringbus.EventTranslatorOneArg;
import io.ringbus.ProducerMode;
import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.ShutdownReport;
import io.ringbus.StageStats;
import io.ringbus.WorkHandler;
import io.ringbus.WorkerPoolSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Worker pool (MPMC, the queue meaning): several producers, several workers, and each event handled by
 * exactly one worker. Use it to spread independent jobs over threads.
 *
 * <pre>
 *   producer 0 --+                  +--&gt; worker 0
 *                +--&gt; [ ring ] &lt;----+--&gt; worker 1     each job to one worker
 *   producer 1 --+                  +--&gt; worker 2
 *   producers &lt;-- gating -- min(worker 0, 1, 2)
 * </pre>
 *
 * Workers share the jobs as they come: a free worker takes the next unclaimed one. Every job is counted in
 * a table of hits, one cell per job, and every cell ends at exactly 1: nothing lost, nothing handled
 * twice. There is no order across workers; each worker alone sees increasing sequences.
 *
 * <p>Run: {@code WorkerPoolExample [jobsPerProducer] [workers]}
 */
public final class WorkerPoolExample {
    private static final int PRODUCERS = 2;

    static final class Job {
        int producerId;
        long producerSeq;
        long input;
    }

    static final class ProducerState {
        final int id;
        long next;

        ProducerState(int id) {
            this.id = id;
        }
    }

    private static final EventTranslatorOneArg<Job, ProducerState> NEXT_JOB = (job, sequence, producer) -> {
        job.producerId = producer.id;
        job.producerSeq = producer.next++;
        job.input = job.producerSeq * 7919;
    };

    public record Result(long published, long handled, long missing, long duplicated, long unordered,
                         List<Long> perWorker, boolean drained) {
        public boolean ok() {
            return handled == published && missing == 0 && duplicated == 0 && unordered == 0 && drained;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int perProducer = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Result r = run(perProducer, workers);
        System.out.printf("worker pool: %d producers -> %d workers, %,d jobs%n", PRODUCERS, workers, r.published());
        System.out.printf("  handled %,d, missing %d, duplicated %d, per-worker order breaks %d, drained %b%n",
                r.handled(), r.missing(), r.duplicated(), r.unordered(), r.drained());
        System.out.printf("  per-worker balance (from bus.stats()): %s%n", r.perWorker());
        System.out.println(r.ok() ? "  OK" : "  FAILED");
        if (!r.ok()) {
            throw new IllegalStateException("worker pool checks failed: " + r);
        }
    }

    public static Result run(int perProducer, int workers) throws InterruptedException {
        RingBus<Job> bus = RingBus.builder(Job::new)
                .capacity(1024)
                .producerMode(ProducerMode.MULTI)
                .name("jobs")
                .build();
        AtomicIntegerArray hits = new AtomicIntegerArray(PRODUCERS * perProducer);
        List<Worker> pool = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            pool.add(new Worker(hits, perProducer));
        }
        bus.handleEventsWithWorkerPool(WorkerPoolSpec.of(pool).named("workers"));
        bus.start();

        Publisher<Job> publisher = bus.publisher();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            ProducerState state = new ProducerState(p);
            Thread t = new Thread(() -> {
                for (int i = 0; i < perProducer; i++) {
                    publisher.publishEvent(NEXT_JOB, state);
                }
            }, "jobs-producer-" + p);
            t.setUncaughtExceptionHandler((thread, e) -> failure.compareAndSet(null, e));
            producers.add(t);
        }
        ShutdownReport report;
        try {
            producers.forEach(Thread::start);
            for (Thread t : producers) {
                t.join(TimeUnit.SECONDS.toMillis(30));
            }
        } finally {
            report = bus.close(10, TimeUnit.SECONDS);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a producer failed", failure.get());
        }

        long missing = 0;
        long duplicated = 0;
        for (int i = 0; i < hits.length(); i++) {
            int h = hits.get(i);
            missing += h == 0 ? 1 : 0;
            duplicated += h > 1 ? h - 1 : 0;
        }
        long handled = pool.stream().mapToLong(w -> w.handled).sum();
        long unordered = pool.stream().mapToLong(w -> w.unordered).sum();
        List<Long> balance = bus.stats().stream().filter(s -> s.name().equals("workers"))
                .findFirst().map(StageStats::workerEvents).orElse(List.of());
        return new Result((long) PRODUCERS * perProducer, handled, missing, duplicated, unordered, balance,
                report.drained());
    }

    /** One worker: does a little work per job and ticks the job's cell in the shared table. */
    static final class Worker implements WorkHandler<Job> {
        private final AtomicIntegerArray hits;
        private final int perProducer;
        private long lastSequence = -1;
        long handled;
        long unordered;
        long checksum;

        Worker(AtomicIntegerArray hits, int perProducer) {
            this.hits = hits;
            this.perProducer = perProducer;
        }

        @Override
        public void onEvent(Job job, long sequence) {
            if (sequence <= lastSequence) {
                unordered++;
            }
            lastSequence = sequence;
            long x = job.input;
            for (int i = 0; i < 16; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;   // stands in for real work
            }
            checksum += x;
            hits.incrementAndGet(job.producerId * perProducer + (int) job.producerSeq);
            handled++;
        }
    }

    private WorkerPoolExample() {
    }
}
