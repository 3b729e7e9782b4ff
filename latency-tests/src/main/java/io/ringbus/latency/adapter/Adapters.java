package io.ringbus.latency.adapter;

import com.lmax.disruptor.dsl.ProducerType;
import io.ringbus.ProducerMode;
import io.ringbus.latency.adapter.disruptor.DisruptorAdapter;
import io.ringbus.latency.adapter.queue.QueueAdapter;
import io.ringbus.latency.adapter.queue.QueueKind;
import io.ringbus.latency.adapter.raw.VolatileAdapter;
import io.ringbus.latency.aeron.AeronAdapter;
import io.ringbus.latency.adapter.ringbus.RingBusAdapter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every implementation the harness knows, by command-line id, in table order. */
public final class Adapters {
    private static final Map<String, Adapter> ALL = new LinkedHashMap<>();

    static {
        add(new VolatileAdapter());
        add(new RingBusAdapter(ProducerMode.SINGLE));
        add(new RingBusAdapter(ProducerMode.SINGLE, true));
        add(new RingBusAdapter(ProducerMode.MULTI));
        add(new RingBusAdapter(ProducerMode.MULTI, true));
        add(new DisruptorAdapter(ProducerType.SINGLE));
        add(new DisruptorAdapter(ProducerType.MULTI));
        for (QueueKind kind : QueueKind.values()) {
            add(new QueueAdapter(kind));
        }
        add(AeronAdapter.BRIDGE);
        add(AeronAdapter.STAGED);
        add(AeronAdapter.RAW);
    }

    private Adapters() {
    }

    private static void add(Adapter a) {
        ALL.put(a.id(), a);
    }

    /** The adapter with this id, or null. An id may end in {@code @variant}: the same adapter from another build. */
    public static Adapter byId(String id) {
        return ALL.get(baseId(id));
    }

    /** The id without its {@code @variant} suffix. */
    public static String baseId(String id) {
        int at = id.indexOf('@');
        return at < 0 ? id : id.substring(0, at);
    }

    /** The variant an id names after its {@code @}, or null. */
    public static String variant(String id) {
        int at = id.indexOf('@');
        return at < 0 ? null : id.substring(at + 1);
    }

    public static List<Adapter> all() {
        return Collections.unmodifiableList(new ArrayList<>(ALL.values()));
    }

    public static List<String> ids() {
        return List.copyOf(ALL.keySet());
    }
}
