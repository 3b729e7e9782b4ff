/**
 * Reading a bus's counters from outside its process: {@link io.ringbus.stat.CountersReader} maps the file a
 * bus built with {@code RingBusBuilder.counters(dir)} writes, and returns consistent
 * {@link io.ringbus.stat.CountersSnapshot snapshots}; {@link io.ringbus.stat.CountersLayout} documents the
 * file for readers in other languages. For monitoring agents and the {@code ringbus-stat} command.
 */
package io.ringbus.stat;
