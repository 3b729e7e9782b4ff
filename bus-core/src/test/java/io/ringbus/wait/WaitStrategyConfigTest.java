package io.ringbus.wait;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each wait strategy shows its parameters in toString and rejects parameters out of range, naming them. */
class WaitStrategyConfigTest {

    @Test
    void toStringShowsTheParameters() {
        String parking = new ParkingWaitStrategy(7, 3, 11, 13).toString();
        for (String part : new String[] {"Parking", "spins=7", "yields=3", "minParkNanos=11", "maxParkNanos=13"}) {
            assertTrue(parking.contains(part), parking);
        }
        assertTrue(new YieldingWaitStrategy(5).toString().contains("spinTries=5"));
        assertTrue(new BlockingWaitStrategy(17).toString().contains("maxBlockNanos=17"));
        assertTrue(new BusySpinWaitStrategy().toString().contains("BusySpin"));
    }

    @Test
    void defaultsAreTheNamedConstants() {
        assertEquals(new ParkingWaitStrategy(ParkingWaitStrategy.DEFAULT_SPINS, ParkingWaitStrategy.DEFAULT_YIELDS,
                ParkingWaitStrategy.DEFAULT_MIN_PARK_NANOS, ParkingWaitStrategy.DEFAULT_MAX_PARK_NANOS).toString(),
                new ParkingWaitStrategy().toString());
        assertEquals(new YieldingWaitStrategy(YieldingWaitStrategy.DEFAULT_SPIN_TRIES).toString(),
                new YieldingWaitStrategy().toString());
        assertEquals(new BlockingWaitStrategy(BlockingWaitStrategy.DEFAULT_MAX_BLOCK_NANOS).toString(),
                new BlockingWaitStrategy().toString());
    }

    @Test
    void parametersOutOfRangeAreRejectedNamingTheParameter() {
        assertIaeNaming("maxBlockNanos", () -> new BlockingWaitStrategy(0));
        assertIaeNaming("maxBlockNanos", () -> new BlockingWaitStrategy(-1));
        assertIaeNaming("spins", () -> new ParkingWaitStrategy(-1, 0, 1, 1));
        assertIaeNaming("yields", () -> new ParkingWaitStrategy(0, -1, 1, 1));
        assertIaeNaming("minParkNanos", () -> new ParkingWaitStrategy(0, 0, 0, 1));
        assertIaeNaming("minParkNanos", () -> new ParkingWaitStrategy(0, 0, -5, 1));
        assertIaeNaming("maxParkNanos", () -> new ParkingWaitStrategy(0, 0, 10, 5));
        assertIaeNaming("spinTries", () -> new YieldingWaitStrategy(-1));
        // zero spins or yields is a valid choice: go straight to the next phase
        assertTrue(new ParkingWaitStrategy(0, 0, 1, 1).toString().contains("spins=0"));
        assertTrue(new YieldingWaitStrategy(0).toString().contains("spinTries=0"));
    }

    private static void assertIaeNaming(String parameter, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, parameter);
        assertTrue(e.getMessage() != null && e.getMessage().contains(parameter),
                "IAE should name '" + parameter + "': " + e.getMessage());
    }
}
