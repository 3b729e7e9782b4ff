package io.ringbus.latency.report;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Just enough JSON for the result file: objects, arrays, strings, numbers, null. Values are maps, lists,
 * strings, numbers or null; a NaN or infinite number (a figure that was not measured) is written as null.
 */
final class Json {
    private Json() {
    }

    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        value(sb, value, "");
        return sb.append('\n').toString();
    }

    private static void value(StringBuilder sb, Object v, String indent) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            sb.append(Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d).replaceFirst("\\.?0+($|e)", "$1")
                    : "null");
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            container(sb, m.entrySet().iterator(), '{', '}', indent);
        } else if (v instanceof List<?> l) {
            container(sb, l.iterator(), '[', ']', indent);
        } else {
            throw new IllegalArgumentException("no JSON form for " + v.getClass().getName());
        }
    }

    private static void container(StringBuilder sb, Iterator<?> items, char open, char close, String indent) {
        sb.append(open);
        String inner = indent + "  ";
        boolean first = true;
        while (items.hasNext()) {
            Object item = items.next();
            sb.append(first ? "\n" : ",\n").append(inner);
            first = false;
            if (item instanceof Map.Entry<?, ?> e) {
                string(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                value(sb, e.getValue(), inner);
            } else {
                value(sb, item, inner);
            }
        }
        sb.append(first ? "" : "\n" + indent).append(close);
    }

    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
