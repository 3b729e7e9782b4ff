/**
 * Internal, not API: the JDK Flight Recorder events of the bus, and the one place that commits them. Every
 * event is built only on a slow path (a long wait for room, a failure, a stall, a close or a halt) and only
 * if a recording has it enabled. The event names, {@code io.ringbus.*}, are the public contract.
 */
package io.ringbus.internal.jfr;
