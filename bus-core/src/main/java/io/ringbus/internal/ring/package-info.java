/**
 * Internal, not API: slot storage, the per-slot sequence numbers and the capacity rule.
 * See {@link io.ringbus.internal.ring.RingStorage} for the slot encoding.
 */
package io.ringbus.internal.ring;
