package io.ringbus.aeron;

import io.ringbus.RingBus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad arguments fail at once with a message naming the parameter and the rule. */
@Timeout(30)
class BadInputTest {
    private static AeronBridge bridge;
    private static RingBus<TestEvent> bus;

    @BeforeAll
    static void launch() {
        bridge = TestBridges.launch();
        bus = RingBus.builder(TestEvent::new).build();
    }

    @AfterAll
    static void close() {
        bridge.close();
    }

    @Test
    void nullEncoder() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> bridge.sender(Channels.ipc(), 1, null));
        assertEquals("encoder must not be null", e.getMessage());
    }

    @Test
    void nullDecoderAndTarget() {
        assertEquals("decoder must not be null", assertThrows(NullPointerException.class,
                () -> bridge.receiver(Channels.ipc(), 1, null, bus.publisher())).getMessage());
        assertEquals("target must not be null", assertThrows(NullPointerException.class,
                () -> bridge.receiver(Channels.ipc(), 1, TestCodec.INSTANCE, null)).getMessage());
    }

    @Test
    void invalidChannelUris() {
        for (String bad : new String[] {"udp://127.0.0.1:4000", "aeron:", "aeron:tcp?endpoint=127.0.0.1:4000",
                "aeron:udp", "aeron:udp?endpoint=127.0.0.1:4000|term-length=3"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> bridge.sender(bad, 1, TestCodec.INSTANCE), bad);
            assertTrue(e.getMessage().startsWith("channel"), bad + " -> " + e.getMessage());
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void streamIdConflict() {
        bridge.sender(Channels.ipc(), 42, TestCodec.INSTANCE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bridge.sender(Channels.ipc(), 42, TestCodec.INSTANCE));
        assertEquals("streamId 42 on channel 'aeron:ipc' already has a sender in this bridge; use one sender per "
                + "channel and stream", e.getMessage());
        bridge.receiver(Channels.ipc(), 42, TestCodec.INSTANCE, bus.publisher());   // one of each is fine
        assertThrows(IllegalArgumentException.class,
                () -> bridge.receiver(Channels.ipc(), 42, TestCodec.INSTANCE, bus.publisher()));
    }

    @Test
    void options() {
        assertEquals("port must be in [1, 65535]: 0",
                assertThrows(IllegalArgumentException.class, () -> Channels.udpLoopback(0)).getMessage());
        assertEquals("timeout must be > 0 and <= 1 day: PT0S", assertThrows(IllegalArgumentException.class,
                () -> DisconnectPolicy.waitUpTo(Duration.ZERO)).getMessage());
        assertEquals("fragmentLimit must be in [1, 65536]: 0", assertThrows(IllegalArgumentException.class,
                () -> ReceiverConfig.defaults().fragmentLimit(0)).getMessage());
        assertEquals("driverTimeout must be in [100 ms, 1 h]: PT0.001S", assertThrows(IllegalArgumentException.class,
                () -> AeronBridge.builder().driverTimeout(Duration.ofMillis(1))).getMessage());
        assertEquals("name must be letters, digits, '.', '_' or '-': 'a/b'", assertThrows(
                IllegalArgumentException.class, () -> AeronBridge.builder().name("a/b")).getMessage());
    }

    @Test
    void externalDriverThatIsNotThere() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AeronBridge.builder()
                .externalDriver(System.getProperty("java.io.tmpdir") + "/ringbus-no-driver-here")
                .driverTimeout(Duration.ofMillis(500)).build());
        assertTrue(e.getMessage().startsWith("no media driver answered in aeron.dir '"), e.getMessage());
    }

    @Test
    void driverContextMustKeepItsDirectory() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AeronBridge.builder()
                .driverContext(c -> c.aeronDirectoryName("/tmp/elsewhere")).build());
        assertTrue(e.getMessage().startsWith("driverContext must not change aeronDirectoryName"), e.getMessage());
    }
}
