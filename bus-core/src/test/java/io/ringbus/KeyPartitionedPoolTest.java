package io.ringbus;

import io.ringbus.testkit.Deadline;
import io.ringbus.testkit.HitCounter;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.Threads;
import io.ringbus.wait.ParkingWaitStrategy;
import io.ringbus.wait.YieldingWaitStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A key-partitioned pool: each key's events are handled exactly once, in the order they were published, and
 * all by the same worker; the load spreads so that with many keys no worker is idle.
 *
 * <p>Events reuse {@link OracleEvent}: {@code producer} carries the key and {@code producerSeq} the key's own
 * sequence. Producer p owns keys [p * KEYS, (p + 1) * KEYS), so each key has one publisher and a defined order.
 * The key function multiplies by 4096, so the keys share a stride and only a real mix spreads them.
 */
@Deadline(seconds = 60)
class KeyPartitionedPoolTest {
    private static final int KEYS = 64;
    private static final int WORKERS = 4;
    private static final long EVENTS = Long.getLong("ringbus.pool.keyed.events", 100_000);
    private static final long TIME_BOX_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final AtomicInteger RUNS = new AtomicInteger();

    /** Checks every key's order and ownership across the pool's workers. */
    static final class KeyOrderWorker implements WorkHandler<OracleEvent> {
        final int index;
        final AtomicIntegerArray owners;
        final AtomicLongArray nextPerKey;
        final HitCounter hits;
        final List<String> errors;

        KeyOrderWorker(int index, AtomicIntegerArray owners, AtomicLongArray nextPerKey, HitCounter hits,
                       List<String> errors) {
            this.index = index;
            this.owners = owners;
            this.nextPerKey = nextPerKey;
            this.hits = hits;
            this.errors = errors;
        }

        @Override
        public void onEvent(OracleEvent event, long sequence) {
            if (!event.intact()) {
                error("torn event at " + sequence + ": " + event);
                return;
            }
            int key = event.producer;
            if (!owners.compareAndSet(key, -1, index) && owners.get(key) != index) {
                error("key " + key + " handled by worker " + index + " but owned by worker " + owners.get(key));
            }
            long expected = nextPerKey.getAndSet(key, event.producerSeq + 1);
            if (event.producerSeq != expected) {
                error("key " + key + ": expected per-key seq " + expected + ", got " + event.producerSeq);
            }
            hits.hit(key, event.producerSeq);
        }

        private void error(String message) {
            synchronized (errors) {
                if (errors.size() < 20) {
                    errors.add("worker " + index + ": " + message);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ProducerMode.class)
    void eachKeyIsHandledInOrderExactlyOnceByOneWorker(ProducerMode mode) throws InterruptedException {
        int producers = mode == ProducerMode.SINGLE ? 1 : 2;
        int keys = producers * KEYS;
        String name = "keyed-" + RUNS.incrementAndGet();
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(name).capacity(256).producerMode(mode)
                .waitStrategy(new YieldingWaitStrategy()).build();
        AtomicIntegerArray owners = new AtomicIntegerArray(keys);
        for (int k = 0; k < keys; k++) {
            owners.set(k, -1);
        }
        AtomicLongArray nextPerKey = new AtomicLongArray(keys);
        HitCounter hits = new HitCounter(keys, (int) (4 * EVENTS / KEYS + 1_000)); // far above any key's share
        List<String> errors = new ArrayList<>();
        List<KeyOrderWorker> workers = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            workers.add(new KeyOrderWorker(i, owners, nextPerKey, hits, errors));
        }
        bus.handleEventsWithWorkerPool(WorkerPoolSpec.<OracleEvent>of(workers).named("keyed")
                .partitionBy(e -> e.producer * 4096L));
        bus.start();

        long[] perKeyPublished = new long[keys];
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            Thread t = new Thread(() -> produce(bus.publisher(), id, perKeyPublished, EVENTS / producers), name + "-producer-" + p);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(30_000);
            if (t.isAlive()) {
                bus.halt();
                throw new AssertionError(t.getName() + " still producing after 30 s (hang)");
            }
        }
        ShutdownReport report = bus.close(20, TimeUnit.SECONDS);

        long total = 0;
        for (long n : perKeyPublished) {
            total += n;
        }
        assertTrue(report.drained(), report.toString());
        assertTrue(total > 0, "nothing was published");
        assertEquals(List.of(), errors, "per-key order and ownership");
        assertEquals(List.of(), hits.exactlyOnceViolations(perKeyPublished), "exactly once per key");
        StageStats stats = bus.stats().get(0);
        assertEquals("keyed-pool", stats.kind());
        assertEquals(total, stats.workerEvents().stream().mapToLong(Long::longValue).sum(),
                "workerEvents " + stats.workerEvents() + " must add up to " + total);
        for (int i = 0; i < WORKERS; i++) {
            assertTrue(stats.workerEvents().get(i) > 0,
                    "worker " + i + " got no events with " + keys + " keys: " + stats.workerEvents());
        }
        assertEquals(List.of(), Threads.awaitNoneAlive(name + "-", 2_000));
    }

