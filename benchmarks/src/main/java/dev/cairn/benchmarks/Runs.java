package dev.cairn.benchmarks;

/**
 * How long the cases of a full run warm up and are measured, in one place: the benchmark classes name these
 * constants in their JMH annotations. Iterations last a second. Two forks, because one JVM's JIT decisions and
 * memory layout can put a contender off another's for the whole of a fork, which more iterations in one JVM do not
 * average out.
 */
final class Runs {
    static final int FORKS = 2;
    /** Warm-up of Cairn and hand-written JDBC: short code paths that settle within a few seconds. */
    static final int WARMUP = 8;
    /** Warm-up of jOOQ, Jdbi and Hibernate, whose longer code paths take the JIT longer to settle. */
    static final int PEER_WARMUP = 15;
    static final int MEASURED = 5;

    private Runs() {
    }
}
