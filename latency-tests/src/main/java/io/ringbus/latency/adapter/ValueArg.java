package io.ringbus.latency.adapter;

/**
 * One message's values, as the argument of a batch translator. Senders keep a preallocated array of these
 * and refill it per batch, so a translated batch allocates nothing and boxes nothing, in every implementation.
 */
public final class ValueArg {
    public long value;
    public long stamp;

    /** A reusable array of {@code count} arguments, grown only when a batch is longer than before. */
    public static ValueArg[] fill(ValueArg[] args, long firstValue, int count, long stamp) {
        ValueArg[] a = args != null && args.length >= count ? args : new ValueArg[count];
        for (int i = 0; i < count; i++) {
            if (a[i] == null) {
                a[i] = new ValueArg();
            }
            a[i].value = firstValue + i;
            a[i].stamp = stamp;
        }
        return a;
    }
}
