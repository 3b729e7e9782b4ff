package io.ringbus.aeron;

import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.status.AtomicCounter;

import java.util.ArrayList;
import java.util.List;

/** The agent threads of a bridge: a receiver's own, and those of {@link AeronBridge#startAgents}. */
final class AgentThreads {
    private AgentThreads() {
    }

    /** Runs {@code agent} on a new daemon thread named {@code threadName}, idling with {@code idle}. */
    static AgentRunner start(String threadName, IdleStrategy idle, ErrorHandler errors, Agent agent) {
        AgentRunner runner = new AgentRunner(idle, errors, (AtomicCounter) null, agent);
        Thread thread = new Thread(runner, threadName);   // AgentRunner.startOnThread would rename it to roleName()
        thread.setDaemon(true);
        thread.start();
        return runner;
    }

    /**
     * The agents as one, for the thread {@code threadName}, with every receiver among them taken for that
     * thread, or none: a subscription is polled by one thread.
     *
     * @throws IllegalArgumentException if no agent is given, one is null, or a receiver already runs on a thread
     */
    static Agent compose(String name, String threadName, Agent[] agents) {
        if (agents == null || agents.length == 0) {
            throw new IllegalArgumentException("startAgents(" + name + "): agents must name at least one agent");
        }
        for (int i = 0; i < agents.length; i++) {
            if (agents[i] == null) {
                throw new IllegalArgumentException("startAgents(" + name + "): agents[" + i + "] is null");
            }
        }
        List<AeronReceiver<?>> taken = new ArrayList<>();
        for (int i = 0; i < agents.length; i++) {
            if (agents[i] instanceof AeronReceiver<?> receiver) {
                String refused = receiver.runOn(threadName);
                if (refused != null) {
                    taken.forEach(AeronReceiver::releaseAgentThread);
                    throw new IllegalArgumentException("startAgents(" + name + "): agents[" + i + "], " + receiver
                            + ", " + refused + "; a receiver is polled by one thread");
                }
                taken.add(receiver);
            }
        }
        return agents.length == 1 ? agents[0] : new CompositeAgent(agents);
    }
}
