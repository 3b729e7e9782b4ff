package io.ringbus;

import java.time.Duration;
import java.time.Instant;

/**
 * A stage the stall watchdog found stalled: it had events ready and did not advance for the watchdog's
 * timeout. Reported once per episode; a new report comes only after the stage advanced or caught up.
 *
 * @param bus       the bus name
 * @param stage     the stage name
 * @param kind      its kind
 * @param sequence  the highest sequence it had finished
 * @param backlog   events ready for it that it had not finished
 * @param since     when it last advanced or had nothing to do, as seen by the watchdog
 * @param stalledFor how long it had not advanced when reported
 */
public record StallReport(String bus, String stage, String kind, long sequence, long backlog, Instant since,
                          Duration stalledFor) {
}
