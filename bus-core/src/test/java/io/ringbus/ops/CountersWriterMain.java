package io.ringbus.ops;

import io.ringbus.RingBus;
import io.ringbus.StageSpec;

import java.nio.file.Path;
import java.time.Duration;

/** Run in a second JVM: a bus that exports counters, publishes a little, says ready and waits to be killed. */
public final class CountersWriterMain {
    private CountersWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        RingBus<long[]> bus = RingBus.builder(() -> new long[1]).name("doomed").capacity(16)
                .counters(Path.of(args[0])).countersInterval(Duration.ofMillis(20)).build();
        bus.handleEventsWith(StageSpec.<long[]>of((e, s, end) -> { }).named("sink"));
        bus.start();
        for (int i = 0; i < 10; i++) {
            bus.publisher().publishEvent((e, s, v) -> e[0] = v, (long) i);
        }
        while (bus.stats().get(0).sequence() < 9) {
            Thread.onSpinWait();
        }
        Thread.sleep(100); // a few heartbeats
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(60_000); // bounded, should the test that kills it fail to
    }
}
