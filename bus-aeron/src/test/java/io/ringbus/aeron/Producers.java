package io.ringbus.aeron;

import io.ringbus.EventTranslatorTwoArg;
import io.ringbus.Publisher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.fail;

/** Producer threads for tests: producer p publishes seq 0..n-1; join() fails loudly on timeout or error. */
final class Producers {
    private static final EventTranslatorTwoArg<TestEvent, Integer, long[]> FILL =
            (e, s, producer, state) -> e.fill(producer, state[0]++, (int) state[1]);

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** Starts {@code producers} threads, each publishing {@code perProducer} events with {@code padding}. */
    static Producers start(Publisher<TestEvent> publisher, int producers, long perProducer, int padding) {
        Producers p = new Producers();
        for (int i = 0; i < producers; i++) {
            Integer id = i;
            Thread t = new Thread(() -> {
                long[] state = {0, padding};
                try {
                    for (long s = 0; s < perProducer; s++) {
                        publisher.publishEvent(FILL, id, state);
                    }
                } catch (Throwable e) {
                    p.failure.compareAndSet(null, e);
                }
            }, "test-producer-" + i);
            t.setDaemon(true);
            p.threads.add(t);
            t.start();
        }
        return p;
    }

    void join(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        for (Thread t : threads) {
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (t.isAlive()) {
                fail(t.getName() + " still publishing after " + limit);
            }
        }
        if (failure.get() != null) {
            throw new AssertionError("a producer failed", failure.get());
        }
    }
}
