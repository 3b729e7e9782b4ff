package io.ringbus.latency.adapter;

import java.util.List;

/**
 * A broadcast graph: {@code producers} publish, then each entry of {@code stageWidths} is a stage of that
 * many parallel handlers, every one of which sees every message after the whole previous stage has.
 * Unicast is {@code [1]}, multicast {@code [3]}, a pipeline {@code [1, 1, 1]}, a diamond {@code [2, 1]}.
 */
public record Topology(int producers, List<Integer> stageWidths) {

    public Topology {
        if (producers < 1 || stageWidths.isEmpty() || stageWidths.stream().anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("topology needs >= 1 producer and stages of width >= 1");
        }
        stageWidths = List.copyOf(stageWidths);
    }

    public static Topology unicast(int producers) {
        return new Topology(producers, List.of(1));
    }

    public static Topology multicast(int consumers) {
        return new Topology(1, List.of(consumers));
    }

    public static Topology pipeline(int stages) {
        return new Topology(1, java.util.Collections.nCopies(stages, 1));
    }

    public static Topology diamond() {
        return new Topology(1, List.of(2, 1));
    }

    public int stages() {
        return stageWidths.size();
    }

    public int width(int stage) {
        return stageWidths.get(stage);
    }

    public int handlerCount() {
        return stageWidths.stream().mapToInt(Integer::intValue).sum();
    }

    /** Producers plus stage threads. */
    public int threads() {
        return producers + handlerCount();
    }

    /** Whether any stage has more than one handler (the queues then need one queue per handler). */
    public boolean fansOut() {
        return stageWidths.stream().anyMatch(w -> w > 1);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(producers + "P");
        for (int w : stageWidths) {
            sb.append(" -> ").append(w);
        }
        return sb.toString();
    }
}
