package io.ringbus.aeron;

import io.ringbus.ExceptionPolicy;
import io.ringbus.RingBus;
import io.ringbus.StageSpec;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A decoder that throws, an encoder that overflows its buffer or lies about its length, and messages longer
 * than a frame: failures are counted and reported, nothing half-written is published, the rest goes through.
 */
class CodecFaultTest {
    private static final long EVENTS = 10_000;
    private static final long POISON_EVERY = 100;
    private static final long POISONED = EVENTS / POISON_EVERY;

    @Test
    @Timeout(30)
    void decoderThatThrowsAbortsItsSlotAndIsCounted() throws Exception {
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        EventDecoder<TestEvent> decoder = (b, o, l, e) -> {
            TestCodec.INSTANCE.decode(b, o, l, e);           // the slot is written, then the decoder fails
            if (e.seq % POISON_EVERY == 50) {                 // followed by a good event: a visible gap
                throw new IllegalArgumentException("poison " + e.seq);
            }
        };
        try (Pair pair = new Pair(TestCodec.INSTANCE, decoder, ReceiverConfig.defaults()
                .decodeFailureHandler(reported::add), ExceptionPolicy.logAndContinue())) {
            pair.publish(EVENTS, 0);
            pair.verifier.awaitCount(EVENTS - POISONED, Duration.ofSeconds(20), pair::toString);
            TestBridges.await(() -> pair.receiver.decodeFailures() == POISONED, Duration.ofSeconds(5), pair::toString);
            assertEquals(EVENTS, pair.sender.sent(), "sent");
            assertEquals(EVENTS - POISONED, pair.receiver.received(), "received");
            assertEquals(EVENTS - POISONED, pair.verifier.count(), "delivered: aborted slots are skipped");
            assertEquals(POISONED, pair.verifier.gaps(), "exactly the poisoned events are missing");
            assertEquals(0, pair.verifier.orderViolations() + pair.verifier.payloadViolations(), pair.verifier.toString());
            assertEquals(POISONED, reported.size(), "each failure reported once");
            DecodeException first = assertInstanceOf(DecodeException.class, reported.get(0));
            assertEquals(1, first.failureNumber());
            assertTrue(first.getMessage().contains("did not decode"), first.getMessage());
            assertEquals("poison 50", first.getCause().getMessage());
        }
    }

    @Test
    @Timeout(30)
    void encoderThatOverflowsMiscountsOrThrowsSendsNothing() throws Exception {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        EventEncoder<TestEvent> encoder = new EventEncoder<>() {
            @Override
            public int encodedLength(TestEvent e) {
                if (e.seq % POISON_EVERY == 25) {
                    throw new IllegalStateException("no length for " + e.seq);
                }
                return TestCodec.INSTANCE.encodedLength(e);
            }

            @Override
            public int encode(TestEvent e, MutableDirectBuffer b, int offset) {
                int n = TestCodec.INSTANCE.encode(e, b, offset);
                if (e.seq % POISON_EVERY == POISON_EVERY - 1) {
                    b.putLong(offset + n, -1L);                 // past the claimed length
                }
                if (e.seq % POISON_EVERY == 49) {
                    return n - 1;                              // lies about its length
                }
                return n;
            }
        };
        try (Pair pair = new Pair(encoder, TestCodec.INSTANCE, ReceiverConfig.defaults(),
                ExceptionPolicy.callback((error, seq, event, stage) -> failures.add(error)))) {
            pair.publish(EVENTS, 0);
            long bad = 3 * POISONED;
            pair.verifier.awaitCount(EVENTS - bad, Duration.ofSeconds(20), pair::toString);
            pair.closeSource();
            assertEquals(EVENTS - bad, pair.sender.sent(), "sent");
            assertEquals(bad, pair.sender.failed(), "failed");
            assertEquals(bad, failures.size(), "each failure reached the stage's exception policy");
            assertEquals(POISONED, failures.stream().filter(IndexOutOfBoundsException.class::isInstance).count());
            assertTrue(failures.stream().anyMatch(f -> f.getMessage().contains("encode must write encodedLength bytes")),
                    failures.toString());
            assertEquals(POISONED, failures.stream().filter(f -> f.getMessage().startsWith("no length for ")).count());
            assertEquals(0, pair.receiver.decodeFailures(), "nothing half-written reached the wire");
            assertEquals(EVENTS - bad, pair.verifier.count());
            assertEquals(0, pair.verifier.orderViolations() + pair.verifier.payloadViolations(), pair.verifier.toString());
        }
    }

