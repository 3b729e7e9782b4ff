package io.ringbus.examples.trading;

import io.ringbus.ExceptionPolicy;
import io.ringbus.RingBus;
import io.ringbus.ShutdownReport;
import io.ringbus.StageGroup;
import io.ringbus.StageSpec;
import io.ringbus.aeron.AeronBridge;
import io.ringbus.aeron.AeronReceiver;
import io.ringbus.aeron.AeronSender;
import io.ringbus.aeron.DisconnectPolicy;
import io.ringbus.aeron.SenderConfig;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The matcher half of the split trading pipeline: orders arrive over Aeron into its bus, are journaled and
 * risk-checked in parallel, matched, and sent back as execution reports.
 *
 * <pre>
 *   orders (Aeron) --&gt; [ ring ] --+--&gt; journal --+
 *                               +--&gt; risk -----+--&gt; matching --&gt; executions (Aeron)
 * </pre>
 * The receiver is the ring's only producer, so the ring is SINGLE.
 */
final class MatcherSide {
    final Journal journal = new Journal();
    final RiskCheck risk = new RiskCheck();
    final MatchingEngine matching = new MatchingEngine();
    private final RingBus<Order> bus;
    private final AeronReceiver<Order> orders;
    private final AeronSender<Order> executions;

    MatcherSide(AeronBridge bridge, SplitTrading.Wiring wiring) {
        bus = RingBus.builder(Order::new).name("matcher").capacity(4096).build();
        executions = bridge.sender(wiring.executionChannel(), wiring.executionStream(), ExecutionCodec.INSTANCE,
                SenderConfig.defaults().disconnectPolicy(DisconnectPolicy.waitUpTo(Duration.ofSeconds(10))));
        StageGroup<Order> journaled = bus.handleEventsWith(StageSpec.of(journal).named("journal"));
        StageGroup<Order> checked = bus.handleEventsWith(StageSpec.of(risk).named("risk"));
        journaled.and(checked)
                .then(StageSpec.of(matching).named("matching"))
                .then(StageSpec.of(executions).named("executions").exceptionPolicy(ExceptionPolicy.haltBus()));
        bus.start();
        orders = bridge.receiver(wiring.orderChannel(), wiring.orderStream(), OrderCodec.INSTANCE, bus.publisher())
                .start();
    }

    /**
     * Waits for the gateway to end its order stream, then delivers the last executions and ends that stream.
     *
     * @return true if the gateway finished within the limit and everything was sent
     */
    boolean serveUntilGatewayDone(Duration limit) {
        boolean ended = orders.awaitEndOfStream(limit);
        ShutdownReport report = bus.close(10, TimeUnit.SECONDS);
        boolean transmitted = executions.awaitTransmitted(Duration.ofSeconds(5));
        executions.close();
        return ended && report.drained() && transmitted && executions.failed() == 0;
    }

    long ordersReceived() {
        return orders.received();
    }

    long executionsSent() {
        return executions.sent();
    }

    long decodeFailures() {
        return orders.decodeFailures();
    }
}
