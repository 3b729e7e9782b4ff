package io.ringbus.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Stack traces as text, for failure messages. */
final class Stacks {
    private Stacks() {
    }

    static String of(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
