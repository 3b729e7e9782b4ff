package io.ringbus.examples;

import io.ringbus.examples.packet.PacketPipeline;
import io.ringbus.examples.trading.SplitTrading;
import io.ringbus.examples.trading.TradingPipeline;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The entry point of {@code bus-examples.jar}: {@code java -jar bus-examples.jar <example> [args]} runs one
 * example by its short name; with no name it lists them. Each example is also a class with its own
 * {@code main}.
 */
public final class Examples {

    /** An example's main method. */
    @FunctionalInterface
    interface Main {
        void run(String[] args) throws Exception;
    }

    private record Entry(Main main, String args, String shows) {
    }

    private static final Map<String, Entry> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put("quick-start", new Entry(QuickStartExample::main, "[orders]", "the README's quick start: a diamond"));
        EXAMPLES.put("unicast", new Entry(UnicastExample::main, "[events]", "1 producer, 1 consumer"));
        EXAMPLES.put("multicast", new Entry(MulticastExample::main, "[events]",
                "1 producer, 3 consumers, each sees all"));
        EXAMPLES.put("pipeline", new Entry(PipelineExample::main, "[events]", "3 stages in a row"));
        EXAMPLES.put("diamond", new Entry(DiamondExample::main, "[events]", "2 parallel stages, then a join"));
        EXAMPLES.put("multi-producer", new Entry(MultiProducerExample::main, "[eventsPerProducer] [producers]",
                "several producers, 1 consumer (MPSC)"));
        EXAMPLES.put("worker-pool", new Entry(WorkerPoolExample::main, "[jobsPerProducer] [workers]",
                "each event to exactly one worker (MPMC)"));
        EXAMPLES.put("key-partitioned", new Entry(KeyPartitionedPoolExample::main, "[events] [workers] [accounts]",
                "a pool that keeps per-key order"));
        EXAMPLES.put("poller", new Entry(PollerExample::main, "[events]",
                "a consumer on your own thread (Agrona agent)"));
        EXAMPLES.put("back-pressure", new Entry(BackPressureExample::main, "[blockingEvents]",
                "tryClaim, timed claim, overflow policies, stall counter"));
        EXAMPLES.put("abort", new Entry(AbortExample::main, "[inputs]", "a failed translator aborts its slot"));
        EXAMPLES.put("trading", new Entry(TradingPipeline::main,
                "[ordersPerProducer] [ratePerProducer] [wait] [countersDir]",
                "orders: journal | risk -> matching -> execution reports, latency histogram; counters for ringbus-stat"));
        EXAMPLES.put("placement", new Entry(PlacementExample::main, "[events]",
                "a stage-aware thread factory: the core each stage thread would be pinned to"));
        EXAMPLES.put("split-trading", new Entry(SplitTrading::main,
                "matcher [ordersPort] [execPort] [limitS] | gateway [orders] [rate] [ordersPort] [execPort]",
                "the trading pipeline in two processes over Aeron UDP (127.0.0.1)"));
        EXAMPLES.put("packets", new Entry(PacketPipeline::main, "[packets | forever] [workers]",
                "packets: classify -> flow-partitioned pool -> counters"));
    }

    public static void main(String[] args) throws Exception {
        Entry entry = args.length > 0 ? EXAMPLES.get(args[0]) : null;
        if (entry == null) {
            System.out.println("usage: java -jar bus-examples.jar <example> [args]");
            EXAMPLES.forEach((name, e) -> System.out.printf("  %-16s %-46s %s%n", name, e.args(), e.shows()));
            if (args.length > 0) {
                throw new IllegalArgumentException("no such example: " + args[0]);
            }
            return;
        }
        entry.main().run(Arrays.copyOfRange(args, 1, args.length));
    }

    private Examples() {
    }
}
