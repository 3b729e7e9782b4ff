package io.ringbus.latency.report;

import io.ringbus.latency.machine.MachineInfo;
import io.ringbus.latency.machine.Provenance;
import io.ringbus.latency.scenario.Case;
import java.util.List;

/** The title and context lines over a chart: what ran, how, on what, and how the figures were combined. */
record Caption(String title, List<String> lines) {

    Caption {
        lines = List.copyOf(lines);
    }

    static Caption of(Case c, MachineInfo m, Provenance p, String aggregation) {
        return new Caption(c.scenario().name() + " | " + c.waitMode().label(), List.of(
                c.scenario().summary(),
                CaseTable.settings(c),
                m.jdk() + " | " + m.cpuModel() + ", " + m.cores() + " cores | ringbus "
                        + p.ringbusVersion() + " (git " + p.gitCommit() + ")",
                aggregation));
    }
}