    @Test
    @Timeout(30)
    void messagesLongerThanAFrameAreOfferedAndReassembled() throws Exception {
        try (Pair pair = new Pair(TestCodec.INSTANCE, TestCodec.INSTANCE, ReceiverConfig.defaults(),
                ExceptionPolicy.haltBus())) {
            int padding = 3 * pair.sender.maxMessageLength() / 4;  // many frames each
            assertTrue(padding > pair.sender.maxPayloadLength(), "the test must fragment");
            pair.publish(200, padding);
            pair.verifier.awaitCount(200, Duration.ofSeconds(20), pair::toString);
            assertEquals(0, pair.receiver.decodeFailures());
            assertEquals(0, pair.verifier.orderViolations() + pair.verifier.payloadViolations() + pair.verifier.gaps());
        }
    }

    @Test
    @Timeout(30)
    void aMessageLongerThanTheMaximumFailsNamingTheRule() throws Exception {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        try (Pair pair = new Pair(TestCodec.INSTANCE, TestCodec.INSTANCE, ReceiverConfig.defaults(),
                ExceptionPolicy.callback((error, seq, event, stage) -> failures.add(error)))) {
            pair.publish(1, pair.sender.maxMessageLength());        // FIXED bytes too many
            pair.publish(1, 0);
            pair.verifier.awaitCount(1, Duration.ofSeconds(20), pair::toString);
            pair.closeSource();
            assertEquals(1, failures.size(), failures.toString());
            IllegalArgumentException e = assertInstanceOf(IllegalArgumentException.class, failures.get(0));
            assertTrue(e.getMessage().startsWith("encodedLength must be in [0, maxMessageLength "), e.getMessage());
            assertEquals(1, pair.sender.failed());
            assertEquals(1, pair.sender.sent());
        }
    }

    /** A source bus sending over IPC to a target bus in the same bridge. */
    private static final class Pair implements AutoCloseable {
        final AeronBridge bridge = TestBridges.launch();
        final Verifier verifier = new Verifier(1);
        final RingBus<TestEvent> target;
        final RingBus<TestEvent> source;
        final AeronSender<TestEvent> sender;
        final AeronReceiver<TestEvent> receiver;
        private long nextSeq;

        Pair(EventEncoder<TestEvent> encoder, EventDecoder<TestEvent> decoder, ReceiverConfig receiverConfig,
             ExceptionPolicy<TestEvent> sendPolicy) {
            target = bridge.closeOnClose(RingBus.builder(TestEvent::new).name("target").capacity(1024).build());
            target.handleEventsWith(verifier);
            target.start();
            receiver = bridge.receiver(Channels.ipc(), 3, decoder, target.publisher(), receiverConfig).start();
            source = bridge.closeOnClose(RingBus.builder(TestEvent::new).name("source").capacity(1024).build());
            sender = bridge.sender(Channels.ipc(), 3, encoder);
            source.handleEventsWith(StageSpec.of(sender).named("send").exceptionPolicy(sendPolicy));
            TestBridges.awaitConnected(sender, receiver);
            source.start();
        }

        void publish(long n, int padding) {
            for (long i = 0; i < n; i++) {
                long seq = nextSeq++;
                source.publisher().publishEvent((e, s, pad) -> e.fill(0, seq, pad), padding);
            }
        }

        void closeSource() {
            source.close();
        }

        @Override
        public void close() {
            bridge.close();
        }

        @Override
        public String toString() {
            return sender + " " + receiver + " " + verifier;
        }
    }
}
