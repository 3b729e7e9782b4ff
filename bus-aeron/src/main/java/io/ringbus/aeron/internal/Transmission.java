package io.ringbus.aeron.internal;

import io.aeron.AeronCounters;
import io.aeron.Publication;
import org.agrona.concurrent.status.CountersReader;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Whether a UDP publication's driver has put on the wire everything committed to it. */
public final class Transmission {
    private Transmission() {
    }

    /**
     * Waits, while a subscriber is connected, until the driver's sender position reaches the publication's
     * position. True at once for IPC, closed publications, or when the driver shows no sender position.
     */
    public static boolean await(Publication publication, CountersReader counters, Duration timeout) {
        if (publication.isClosed() || !publication.channel().startsWith("aeron:udp")) {
            return true;
        }
        int id = counters.findByTypeIdAndRegistrationId(AeronCounters.DRIVER_SENDER_POSITION_TYPE_ID,
                publication.registrationId());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (id != CountersReader.NULL_COUNTER_ID && publication.isConnected()
                && counters.getCounterValue(id) < publication.position()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(100_000);
        }
        return true;
    }
}
