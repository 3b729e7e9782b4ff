package io.ringbus.reliability;

import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.OrderChecker;

import java.util.ArrayList;
import java.util.List;

/**
 * A broadcast stage that checks the oracle (intact, no gap, no repeat, in order) and, in pipelines and
 * diamonds, that it sees the writes of the stages it runs after: it requires their marks, then writes its
 * own. A mark holds the event's producer sequence, so a mark left over from an earlier lap does not pass.
 */
class MarkingChecker extends OrderChecker {
    /** Which marks a stage requires and which it writes. */
    enum Mark { A, B }

    private final boolean requiresA;
    private final boolean requiresB;
    private final Mark writes;
    private final List<String> markErrors = new ArrayList<>();

    MarkingChecker(int producers) {
        this(producers, List.of(), null);
    }

    MarkingChecker(int producers, List<Mark> requires, Mark writes) {
        super(producers);
        this.requiresA = requires.contains(Mark.A);
        this.requiresB = requires.contains(Mark.B);
        this.writes = writes;
    }

    @Override
    public void onEvent(OracleEvent event, long sequence, boolean endOfBatch) {
        check(event, sequence);
        if (requiresA && event.markA != event.producerSeq) {
            markError("sequence " + sequence + ": mark A not visible (" + event.markA + ") for " + event);
        }
        if (requiresB && event.markB != event.producerSeq) {
            markError("sequence " + sequence + ": mark B not visible (" + event.markB + ") for " + event);
        }
        if (writes == Mark.A) {
            event.markA = event.producerSeq;
        } else if (writes == Mark.B) {
            event.markB = event.producerSeq;
        }
    }

    private void markError(String message) {
        synchronized (markErrors) {
            if (markErrors.size() < 20) {
                markErrors.add(message);
            }
        }
    }

    /** Oracle and mark errors together. */
    List<String> allErrors() {
        List<String> all = new ArrayList<>(errors());
        synchronized (markErrors) {
            all.addAll(markErrors);
        }
        return all;
    }
}
