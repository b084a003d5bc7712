package dev.cairn.benchmarks;

/**
 * How long the cases of a full run warm up and are measured, in one place: the benchmark classes name these
 * constants in their JMH annotations (which take only constants). Iterations last a second.
 *
 * <p>Warm-up is mostly the JIT working through its queue of H2, HikariCP and library methods; on 2 busy cores that
 * queue drains seconds later than on a quiet machine, so warm-up is about twice what a quiet machine needs. Cairn
 * and JDBC, the contenders the targets are about, run in two forks, because one JVM's JIT decisions and memory
 * layout can put a contender off another's for the whole of a fork. jOOQ, Jdbi and Hibernate warm up longer (their
 * code paths are longer) in one fork: they are context, several times slower than JDBC, and a second fork of each
 * would cost about six minutes of the run.
 */
final class Runs {
    static final int FORKS = 2;
    static final int PEER_FORKS = 1;
    /** Warm-up iterations of Cairn and hand-written JDBC. */
    static final int WARMUP = 10;
    /** Warm-up iterations of jOOQ, Jdbi and Hibernate. */
    static final int PEER_WARMUP = 20;
    static final int MEASURED = 5;

    private Runs() {
    }
}
