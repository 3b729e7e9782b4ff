package io.ringbus.latency.adapter;

import java.util.Locale;

/** The wait strategies every implementation maps to its own equivalent. */
public enum WaitMode {
    SPIN("busy-spin"),
    YIELD("yield"),
    PARK("park"),
    BLOCKING("blocking");

    private final String label;

    WaitMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether an idle thread in this mode keeps a core busy. */
    public boolean burnsCore() {
        return this == SPIN;
    }

    /** Parses a label or an alias (spin, sleep, block); null when unknown. */
    public static WaitMode parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "busy-spin": case "busyspin": case "spin": return SPIN;
            case "yield": case "yielding": return YIELD;
            case "park": case "parking": case "sleep": case "sleeping": case "backoff": return PARK;
            case "blocking": case "block": return BLOCKING;
            default: return null;
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
