package io.ringbus.examples.packet;

/** Coarse traffic classes, by destination port. Constants rather than an enum: they index counter arrays. */
final class TrafficClass {
    static final int WEB = 0;
    static final int DNS = 1;
    static final int VOIP = 2;
    static final int OTHER = 3;
    static final int COUNT = 4;
    static final String[] NAMES = {"web", "dns", "voip", "other"};

    static int ofPort(int dstPort) {
        return switch (dstPort) {
            case 80, 443 -> WEB;
            case 53 -> DNS;
            case 5060 -> VOIP;
            default -> OTHER;
        };
    }

    private TrafficClass() {
    }
}
