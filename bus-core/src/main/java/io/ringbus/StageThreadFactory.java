package io.ringbus;

/**
 * Creates the thread of one stage, knowing which stage it is: the place to pin stage threads to cores with an
 * affinity library, or to give them priorities or thread groups by stage. Called once per stage thread, on
 * the thread that calls {@link RingBus#start()}, before any stage thread starts. The body sets up nothing
 * itself: a factory that pins from inside the new thread wraps the body, pins, then runs it.
 *
 * <pre>{@code
 * builder.stageThreadFactory((info, body) -> {
 *     Thread t = new Thread(() -> { Affinity.pin(coreFor(info)); body.run(); });
 *     t.setDaemon(true);
 *     return t;
 * });
 * }</pre>
 */
@FunctionalInterface
public interface StageThreadFactory {
    /**
     * Returns a new, unstarted thread that runs {@code body}. The bus names it {@link StageThreadInfo#threadName()}
     * after this returns, and starts it.
     *
     * @param info which stage and worker the thread is for
     * @param body what the thread must run
     * @return the thread; never null
     */
    Thread newThread(StageThreadInfo info, Runnable body);
}
