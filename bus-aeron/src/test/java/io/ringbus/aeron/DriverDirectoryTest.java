package io.ringbus.aeron;

import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.ringbus.ExceptionPolicy;
import io.ringbus.RingBus;
import io.ringbus.StageSpec;
import org.agrona.IoUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The driver's directory removed under a running client. With the driver still running, its mapped files
 * outlive the directory entry and the pair goes on; with the driver gone too, the client times out, every
 * later event fails as not connected, and nothing hangs.
 */
class DriverDirectoryTest {
    private static final int STREAM = 5;

    @Test
    @Timeout(30)
    void directoryDeletedUnderARunningEmbeddedDriverChangesNothingUntilClose() throws Exception {
        AeronBridge bridge = TestBridges.launch();
        String dir = bridge.aeronDirectory();
        Loop loop = new Loop(bridge, new CopyOnWriteArrayList<>());
        loop.send(1_000);
        loop.verifier.awaitCount(1_000, Duration.ofSeconds(10), loop::toString);

        IoUtil.delete(new File(dir), false);
        assertFalse(Files.exists(Path.of(dir)));
        loop.send(1_000);
        loop.verifier.awaitCount(2_000, Duration.ofSeconds(10), loop::toString);
        bridge.close();
        assertEquals(0, bridge.errors(), "the mapped files still work");
        assertEquals(2_000, loop.sender.sent());
        assertEquals(0, loop.verifier.gaps() + loop.verifier.orderViolations());
        assertFalse(Files.exists(Path.of(dir)));
    }

    @Test
    @Timeout(30)
    void externalDriverGoneWithItsDirectoryFailsEveryLaterEventAndCloseReturns() throws Exception {
        MediaDriver.Context ctx = new MediaDriver.Context()
                .aeronDirectoryName(Path.of(System.getProperty("java.io.tmpdir"), "ringbus-ext-" + ProcessHandle.current().pid()
                        + "-" + System.nanoTime()).toString())
                .dirDeleteOnStart(true).dirDeleteOnShutdown(true).threadingMode(ThreadingMode.SHARED)
                .ipcTermBufferLength(1 << 20);
        MediaDriver external = MediaDriver.launch(ctx);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Throwable> clientErrors = new CopyOnWriteArrayList<>();
        AeronBridge bridge = AeronBridge.builder().externalDriver(ctx.aeronDirectoryName())
                .driverTimeout(Duration.ofMillis(500)).errorHandler(clientErrors::add).build();
        try {
            assertFalse(bridge.hasEmbeddedDriver());
            Loop loop = new Loop(bridge, failures);
            loop.send(1_000);
            loop.verifier.awaitCount(1_000, Duration.ofSeconds(10), loop::toString);

            external.close();                                       // stops the driver, deletes the directory
            assertFalse(Files.exists(Path.of(ctx.aeronDirectoryName())));
            TestBridges.await(() -> bridge.aeron().isClosed(), Duration.ofSeconds(10), loop::toString);
            assertTrue(bridge.errors() >= 1, "the driver timeout was reported");
            assertTrue(clientErrors.stream().anyMatch(e -> e.getClass().getSimpleName().equals("DriverTimeoutException")),
                    clientErrors.toString());

            loop.send(500);
            TestBridges.await(() -> loop.sender.failed() == 500, Duration.ofSeconds(10), loop::toString);
            assertEquals(500, loop.sender.notConnected());
            assertEquals(1_000, loop.sender.sent());
            assertEquals(500, failures.size());
            NotConnectedException e = assertInstanceOf(NotConnectedException.class, failures.get(0));
            assertTrue(e.getMessage().startsWith("publication closed on aeron:ipc stream 5"), e.getMessage());
            assertEquals(1_000, loop.verifier.count(), "nothing more arrived, nothing half-written");
        } finally {
            assertTimeoutPreemptively(Duration.ofSeconds(5), bridge::close, "close must not hang");
            external.close();
        }
        IllegalStateException again = assertThrows(IllegalStateException.class, () -> AeronBridge.builder()
                .externalDriver(ctx.aeronDirectoryName()).driverTimeout(Duration.ofMillis(200)).build());
        assertTrue(again.getMessage().startsWith("no media driver answered"), again.getMessage());
    }

    /** Source bus, IPC sender and receiver, target bus with a verifier, all in one bridge. */
    private static final class Loop {
        final Verifier verifier = new Verifier(1);
        final AeronSender<TestEvent> sender;
        final AeronReceiver<TestEvent> receiver;
        final RingBus<TestEvent> source;
        private final long[] seq = {0};

        Loop(AeronBridge bridge, List<Throwable> failures) {
            RingBus<TestEvent> target = bridge.closeOnClose(RingBus.builder(TestEvent::new).name("target").build());
            target.handleEventsWith(verifier);
            target.start();
            receiver = bridge.receiver(Channels.ipc(), STREAM, TestCodec.INSTANCE, target.publisher()).start();
            source = bridge.closeOnClose(RingBus.builder(TestEvent::new).name("source").build());
            sender = bridge.sender(Channels.ipc(), STREAM, TestCodec.INSTANCE);
            source.handleEventsWith(StageSpec.of(sender).exceptionPolicy(
                    ExceptionPolicy.callback((error, s, e, stage) -> failures.add(error))));
            source.start();
            TestBridges.awaitConnected(sender, receiver);
        }

        void send(int n) {
            for (int i = 0; i < n; i++) {
                source.publisher().publishEvent((e, s, st) -> e.fill(0, st[0]++, 0), seq);
            }
        }

        @Override
        public String toString() {
            return sender + " " + receiver + " " + verifier;
        }
    }
}
