package io.ringbus.internal.consumer;

import io.ringbus.internal.producer.Sequencer;
import io.ringbus.internal.sequence.Sequence;
import io.ringbus.wait.WaitStrategy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stage graph of one bus. Stages are added upstream-first, so the graph is acyclic by construction.
 * {@link #wire} fixes it before start: the producer is gated by the last stages (those nothing runs after),
 * and each stage learns which blocking strategies to wake when it advances.
 */
public final class Topology {
    private final List<StageNode> nodes = new ArrayList<>();

    public void add(StageNode node) {
        nodes.add(node);
    }

    public List<StageNode> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    public boolean contains(StageNode node) {
        return nodes.stream().anyMatch(n -> n == node);
    }

    /** The stages that no other stage runs after: they gate the producer. */
    public List<StageNode> lastStages() {
        Set<StageNode> hasDownstream = Collections.newSetFromMap(new IdentityHashMap<>());
        for (StageNode n : nodes) {
            hasDownstream.addAll(n.upstream());
        }
        List<StageNode> last = new ArrayList<>();
        for (StageNode n : nodes) {
            if (!hasDownstream.contains(n)) {
                last.add(n);
            }
        }
        return last;
    }

    /** Fixes the gating sequences and the signal lists. */
    public void wire(Sequencer sequencer) {
        Map<StageNode, Set<WaitStrategy>> wake = new IdentityHashMap<>();
        Set<WaitStrategy> wakeOnPublish = identitySet();
        for (StageNode n : nodes) {
            wake.put(n, identitySet());
        }
        for (StageNode n : nodes) {
            for (WaitStrategy w : n.waitStrategies()) {
                if (n.upstream().isEmpty()) {
                    addIfSignalled(wakeOnPublish, w);
                }
                for (StageNode up : n.upstream()) {
                    addIfSignalled(wake.get(up), w);
                }
            }
        }
        List<Sequence> gating = new ArrayList<>();
        for (StageNode n : lastStages()) {
            gating.addAll(List.of(n.progress()));
            addIfSignalled(wake.get(n), sequencer.waitStrategy());
        }
        for (StageNode n : nodes) {
            n.signalTargets(wake.get(n).toArray(new WaitStrategy[0]));
        }
        sequencer.wire(gating.toArray(new Sequence[0]), wakeOnPublish.toArray(new WaitStrategy[0]));
    }

    /** Every distinct strategy that needs a signal, for halt and close to wake everyone. */
    public Set<WaitStrategy> signalledStrategies(Sequencer sequencer) {
        Set<WaitStrategy> all = identitySet();
        addIfSignalled(all, sequencer.waitStrategy());
        for (StageNode n : nodes) {
            n.waitStrategies().forEach(w -> addIfSignalled(all, w));
        }
        return all;
    }

    private static void addIfSignalled(Set<WaitStrategy> set, WaitStrategy strategy) {
        if (strategy.requiresSignal()) {
            set.add(strategy);
        }
    }

    private static Set<WaitStrategy> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** Ordered, duplicate-free union of node lists, for joining groups. */
    public static List<StageNode> union(List<List<StageNode>> groups) {
        LinkedHashSet<StageNode> ordered = new LinkedHashSet<>(); // nodes keep identity equality
        for (List<StageNode> g : groups) {
            ordered.addAll(g);
        }
        return new ArrayList<>(ordered);
    }
}
