/**
 * Internal, not API: barriers, the broadcast and worker-pool processors, the poller, and the graph wiring.
 * Depends on the producer, ring, sequence and lifecycle packages; nothing below depends on it.
 */
package io.ringbus.internal.consumer;
