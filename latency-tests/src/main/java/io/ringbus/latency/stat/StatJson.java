package io.ringbus.latency.stat;

import io.ringbus.stat.CountersSnapshot;

/** One snapshot as one line of JSON. */
final class StatJson {
    private StatJson() {
    }

    static String line(CountersSnapshot s) {
        StringBuilder sb = new StringBuilder("{");
        field(sb, "bus", s.bus()).append(',');
        sb.append("\"pid\":").append(s.pid()).append(',');
        field(sb, "state", s.state().name()).append(',');
        sb.append("\"stale\":").append(s.stale()).append(',');
        field(sb, "started", s.started().toString()).append(',');
        field(sb, "heartbeat", s.heartbeat().toString()).append(',');
        sb.append("\"intervalMillis\":").append(s.interval().toMillis()).append(',');
        sb.append("\"capacity\":").append(s.capacity()).append(',');
        CountersSnapshot.Producer p = s.producer();
        sb.append("\"producer\":{\"claimed\":").append(p.claimed()).append(",\"fullRing\":").append(p.fullRing())
                .append(",\"stallNanos\":").append(p.stallNanos()).append(",\"aborts\":").append(p.aborts())
                .append(",\"remainingCapacity\":").append(p.remainingCapacity()).append("},\"stages\":[");
        for (int i = 0; i < s.stages().size(); i++) {
            CountersSnapshot.Stage st = s.stages().get(i);
            sb.append(i == 0 ? "{" : ",{");
            field(sb, "name", st.name()).append(',');
            field(sb, "kind", st.kind()).append(',');
            sb.append("\"sequence\":").append(st.sequence()).append(",\"lag\":").append(st.lag())
                    .append(",\"backlog\":").append(st.backlog()).append(",\"events\":").append(st.events())
                    .append(",\"batches\":").append(st.batches()).append(",\"maxBatch\":").append(st.maxBatch())
                    .append(",\"wakeUps\":").append(st.wakeUps()).append(",\"failures\":").append(st.failures())
                    .append(",\"skipped\":").append(st.skipped()).append(",\"abortsSeen\":").append(st.abortsSeen())
                    .append(",\"stalls\":").append(st.stalls()).append(',');
            field(sb, "lastProgress", st.lastProgress().toString()).append(',');
            sb.append("\"workers\":").append(st.workers()).append('}');
        }
        return sb.append("]}\n").toString();
    }

    private static StringBuilder field(StringBuilder sb, String name, String value) {
        sb.append('"').append(name).append("\":\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"');
    }
}
