package io.ringbus.latency.adapter;

import java.util.List;

/**
 * A broadcast graph: {@code producers} publish, then each entry of {@code stageWidths} is a stage of that
 * many parallel handlers, every one of which sees every message after the whole previous stage has.
 * Unicast is {@code [1]}, multicast {@code [3]}, a pipeline {@code [1, 1, 1]}, a diamond {@code [2, 1]}.
 * A worker pool ({@code workSharing}) is one stage whose handlers share the messages instead: each message
 * goes to exactly one of them.
 */
public record Topology(int producers, List<Integer> stageWidths, boolean workSharing) {

    public Topology {
        if (producers < 1 || stageWidths.isEmpty() || stageWidths.stream().anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("topology needs >= 1 producer and stages of width >= 1");
        }
        if (workSharing && stageWidths.size() != 1) {
            throw new IllegalArgumentException("a worker pool topology has exactly one stage");
        }
        stageWidths = List.copyOf(stageWidths);
    }

    /** A broadcast graph. */
    public Topology(int producers, List<Integer> stageWidths) {
        this(producers, stageWidths, false);
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

    /** {@code producers} feeding one pool of {@code workers} that share the messages. */
    public static Topology pool(int producers, int workers) {
        return new Topology(producers, List.of(workers), true);
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

    /** Whether any stage broadcasts to more than one handler (the queues then need one queue per handler). */
    public boolean fansOut() {
        return !workSharing && stageWidths.stream().anyMatch(w -> w > 1);
    }

    /** How many handlers of the last stage see each message: all of them, or one in a worker pool. */
    public int copiesAtLastStage() {
        return workSharing ? 1 : width(stages() - 1);
    }

    @Override
    public String toString() {
        if (workSharing) {
            return producers + "P -> pool of " + width(0);
        }
        StringBuilder sb = new StringBuilder(producers + "P");
        for (int w : stageWidths) {
            sb.append(" -> ").append(w);
        }
        return sb.toString();
    }
}
