package io.ringbus;

/** Who may publish. */
public enum ProducerMode {
    /**
     * One thread publishes. Claims are a plain increment with no atomic instruction, and stages read the cursor
     * once per batch. Claims from a second thread are rejected with {@link IllegalStateException}. Publishes
     * happen in claim order.
     */
    SINGLE,
    /**
     * Any thread may publish. A claim is one atomic add (LOCK XADD) that never retries; slots may be
     * published in any order and stages deliver them in sequence order.
     */
    MULTI
}
