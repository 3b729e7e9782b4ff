/**
 * Internal, not API: the single- and multi-producer sequencers and the publisher built on them.
 * Depends on the ring, the sequences and the lifecycle state; nothing here knows about stages.
 */
package io.ringbus.internal.producer;