    /** Producer p publishes to its own keys in a seeded random order; perKeyPublished[k] ends as the key's count. */
    private static void produce(Publisher<OracleEvent> publisher, int p, long[] perKeyPublished, long events) {
        SplittableRandom random = new SplittableRandom(42 + p);
        long deadline = System.nanoTime() + TIME_BOX_NANOS;
        for (long i = 0; i < events && System.nanoTime() - deadline < 0; i++) {
            int key = p * KEYS + random.nextInt(KEYS);
            long seq = publisher.claim();
            publisher.get(seq).fill(key, perKeyPublished[key]);
            publisher.publish(seq);
            perKeyPublished[key]++; // only this producer writes its keys; read after join
        }
    }

    @Test
    void nullKeyFunctionIsRejectedNamingIt() {
        WorkerPoolSpec<OracleEvent> spec = WorkerPoolSpec.of(2, () -> (e, s) -> { });
        NullPointerException e = assertThrows(NullPointerException.class, () -> spec.partitionBy(null));
        assertTrue(String.valueOf(e.getMessage()).toLowerCase().contains("key"), e.getMessage());
    }

    @Test
    void keyedPoolKeepsOrderAtCapacityOneWithParking() {
        String name = "keyed-" + RUNS.incrementAndGet();
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(name).capacity(1)
                .waitStrategy(new ParkingWaitStrategy()).build();
        AtomicIntegerArray owners = new AtomicIntegerArray(8);
        for (int k = 0; k < 8; k++) {
            owners.set(k, -1);
        }
        AtomicLongArray nextPerKey = new AtomicLongArray(8);
        HitCounter hits = new HitCounter(8, 1_000);
        List<String> errors = new ArrayList<>();
        List<KeyOrderWorker> workers = List.of(new KeyOrderWorker(0, owners, nextPerKey, hits, errors),
                new KeyOrderWorker(1, owners, nextPerKey, hits, errors),
                new KeyOrderWorker(2, owners, nextPerKey, hits, errors));
        bus.handleEventsWithWorkerPool(WorkerPoolSpec.<OracleEvent>of(workers).partitionBy(e -> e.producer));
        bus.start();
        long[] published = new long[8];
        Publisher<OracleEvent> publisher = bus.publisher();
        for (int i = 0; i < 2_000; i++) {
            int key = (i * 5) % 8;
            long seq = publisher.claim();
            publisher.get(seq).fill(key, published[key]++);
            publisher.publish(seq);
        }
        assertTrue(bus.close(20, TimeUnit.SECONDS).drained());
        assertEquals(List.of(), errors);
        assertEquals(List.of(), hits.exactlyOnceViolations(published));
        assertEquals(List.of(), Threads.awaitNoneAlive(name + "-", 2_000));
    }
}
