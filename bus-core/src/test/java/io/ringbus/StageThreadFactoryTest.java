package io.ringbus;

import io.ringbus.testkit.OracleEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stage-aware factory is told which stage and worker each thread is for, and the body it gets runs it. */
class StageThreadFactoryTest {

    @Test
    void factorySeesEveryStageAndWorker() throws Exception {
        List<StageThreadInfo> seen = new CopyOnWriteArrayList<>();
        List<String> ranOn = new CopyOnWriteArrayList<>();
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name("placed").capacity(16)
                .stageThreadFactory((info, body) -> {
                    seen.add(info);
                    Thread t = new Thread(() -> {
                        ranOn.add(info.threadName()); // where a pinning factory would pin
                        body.run();
                    });
                    t.setDaemon(true);
                    return t;
                }).build();
        bus.handleEventsWith(StageSpec.<OracleEvent>of((e, s, end) -> { }).named("risk"))
                .thenWorkerPool(WorkerPoolSpec.<OracleEvent>of(2, () -> (e, s) -> ranOn.isEmpty()).named("match"));
        bus.start();
        bus.publisher().publishEvent((e, s, v) -> e.payload = v, 1L);
        bus.close(10, TimeUnit.SECONDS);

        assertEquals(List.of(
                new StageThreadInfo("placed", "risk", "broadcast", 0, 1, "placed-risk"),
                new StageThreadInfo("placed", "match", "pool", 0, 2, "placed-match-0"),
                new StageThreadInfo("placed", "match", "pool", 1, 2, "placed-match-1")), seen);
        assertEquals(3, ranOn.size(), ranOn.toString());
        assertTrue(ranOn.containsAll(List.of("placed-risk", "placed-match-0", "placed-match-1")), ranOn.toString());
    }

    @Test
    void nullFactoryIsRejectedByName() {
        RingBusBuilder<OracleEvent> b = RingBus.builder(OracleEvent::new);
        NullPointerException e = assertThrows(NullPointerException.class, () -> b.stageThreadFactory(null));
        assertEquals("stageThreadFactory", e.getMessage());
    }
}
