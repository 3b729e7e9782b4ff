package io.ringbus.reliability;

/** The stage graphs the reliability tests run, each wired with checking handlers by {@link CheckedGraph}. */
enum Shape {
    ONE_STAGE("1-stage", 1),
    PIPELINE_3("pipeline-3", 3),
    DIAMOND("diamond", 3),
    MULTICAST_3("multicast-3", 3),
    POOL_3("pool-3", 3);

    private final String label;
    private final int consumerThreads;

    Shape(String label, int consumerThreads) {
        this.label = label;
        this.consumerThreads = consumerThreads;
    }

    int consumerThreads() {
        return consumerThreads;
    }

    @Override
    public String toString() {
        return label;
    }
}
