package io.ringbus.latency.cli;

import io.ringbus.latency.adapter.Adapter;
import io.ringbus.latency.adapter.Adapters;
import io.ringbus.latency.scenario.Scenario;
import io.ringbus.latency.scenario.ScenarioDefaults;
import io.ringbus.latency.scenario.Scenarios;
import java.io.PrintWriter;

/** What --list prints: every scenario with its defaults, every implementation with its mapping. */
final class Listing {
    private Listing() {
    }

    static void print(PrintWriter out) {
        out.println("Scenarios (default run: " + String.join(", ", Scenarios.DEFAULT_RUN) + "):");
        for (Scenario s : Scenarios.all()) {
            ScenarioDefaults d = s.defaults();
            StringBuilder defaults = new StringBuilder("ring " + d.capacity() + ", wait " + d.waits());
            if (d.events() > 0) {
                defaults.append(", events ").append(Quantities.formatCount(d.events()));
            }
            if (d.rate() > 0) {
                defaults.append(", rate ").append(Quantities.formatCount(d.rate())).append("/s");
            }
            if (d.durationNanos() > 0) {
                defaults.append(d.events() > 0 ? ", cap " : ", duration ")
                        .append(Quantities.formatDuration(d.durationNanos()));
            }
            if (!d.references().equals(ScenarioDefaults.DISRUPTOR)) {
                defaults.append(", ratios vs ").append(String.join(" / ", d.references()));
            }
            out.printf("  %-20s %s%n  %-20s   [%s; %s]%n", s.name(), s.summary(), "", s.topology(), defaults);
        }
        out.println();
        out.println("Implementations:");
        for (Adapter a : Adapters.all()) {
            out.printf("  %-18s %s%n", a.id(), a.description());
        }
        out.println();
        out.println("Wait strategies: busy-spin, yield, park, blocking");
        out.flush();
    }
}
