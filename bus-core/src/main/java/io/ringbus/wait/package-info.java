/**
 * Wait strategies: how a stage waits for the producer or an upstream stage, and how a producer waits for
 * space in a full ring. Public so that users choose and configure them per stage.
 *
 * <table>
 *   <caption>Strategies</caption>
 *   <tr><th>strategy</th><th>wake-up latency</th><th>CPU while idle</th></tr>
 *   <tr><td>{@link io.ringbus.wait.BusySpinWaitStrategy}</td><td>lowest</td><td>a full core</td></tr>
 *   <tr><td>{@link io.ringbus.wait.YieldingWaitStrategy}</td><td>low</td><td>a full core unless others run</td></tr>
 *   <tr><td>{@link io.ringbus.wait.ParkingWaitStrategy}</td><td>up to the park cap</td><td>near zero</td></tr>
 *   <tr><td>{@link io.ringbus.wait.BlockingWaitStrategy}</td><td>an unpark</td><td>zero</td></tr>
 * </table>
 *
 * <p>{@link io.ringbus.wait.SwitchableWaitStrategy} wraps any of them and can be switched to another while the
 * bus runs, for instance from busy-spin in trading hours to parking overnight.
 *
 * <p>This package imports nothing from the bus internals.
 */
package io.ringbus.wait;
