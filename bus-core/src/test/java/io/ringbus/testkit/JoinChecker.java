package io.ringbus.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * The join stage of a diamond: checks each event like {@link OrderChecker}, and that both upstream stages
 * already wrote their mark for this very sequence (a stale mark from an earlier lap would hold another value).
 */
public final class JoinChecker extends OrderChecker {
    private final List<String> markErrors = new ArrayList<>();

    public JoinChecker(int producers) {
        super(producers);
    }

    @Override
    public void onEvent(OracleEvent event, long sequence, boolean endOfBatch) {
        long a = event.markA;
        long b = event.markB;
        check(event, sequence);
        if ((a != sequence || b != sequence) && markErrors.size() < 20) {
            markErrors.add("join saw sequence " + sequence + " before both upstream stages: markA=" + a
                    + ", markB=" + b);
        }
    }

    @Override
    public List<String> errors() {
        List<String> all = new ArrayList<>(super.errors());
        all.addAll(markErrors);
        return List.copyOf(all);
    }
}
