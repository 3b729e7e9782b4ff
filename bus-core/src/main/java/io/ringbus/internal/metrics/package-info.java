/**
 * Internal, not API: the counters the stages write (one writer each) and the snapshots read from them.
 * Depends on nothing but the JDK; the consumer package writes these counters, the bus reads them.
 */
package io.ringbus.internal.metrics;
