package io.ringbus.latency.adapter;

import java.util.List;
import java.util.Set;

/**
 * One implementation under test, driven in its own idiom. Every scenario talks to every implementation
 * through this interface only, so that all of them run the same producer and handler code.
 */
public interface Adapter {
    /** Short id used on the command line, for example {@code disruptor-single}. */
    String id();

    /** One line: what is built and how the wait strategies map. */
    String description();

    /** Producers per stage edge this implementation allows; {@link Integer#MAX_VALUE} when unlimited. */
    int maxProducers();

    /**
     * Why this implementation cannot express the topology, features or wait mode, in one sentence;
     * null when it can.
     */
    String unsupportedReason(Topology topology, Set<Feature> features, WaitMode wait);

    /**
     * Builds (but does not start) the topology.
     *
     * @param handlers one list per stage, of {@link Topology#width(int)} handlers each
     */
    Channel open(Topology topology, ChannelConfig config, List<List<StageHandler>> handlers);

    /** Shared check: a producer count over the limit. */
    default String producerReason(Topology topology) {
        return topology.producers() > maxProducers()
                ? id() + " allows " + maxProducers() + " producer(s); the scenario needs " + topology.producers()
                : null;
    }
}
