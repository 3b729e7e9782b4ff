/**
 * Internal, not API: the bus's monitor thread, which copies the counters into the counters file and runs
 * the stall watchdog, off the stages' threads. Depends on the metrics and JFR packages and on the public
 * records of {@code io.ringbus}.
 */
package io.ringbus.internal.monitor;
