package io.ringbus.examples;

import io.ringbus.EventHandler;
import io.ringbus.PollState;
import io.ringbus.Poller;
import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.ShutdownReport;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.BackoffIdleStrategy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Poller: a consumer driven by a thread you own, here an Agrona {@link Agent} whose duty cycle polls the bus
 * between its other work. The bus starts no thread for a poller.
 *
 * <pre>
 *   producer --&gt; [ ring ] &lt;--poll(handler, limit)-- strategy agent (AgentRunner thread)
 *   producer &lt;-- gating ------------------------- strategy agent
 * </pre>
 *
 * A poller is a stage like any other: it sees every event in order and gates the producer, and
 * {@code close()} waits for it to catch up. So the agent keeps polling until the poller says
 * {@link PollState#CLOSED}, then ends itself with {@link AgentTerminationException}. {@code doWork} returns
 * the number of events handled, which lets the agent's idle strategy back off when there is nothing to do.
 *
 * <p>Run: {@code PollerExample [events]}
 */
public final class PollerExample {

    static final class Tick {
        long price;
    }

    public record Result(long published, long handled, long outOfOrder, long processedPolls, long idlePolls,
                         boolean agentFinished, long agentErrors, boolean drained) {
        public boolean ok() {
            return handled == published && outOfOrder == 0 && agentFinished && agentErrors == 0 && drained;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Result r = run(events);
        System.out.printf("poller: producer -> agent-owned poller, %,d ticks%n", r.published());
        System.out.printf("  handled %,d, out of order %d, polls: %,d processed, %,d idle%n",
                r.handled(), r.outOfOrder(), r.processedPolls(), r.idlePolls());
        System.out.printf("  agent finished on CLOSED %b, agent errors %d, drained %b%n",
                r.agentFinished(), r.agentErrors(), r.drained());
        System.out.println(r.ok() ? "  OK" : "  FAILED");
        if (!r.ok()) {
            throw new IllegalStateException("poller checks failed: " + r);
        }
    }

    public static Result run(long events) throws InterruptedException {
        RingBus<Tick> bus = RingBus.builder(Tick::new).capacity(1024).name("poller").build();
        Poller<Tick> poller = bus.newPoller("strategy");
        bus.start();

        StrategyAgent agent = new StrategyAgent(poller);
        AtomicLong agentErrors = new AtomicLong();
        AgentRunner runner = new AgentRunner(new BackoffIdleStrategy(), error -> {
            if (!(error instanceof AgentTerminationException)) {   // our own way out is not an error
                agentErrors.incrementAndGet();
                error.printStackTrace();
            }
        }, null, agent);
        AgentRunner.startOnThread(runner);

        Publisher<Tick> publisher = bus.publisher();
        ShutdownReport report;
        try {
            for (long i = 0; i < events; i++) {
                long seq = publisher.claim();
                publisher.get(seq).price = i;
                publisher.publish(seq);
            }
        } finally {
            report = bus.close(10, TimeUnit.SECONDS);   // returns once the agent's poller has caught up
        }
        boolean finished = agent.closed.await(5, TimeUnit.SECONDS);
        runner.close();
        return new Result(events, agent.handler.handled, agent.handler.outOfOrder, agent.processedPolls,
                agent.idlePolls, finished, agentErrors.get(), report.drained());
    }

    /** The agent: one poll per duty cycle; stops itself once the bus is closed and drained. */
    static final class StrategyAgent implements Agent {
        private final Poller<Tick> poller;
        final TickHandler handler = new TickHandler();
        final CountDownLatch closed = new CountDownLatch(1);
        long processedPolls;
        long idlePolls;

        StrategyAgent(Poller<Tick> poller) {
            this.poller = poller;
        }

        @Override
        public int doWork() {
            long before = handler.handled;
            PollState state = poller.poll(handler, 256);
            switch (state) {
                case PROCESSED -> processedPolls++;
                case CLOSED -> throw new AgentTerminationException("bus closed and drained");
                default -> idlePolls++;   // IDLE, or GATED behind an upstream stage (none here)
            }
            return (int) (handler.handled - before);
        }

        @Override
        public void onClose() {
            closed.countDown();
        }

        @Override
        public String roleName() {
            return "poller-strategy";
        }
    }

    /** Called on the agent's thread for each ready tick. */
    static final class TickHandler implements EventHandler<Tick> {
        long handled;
        long outOfOrder;

        @Override
        public void onEvent(Tick tick, long sequence, boolean endOfBatch) {
            if (tick.price != handled) {
                outOfOrder++;
            }
            handled++;
        }
    }

    private PollerExample() {
    }
}
