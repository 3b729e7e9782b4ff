package io.ringbus.testkit;

/**
 * One of the two parallel stages of a diamond: checks each event like {@link OrderChecker}, then writes its
 * mark (the event's sequence) so that the join stage can prove it saw this stage's write.
 */
public final class MarkingChecker extends OrderChecker {
    /** Which of the event's two marks this stage writes. */
    public enum Mark { A, B }

    private final Mark mark;

    public MarkingChecker(int producers, Mark mark) {
        super(producers);
        this.mark = mark;
    }

    @Override
    public void onEvent(OracleEvent event, long sequence, boolean endOfBatch) {
        check(event, sequence);
        if (mark == Mark.A) {
            event.markA = sequence;
        } else {
            event.markB = sequence;
        }
    }
}
