package io.ringbus.examples.trading;

import io.ringbus.aeron.AeronBridge;
import io.ringbus.aeron.Channels;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The trading pipeline split across two processes over Aeron: a gateway process publishes orders and sends
 * them to a matcher process, which journals, risk-checks and matches them and answers with execution
 * reports. By default both talk UDP on 127.0.0.1 only; {@link #runInProcess} runs the same two halves in
 * one JVM over IPC.
 *
 * <pre>
 *   gateway process                                   matcher process
 *   gateways -&gt; [orders ring] -&gt; sender ==== UDP ===&gt; receiver -&gt; [ring] -&gt; journal | risk -&gt; matching
 *   tracker &lt;- [executions ring] &lt;- receiver &lt;= UDP === sender &lt;-----------------------------+
 * </pre>
 *
 * <p>Run the matcher first, then the gateway (the launcher {@code scripts/split-trading.sh} does both):
 * {@code SplitTrading matcher [ordersPort] [executionsPort] [limitSeconds]} and
 * {@code SplitTrading gateway [ordersPerProducer] [ratePerProducer] [ordersPort] [executionsPort]}. The
 * gateway ends its order stream when it is done; the matcher then sends its last executions and exits.
 */
public final class SplitTrading {
    static final int DEFAULT_ORDERS_PORT = 40_501;
    static final int DEFAULT_EXECUTIONS_PORT = 40_502;
    static final int ORDER_STREAM = 1_001;
    static final int EXECUTION_STREAM = 1_002;

    /** Where the two streams go. */
    record Wiring(String orderChannel, int orderStream, String executionChannel, int executionStream) {
        static Wiring udp(int ordersPort, int executionsPort) {
            return new Wiring(Channels.udpLoopback(ordersPort), ORDER_STREAM, Channels.udpLoopback(executionsPort),
                    EXECUTION_STREAM);
        }

        static Wiring ipc() {
            return new Wiring(Channels.ipc(), ORDER_STREAM, Channels.ipc(), EXECUTION_STREAM);
        }
    }

    /** What the gateway saw come back. */
    public record Result(long orders, long sent, long executions, long filled, long rejected, long outOfOrder,
                         long unmatched, long decodeFailures, Histogram roundTrip, long millis, boolean clean) {
        public boolean ok() {
            return sent == orders && executions == orders && filled + rejected == orders && outOfOrder == 0
                    && unmatched == 0 && decodeFailures == 0 && roundTrip.getTotalCount() == orders && clean;
        }

        @Override
        public String toString() {
            return String.format("orders=%d sent=%d executions=%d filled=%d rejected=%d outOfOrder=%d unmatched=%d"
                    + " decodeFailures=%d p99Nanos=%d clean=%b", orders, sent, executions, filled, rejected,
                    outOfOrder, unmatched, decodeFailures, roundTrip.getValueAtPercentile(99), clean);
        }
    }

    public static void main(String[] args) throws Exception {
        String role = args.length > 0 ? args[0] : "";
        switch (role) {
            case "gateway" -> gateway(args);
            case "matcher" -> matcher(args);
            default -> throw new IllegalArgumentException("role must be gateway or matcher: '" + role + "'");
        }
    }

    private static void gateway(String[] args) throws InterruptedException {
        int perProducer = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        Wiring wiring = Wiring.udp(port(args, 3, DEFAULT_ORDERS_PORT), port(args, 4, DEFAULT_EXECUTIONS_PORT));
        Result r;
        try (AeronBridge bridge = AeronBridge.builder().name("gateway").build()) {
            r = new GatewaySide(bridge, wiring).run(perProducer, rate, Duration.ofSeconds(120));
        }
        print(r);
        if (!r.ok()) {
            throw new IllegalStateException("split trading checks failed: " + r);
        }
    }

    private static void matcher(String[] args) {
        Wiring wiring = Wiring.udp(port(args, 1, DEFAULT_ORDERS_PORT), port(args, 2, DEFAULT_EXECUTIONS_PORT));
        long limit = args.length > 3 ? Long.parseLong(args[3]) : 180;
        try (AeronBridge bridge = AeronBridge.builder().name("matcher").build()) {
            MatcherSide m = new MatcherSide(bridge, wiring);
            System.out.println("matcher: listening for orders on " + wiring.orderChannel());
            boolean ok = m.serveUntilGatewayDone(Duration.ofSeconds(limit));
            System.out.printf("matcher: orders %,d, matched %,d, risk-rejected %,d, executions sent %,d, "
                    + "decode failures %d, diamond violations %d%n", m.ordersReceived(), m.matching.matched,
                    m.matching.rejected, m.executionsSent(), m.decodeFailures(), m.matching.diamondViolations);
            if (!ok || m.matching.diamondViolations != 0) {
                throw new IllegalStateException("matcher did not finish cleanly within " + limit + " s");
            }
        }
    }

    /** Both halves in this JVM over IPC, through one embedded driver. */
    public static Result runInProcess(int ordersPerProducer, int ratePerProducer) throws InterruptedException {
        Wiring wiring = Wiring.ipc();
        try (AeronBridge bridge = AeronBridge.builder().name("split-trading").build()) {
            MatcherSide matcher = new MatcherSide(bridge, wiring);
            AtomicBoolean matcherOk = new AtomicBoolean();
            Thread serving = new Thread(() -> matcherOk.set(matcher.serveUntilGatewayDone(Duration.ofSeconds(60))),
                    "matcher-main");
            serving.setDaemon(true);
            serving.start();
            Result r = new GatewaySide(bridge, wiring).run(ordersPerProducer, ratePerProducer, Duration.ofSeconds(60));
            serving.join(Duration.ofSeconds(30).toMillis());
            boolean clean = r.clean() && !serving.isAlive() && matcherOk.get()
                    && matcher.matching.diamondViolations == 0;
            return new Result(r.orders(), r.sent(), r.executions(), r.filled(), r.rejected(), r.outOfOrder(),
                    r.unmatched(), r.decodeFailures(), r.roundTrip(), r.millis(), clean);
        }
    }

    private static int port(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    private static void print(Result r) {
        Histogram h = r.roundTrip();
        System.out.printf("gateway: orders %,d sent, executions %,d back (%,d filled, %,d rejected) in %,d ms%n",
                r.sent(), r.executions(), r.filled(), r.rejected(), r.millis());
        System.out.printf("  out of order %d, unmatched %d, decode failures %d%n", r.outOfOrder(), r.unmatched(),
                r.decodeFailures());
        System.out.printf("  round trip, publish -> execution back (us): p50 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n",
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
                h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
        System.out.println(r.ok() ? "  OK" : "  FAILED");
    }

    private SplitTrading() {
    }
}
