package io.ringbus.internal.ring;

/**
 * The capacity rule, checked in one place: a power of two in [1, 2^30].
 *
 * @param size  number of slots
 * @param mask  {@code size - 1}: {@code sequence & mask} is the slot index
 * @param shift {@code log2(size)}: {@code sequence >>> shift} is the lap number
 */
public record RingCapacity(int size, int mask, int shift) {
    public static final int MAX = 1 << 30;

    /** Validates {@code capacity}; the message names the parameter and the rule. */
    public static RingCapacity of(int capacity) {
        if (capacity < 1 || capacity > MAX || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of 2 in [1, 2^30]: " + capacity);
        }
        return new RingCapacity(capacity, capacity - 1, Integer.numberOfTrailingZeros(capacity));
    }
}
