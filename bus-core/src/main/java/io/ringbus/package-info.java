/**
 * ringbus: a lock-free, in-process message bus over a preallocated ring.
 *
 * <h2>Ordering contract</h2>
 * After {@code publish(s)} returns, every stage will handle event s exactly once (a worker pool: exactly one
 * of its workers), and will see every write the producer made to the event before publishing it; a broadcast
 * stage handles events in sequence order, so each producer's events arrive in the order it published them.
 * A stage placed after stages a and b handles s only after a and b have both finished s, and sees their
 * writes. A slot is never overwritten while any stage may still read it: the producer claims s + capacity
 * only after every last stage of the graph has finished s, and every stage finishes s only after those it
 * runs after. An aborted sequence is skipped by every stage and stalls nothing. {@code close()} delivers
 * every event published before it was called, including to stages whose threads have not started yet; a
 * claim that races {@code close()} either completes and is delivered, or throws {@link
 * io.ringbus.BusClosedException} with nothing claimed (with {@code producersStopBeforeClose}, only while the
 * application keeps that promise). An event a stage failed on and went past (its policy continued) is
 * skipped by every stage that runs after that stage, unless one opts in with
 * {@code StageSpec.seesFailedEvents()}. A SINGLE producer's role may pass between threads when the previous
 * producer's last call happens-before the next one's first claim. Not promised: order across the workers of a pool
 * (except per key in a partitioned pool), delivery after {@code halt()}, and exactness of estimates such as
 * {@code remainingCapacity()} (always within [0, capacity]) and the stage counters, which are read without
 * locks.
 *
 * <h2>Lifecycle</h2>
 * No call waits for its own caller: {@code close()} from a stage thread, from inside a poll handler, or from
 * a poller's thread while that poller has events left, and a claim from a stage thread or poll handler that
 * could only get room once that same stage advances, throw {@link IllegalStateException} instead (such a
 * MULTI {@code claim()} has already taken a sequence, so it also halts the bus). Whatever escapes a handler,
 * a policy or a poll, {@code Error}s included, halts the bus rather than leaving producers waiting; a
 * {@code start()} whose stage thread fails to start leaves the bus halted. Timeouts too large for the clock
 * mean no limit.
 *
 * <h2>Topologies</h2>
 * <pre>
 * Unicast (1P-1C)             P --publish--&gt; [ ring ] &lt;--barrier-- A
 *                             P &lt;--gating--- A
 *
 * Multicast (1P-3C)           P --&gt; [ ring ] &lt;-- A, B, C     each sees every event
 *                             P &lt;--gating--- min(A, B, C)
 *
 * Pipeline                    P --&gt; [ ring ] &lt;-- A &lt;-- B &lt;-- C    B waits for A, C for B
 *                             P &lt;--gating--- C
 *
 * Diamond                     P --&gt; [ ring ] &lt;-- A ---+
 *                                            &lt;-- B ---+&lt;-- J     J waits for min(A, B)
 *                             P &lt;--gating--- J
 *
 * Worker pool                 P --&gt; [ ring ] &lt;-- W0 | W1 | W2   each event to one worker
 *                             P &lt;--gating--- min(W0, W1, W2)
 * </pre>
 * Arrows to the ring are barriers: a stage reads up to the producer's cursor, or up to the slowest stage it
 * runs after. Gating arrows are what the producer waits on before reusing a slot. Any stage kind (broadcast,
 * pool, poller) can stand in any position.
 */
package io.ringbus;
