/**
 * Bridges ringbus buses across processes and hosts over Aeron.
 *
 * <p>An {@link io.ringbus.aeron.AeronSender} is a stage of one bus that sends each event it handles as one
 * Aeron message; an {@link io.ringbus.aeron.AeronReceiver} publishes each message it takes off a subscription
 * into a claimed slot of another bus. An {@link io.ringbus.aeron.AeronBridge} owns the Aeron client (and, by
 * default, an embedded media driver) and closes everything in order. Channels default to {@code aeron:ipc}
 * and UDP on 127.0.0.1; see {@link io.ringbus.aeron.Channels}.
 *
 * <h2>Delivery contract</h2>
 * While a sender's publication is connected to a receiver's subscription, every event the sending stage
 * handles is delivered to the target bus exactly once, and in the order the stage handled it, so each
 * producer's events keep their order. Back-pressure slows the sending bus down; it never drops. Across a
 * disconnect, a crash or a restart of either side, events in flight may be lost, and events the sender
 * handles while no subscriber is connected go to its {@link io.ringbus.aeron.DisconnectPolicy}; every such
 * event is counted. Replay after a crash needs Aeron Archive and is not offered. {@code docs/scale-out.md}
 * has the details.
 */
package io.ringbus.aeron;
