package io.ringbus.aeron;

import org.agrona.MutableDirectBuffer;

/**
 * Writes an event as one Aeron message. The sender asks for the length first, claims exactly that much
 * space (in the publication's term buffer when it fits one frame), then calls {@link #encode}. Both calls run
 * on the sending stage's thread and must not allocate if the hot path is to stay allocation-free.
 *
 * <pre>{@code
 * EventEncoder<Tick> ticks = new EventEncoder<>() {
 *     public int encodedLength(Tick t) { return 16; }
 *     public int encode(Tick t, MutableDirectBuffer b, int offset) {
 *         b.putLong(offset, t.id);
 *         b.putLong(offset + 8, t.price);
 *         return 16;
 *     }
 * };
 * }</pre>
 *
 * @param <E> the event type
 */
public interface EventEncoder<E> {
    /**
     * The exact number of bytes {@link #encode} will write for this event; in [0, the publication's
     * {@code maxMessageLength}].
     */
    int encodedLength(E event);

    /**
     * Writes the event at {@code offset}. The buffer ends exactly {@code encodedLength(event)} bytes after
     * {@code offset}: a write beyond it throws {@link IndexOutOfBoundsException}, and the message is not sent.
     *
     * @return the number of bytes written, which must equal {@code encodedLength(event)}
     * @throws Exception passed, with nothing sent, to the sending stage's exception policy
     */
    int encode(E event, MutableDirectBuffer buffer, int offset) throws Exception;
}
