package io.ringbus.examples;

import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.ShutdownReport;
import io.ringbus.StageStats;
import io.ringbus.WorkHandler;
import io.ringbus.WorkerPoolSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Key-partitioned worker pool: each event goes to one worker, chosen by its key, so all events of one key
 * go to the same worker and keep their order. Use it when work must be spread over threads but each
 * account, instrument or flow must be handled in sequence.
 *
 * <pre>
 *                                   +--&gt; worker 0   accounts whose key maps to 0
 *   producer --&gt; [ ring ] &lt;--key----+--&gt; worker 1   accounts whose key maps to 1
 *                                   +--&gt; worker 2   ...
 *   producer &lt;-- gating -- min(worker 0, 1, 2)
 * </pre>
 *
 * The producer numbers each account's updates 0, 1, 2, ... Each worker checks that every account it sees
 * continues exactly where it left off (no gap, repeat or swap), and a shared table checks that no account
 * is ever seen by two workers.
 *
 * <p>Run: {@code KeyPartitionedPoolExample [events] [workers] [accounts]}
 */
public final class KeyPartitionedPoolExample {

    static final class Update {
        long account;
        long accountSeq;   // 0, 1, 2, ... per account
        long amount;
    }

    public record Result(long published, long handled, long outOfOrder, long sharedAccounts, List<Long> perWorker,
                         boolean drained) {
        public boolean ok() {
            return handled == published && outOfOrder == 0 && sharedAccounts == 0 && drained;
        }
    }

    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int accounts = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        Result r = run(events, workers, accounts);
        System.out.printf("key-partitioned pool: producer -> %d workers by account (%d accounts), %,d updates%n",
                workers, accounts, r.published());
        System.out.printf("  handled %,d, per-account order breaks %d, accounts seen by two workers %d, drained %b%n",
                r.handled(), r.outOfOrder(), r.sharedAccounts(), r.drained());
        System.out.printf("  per-worker balance (from bus.stats()): %s%n", r.perWorker());
        System.out.println(r.ok() ? "  OK" : "  FAILED");
        if (!r.ok()) {
            throw new IllegalStateException("key-partitioned pool checks failed: " + r);
        }
    }

    public static Result run(long events, int workers, int accounts) {
        RingBus<Update> bus = RingBus.builder(Update::new).capacity(1024).name("keyed").build();
        AtomicIntegerArray owner = new AtomicIntegerArray(accounts);   // which worker saw each account first
        List<AccountWorker> pool = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            pool.add(new AccountWorker(w, accounts, owner));
        }
        bus.handleEventsWithWorkerPool(WorkerPoolSpec.of(pool).named("accounts")
                .partitionBy(update -> update.account));
        bus.start();

        Publisher<Update> publisher = bus.publisher();
        long[] nextSeq = new long[accounts];
        long seed = 42;
        ShutdownReport report;
        try {
            for (long i = 0; i < events; i++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                int account = (int) ((seed >>> 33) % accounts);
                long seq = publisher.claim();
                Update u = publisher.get(seq);
                u.account = account;
                u.accountSeq = nextSeq[account]++;
                u.amount = seed & 0xffff;
                publisher.publish(seq);
            }
        } finally {
            report = bus.close(10, TimeUnit.SECONDS);
        }

        long handled = pool.stream().mapToLong(w -> w.handled).sum();
        long outOfOrder = pool.stream().mapToLong(w -> w.outOfOrder).sum();
        long shared = pool.stream().mapToLong(w -> w.sharedAccounts).sum();
        List<Long> balance = bus.stats().stream().filter(s -> s.name().equals("accounts"))
                .findFirst().map(StageStats::workerEvents).orElse(List.of());
        return new Result(events, handled, outOfOrder, shared, balance, report.drained());
    }

    /** Applies updates for the accounts its key owns, checking each account's order. */
    static final class AccountWorker implements WorkHandler<Update> {
        private final int index;
        private final long[] expectedSeq;
        private final AtomicIntegerArray owner;
        private final long[] balance;
        long handled;
        long outOfOrder;
        long sharedAccounts;

        AccountWorker(int index, int accounts, AtomicIntegerArray owner) {
            this.index = index;
            this.expectedSeq = new long[accounts];
            this.owner = owner;
            this.balance = new long[accounts];
            Arrays.fill(expectedSeq, -1);
        }

        @Override
        public void onEvent(Update u, long sequence) {
            int account = (int) u.account;
            if (expectedSeq[account] < 0) {
                // first sight of this account: claim it; a second worker claiming it would break the partition
                if (!owner.compareAndSet(account, 0, index + 1) && owner.get(account) != index + 1) {
                    sharedAccounts++;
                }
                expectedSeq[account] = 0;
            }
            if (u.accountSeq != expectedSeq[account]) {
                outOfOrder++;
            }
            expectedSeq[account] = u.accountSeq + 1;
            balance[account] += u.amount;
            handled++;
        }
    }

    private KeyPartitionedPoolExample() {
    }
}
