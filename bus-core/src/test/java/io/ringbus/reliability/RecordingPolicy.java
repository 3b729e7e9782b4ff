package io.ringbus.reliability;

import io.ringbus.ExceptionPolicy;
import io.ringbus.testkit.OracleEvent;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** An exception policy that records every failure it is given, with a copy of the event's oracle, and continues. */
final class RecordingPolicy implements ExceptionPolicy<OracleEvent> {
    /**
     * One failure. For lifecycle failures sequence is -1 and the event fields are -1.
     *
     * @param intact whether the event handed to the policy was intact
     */
    record Failure(String stage, String phase, long sequence, int producer, long producerSeq, boolean intact,
                   Throwable error) {
    }

    private final Queue<Failure> failures = new ConcurrentLinkedQueue<>();

    @Override
    public Action onEventException(Throwable error, long sequence, OracleEvent event, String stage, int attempt) {
        failures.add(new Failure(stage, "onEvent", sequence, event.producer, event.producerSeq, event.intact(), error));
        return Action.CONTINUE;
    }

    @Override
    public void onLifecycleException(Throwable error, String stage, String phase) {
        failures.add(new Failure(stage, phase, -1, -1, -1, false, error));
    }

    List<Failure> failures() {
        return List.copyOf(failures);
    }

    List<Failure> of(String stage, String phase) {
        return failures.stream().filter(f -> f.stage().equals(stage) && f.phase().equals(phase)).toList();
    }
}
