package io.ringbus.examples;

import io.ringbus.EventHandler;
import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.ShutdownReport;
import io.ringbus.StageGroup;
import io.ringbus.StageSpec;

import java.util.concurrent.TimeUnit;

/**
 * Diamond: two stages run in parallel, and a third joins them. The join handles an event only after both
 * parallel stages have finished it, and sees what each of them wrote.
 *
 * <pre>
 *                          +--&gt; journal ---+
 *   producer --&gt; [ ring ] -+               +--&gt; apply
 *                          +--&gt; replicate -+
 *   producer &lt;-- gating ------------------------ apply
 * </pre>
 *
 * {@code journal} and {@code replicate} each stamp the event with its own sequence number; {@code apply}
 * counts every event where a stamp is missing or left over from an earlier lap of the ring. Both counts
 * are zero.
 *
 * <p>Run: {@code DiamondExample [events]}
 */
public final class DiamondExample {

    static final class Command {
        long value;
        long journaledAt = -1;    // written by journal: the sequence it journaled
        long replicatedAt = -1;   // written by replicate
    }

    public record Result(long published, long applied, long missingJournal, long missingReplica, boolean drained) {
        public boolean ok() {
            return applied == published && missingJournal == 0 && missingReplica == 0 && drained;
        }
    }

    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Result r = run(events);
        System.out.printf("diamond: producer -> (journal | replicate) -> apply, %,d commands%n", r.published());
        System.out.printf("  applied %,d, missing journal stamp %d, missing replica stamp %d, drained %b%n",
                r.applied(), r.missingJournal(), r.missingReplica(), r.drained());
        System.out.println(r.ok() ? "  OK" : "  FAILED");
        if (!r.ok()) {
            throw new IllegalStateException("diamond checks failed: " + r);
        }
    }

    public static Result run(long events) {
        RingBus<Command> bus = RingBus.builder(Command::new).capacity(1024).name("diamond").build();
        Apply apply = new Apply();
        StageGroup<Command> journal = bus.handleEventsWith(
                StageSpec.of((Command c, long seq, boolean eob) -> c.journaledAt = seq).named("journal"));
        StageGroup<Command> replicate = bus.handleEventsWith(
                StageSpec.of((Command c, long seq, boolean eob) -> c.replicatedAt = seq).named("replicate"));
        journal.and(replicate).then(StageSpec.of(apply).named("apply"));   // the join
        bus.start();

        Publisher<Command> publisher = bus.publisher();
        ShutdownReport report;
        try {
            for (long i = 0; i < events; i++) {
                long seq = publisher.claim();
                publisher.get(seq).value = i;
                publisher.publish(seq);
            }
        } finally {
            report = bus.close(10, TimeUnit.SECONDS);
        }
        return new Result(events, apply.applied, apply.missingJournal, apply.missingReplica, report.drained());
    }

    /** The join: both stamps must be this event's own sequence. */
    static final class Apply implements EventHandler<Command> {
        long applied;
        long missingJournal;
        long missingReplica;

        @Override
        public void onEvent(Command c, long sequence, boolean endOfBatch) {
            if (c.journaledAt != sequence) {
                missingJournal++;
            }
            if (c.replicatedAt != sequence) {
                missingReplica++;
            }
            applied++;
        }
    }

    private DiamondExample() {
    }
}
