package io.ringbus.examples.trading;

import io.ringbus.ExceptionPolicy;
import io.ringbus.ProducerMode;
import io.ringbus.RingBus;
import io.ringbus.StageSpec;
import io.ringbus.aeron.AeronBridge;
import io.ringbus.aeron.AeronReceiver;
import io.ringbus.aeron.AeronSender;
import io.ringbus.aeron.DisconnectPolicy;
import io.ringbus.aeron.SenderConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The gateway half of the split trading pipeline: two gateway threads publish orders into a bus whose one
 * stage sends them over Aeron; execution reports come back into a second bus, whose tracker checks each
 * order returns exactly once and in order.
 *
 * <pre>
 *   gateway 0 --+
 *               +--&gt; [ orders ring MULTI ] --&gt; orders (Aeron)
 *   gateway 1 --+
 *   executions (Aeron) --&gt; [ executions ring ] --&gt; tracker
 * </pre>
 */
final class GatewaySide {
    private final RingBus<Order> orderBus;
    private final RingBus<Order> executionBus;
    private final AeronSender<Order> orders;
    private final AeronReceiver<Order> executions;
    private final ExecutionTracker tracker = new ExecutionTracker(TradingPipeline.PRODUCERS);

    GatewaySide(AeronBridge bridge, SplitTrading.Wiring wiring) {
        executionBus = RingBus.builder(Order::new).name("executions").capacity(4096).build();
        executionBus.handleEventsWith(StageSpec.of(tracker).named("tracker"));
        executionBus.start();
        executions = bridge.receiver(wiring.executionChannel(), wiring.executionStream(), ExecutionCodec.INSTANCE,
                executionBus.publisher()).start();

        orderBus = RingBus.builder(Order::new).name("gateway").capacity(4096).producerMode(ProducerMode.MULTI)
                .build();
        // Waits up to 30 s for the matcher to subscribe; a failure halts the bus rather than losing orders
        orders = bridge.sender(wiring.orderChannel(), wiring.orderStream(), OrderCodec.INSTANCE,
                SenderConfig.defaults().disconnectPolicy(DisconnectPolicy.waitUpTo(Duration.ofSeconds(30))));
        orderBus.handleEventsWith(StageSpec.of(orders).named("orders").exceptionPolicy(ExceptionPolicy.haltBus()));
        orderBus.start();
    }

    /** Sends every order, waits for every execution (at most {@code limit}), and closes both buses. */
    SplitTrading.Result run(int ordersPerProducer, int ratePerProducer, Duration limit) throws InterruptedException {
        List<OrderProducer> producers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int p = 0; p < TradingPipeline.PRODUCERS; p++) {
            OrderProducer producer = new OrderProducer(orderBus.publisher(), p, ordersPerProducer, ratePerProducer);
            Thread t = new Thread(producer, "gateway-" + p);
            t.setUncaughtExceptionHandler((thread, e) -> failure.compareAndSet(null, e));
            producers.add(producer);
            threads.add(t);
        }
        long deadline = System.nanoTime() + limit.toNanos();
        // Start once both streams are up, so that the latencies do not include the connection handshake
        while (!(orders.isConnected() && executions.isConnected()) && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(1_000_000);
        }
        long begin = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        boolean sent = orderBus.close(10, TimeUnit.SECONDS).drained();
        orders.awaitTransmitted(Duration.ofSeconds(5));
        orders.close();                                       // ends the order stream: the matcher stops
        long expected = producers.stream().mapToLong(OrderProducer::published).sum();
        while (tracker.executions() < expected && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(1_000_000);
        }
        // The matcher ends its stream once it has seen the end of ours: closing before that could cut it off
        executions.awaitEndOfStream(Duration.ofSeconds(10));
        boolean drained = executionBus.close(10, TimeUnit.SECONDS).drained();
        if (failure.get() != null) {
            throw new IllegalStateException("a gateway thread failed", failure.get());
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
        return new SplitTrading.Result(expected, orders.sent(), tracker.executions(), tracker.filled,
                tracker.rejected, tracker.outOfOrder, tracker.unmatched, executions.decodeFailures(),
                tracker.roundTrip(), millis, sent && drained && orders.failed() == 0);
    }
}
