package io.ringbus.jcstress;

/**
 * The event the jcstress tests put in the ring. Plain fields on purpose: the ordering must come from the
 * bus (a release store by the writer, an acquire load by the reader), never from the event itself.
 */
final class Event {
    /** Written by the producer before it publishes. */
    int payload;
    /** Written by the producer after the payload; a reader that sees one but not the other saw a torn event. */
    int check;
    /** Written by diamond stage A. */
    int markA;
    /** Written by diamond stage B. */
    int markB;
}
