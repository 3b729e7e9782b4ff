package io.ringbus.aeron;

import org.agrona.DirectBuffer;

/**
 * Reads one Aeron message into a claimed slot of the target bus. The slot is published only if this returns
 * normally; if it throws, the slot is aborted (every stage skips it) and the failure is counted and handed
 * to the receiver's decode failure handler. Runs on the receiving thread; must not keep the buffer.
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface EventDecoder<E> {
    /**
     * Fills {@code event} from {@code length} bytes at {@code offset}. The event is a reused ring slot: set
     * every field the stages read, since it still holds an older event's values.
     *
     * @throws Exception when the message is malformed; nothing is published
     */
    void decode(DirectBuffer buffer, int offset, int length, E event) throws Exception;
}
