/**
 * Internal, not API: the padded {@link io.ringbus.internal.sequence.Sequence} and helpers over groups of them.
 *
 * <p>Accessor names follow the JDK's {@link java.lang.invoke.VarHandle} access modes:
 * <table>
 *   <caption>Access modes</caption>
 *   <tr><th>name</th><th>guarantee</th></tr>
 *   <tr><td>{@code getPlain}/{@code setPlain}</td><td>no ordering; only for the owning thread</td></tr>
 *   <tr><td>{@code getOpaque}/{@code setOpaque}</td><td>not cached or elided by the compiler; no ordering of
 *       other accesses</td></tr>
 *   <tr><td>{@code getAcquire}</td><td>no later read or write moves before it: pairs with a release store</td></tr>
 *   <tr><td>{@code setRelease}</td><td>no earlier read or write moves after it: everything written before is
 *       visible to a thread that acquires the new value</td></tr>
 *   <tr><td>{@code getVolatile}/{@code setVolatile}</td><td>sequentially consistent (adds StoreLoad)</td></tr>
 *   <tr><td>{@code compareAndSet}/{@code getAndAdd}</td><td>atomic, sequentially consistent</td></tr>
 * </table>
 */
package io.ringbus.internal.sequence;
