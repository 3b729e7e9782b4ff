package io.ringbus.internal.consumer;

import io.ringbus.EventHandler;
import io.ringbus.WorkHandler;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.ToLongFunction;

/**
 * One worker of a key-partitioned pool, as a broadcast handler: it reads every event and handles those whose
 * key maps to it. Every event has exactly one owner, and each worker sees its events in sequence order, so
 * each key keeps its order. If the key function throws, the event has no owner: the worker chosen by its
 * sequence reports the failure to the pool's policy, and the others skip the event.
 */
final class KeyedWorkAdapter<E> implements EventHandler<E> {
    private static final VarHandle HANDLED;

    static {
        try {
            HANDLED = MethodHandles.lookup().findVarHandle(KeyedWorkAdapter.class, "handled", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final WorkHandler<? super E> handler;
    private final ToLongFunction<? super E> key;
    private final int index;
    private final int workers;
    private long handled;

    KeyedWorkAdapter(WorkHandler<? super E> handler, ToLongFunction<? super E> key, int index, int workers) {
        this.handler = handler;
        this.key = key;
        this.index = index;
        this.workers = workers;
    }

    /** The worker that owns {@code key}: a 64-bit mix first, so keys with a common stride still spread. */
    static int owner(long key, int workers) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) Math.floorMod(h, (long) workers);
    }

    @Override
    public void onEvent(E event, long sequence, boolean endOfBatch) throws Exception {
        long k;
        try {
            k = key.applyAsLong(event);
        } catch (Throwable keyFailure) {
            // every worker computes the key; one failure of one event is reported by one worker only
            if (Math.floorMod(sequence, (long) workers) != index) {
                return;
            }
            throw keyFailure;
        }
        if (owner(k, workers) == index) {
            handler.onEvent(event, sequence);
            HANDLED.setOpaque(this, handled + 1);
        }
    }

    @Override
    public void onStart() throws Exception {
        handler.onStart();
    }

    @Override
    public void onShutdown() throws Exception {
        handler.onShutdown();
    }

    long handled() {
        return (long) HANDLED.getOpaque(this);
    }
}
