package io.ringbus.reliability;

import io.ringbus.ProducerMode;
import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.StageSpec;
import io.ringbus.testkit.OracleEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.ringbus.reliability.FaultScenarios.assertNoProblems;
import static io.ringbus.reliability.FaultScenarios.requireCleanClose;
import static io.ringbus.reliability.FaultTableTest.HANG_MILLIS;
import static io.ringbus.reliability.FaultTableTest.bus;

/**
 * Ping-pong across two buses of capacity 1 with idle gaps between rounds, so that every waiter (both stages,
 * the ping producer and the echo stage as the pong bus's producer) is parked or blocked when the next event
 * comes. A lost wake-up shows as a missing reply: the blocking strategy's safety-net sleep is set to a
 * minute ({@link Wait#BLOCKING_SAFETY_NET_NANOS}), far beyond the 10 s the test waits for each reply.
 */
final class PingPong {
    private static final int ROUNDS = Integer.getInteger("ringbus.fault.pingpong.rounds", 25);
    private static final long[] GAPS_MILLIS = {0, 1, 5, 20, 50, 150};
    private static final long REPLY_BOUND_MILLIS = 10_000;

    private PingPong() {
    }

    static void run(Wait wait, SplittableRandom rnd) throws InterruptedException {
        String name = "rft-pp-" + wait;
        BlockingQueue<Long> replies = new LinkedBlockingQueue<>();
        RecordingPolicy policy = new RecordingPolicy();
        RingBus<OracleEvent> pong = bus(name + "-pong", 1, ProducerMode.SINGLE, wait, policy);
        pong.handleEventsWith(StageSpec.<OracleEvent>of((event, sequence, endOfBatch) -> replies.add(event.producerSeq))
                .named("reply"));
        RingBus<OracleEvent> ping = bus(name + "-ping", 1, ProducerMode.SINGLE, wait, policy);
        Publisher<OracleEvent> back = pong.publisher();
        ping.handleEventsWith(StageSpec.<OracleEvent>of((event, sequence, endOfBatch) -> {
            long s = back.claim();
            back.get(s).fill(0, event.producerSeq);
            back.publish(s);
        }).named("echo"));
        pong.start();
        ping.start();
        Publisher<OracleEvent> out = ping.publisher();
        List<String> problems = new ArrayList<>();
        long next = 0;
        try {
            for (int round = 0; round < ROUNDS && problems.isEmpty(); round++) {
                long gap = round % 5 == 4 ? GAPS_MILLIS[GAPS_MILLIS.length - 1] : GAPS_MILLIS[rnd.nextInt(GAPS_MILLIS.length)];
                TimeUnit.MILLISECONDS.sleep(gap); // every waiter goes idle
                int burst = 1 + rnd.nextInt(3); // more than 1 at capacity 1: the ping producer waits for the echo
                for (int b = 0; b < burst; b++) {
                    long s = out.claim();
                    out.get(s).fill(0, next + b);
                    out.publish(s);
                }
                for (int b = 0; b < burst; b++) {
                    Long reply = replies.poll(REPLY_BOUND_MILLIS, TimeUnit.MILLISECONDS);
                    if (reply == null) {
                        problems.add("round " + round + ": no reply to ping " + (next + b) + " within "
                                + REPLY_BOUND_MILLIS + " ms after a " + gap + " ms idle gap (lost wake-up); ping "
                                + ping.stats() + ", pong " + pong.stats());
                        break;
                    }
                    if (reply != next + b) {
                        problems.add("round " + round + ": reply " + reply + ", expected " + (next + b));
                    }
                }
                next += burst;
            }
        } finally {
            requireCleanClose(ping.close(HANG_MILLIS, TimeUnit.MILLISECONDS), name + "-ping", problems);
            requireCleanClose(pong.close(HANG_MILLIS, TimeUnit.MILLISECONDS), name + "-pong", problems);
        }
        if (!replies.isEmpty()) {
            problems.add("unexpected extra replies: " + replies);
        }
        policy.failures().forEach(f -> problems.add("handler failed: " + f));
        assertNoProblems("ping-pong, " + wait, problems);
    }
}
