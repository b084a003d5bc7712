package dev.cairn.benchmarks;

/**
 * How long the cases of a full run warm up and are measured, in one place: the benchmark classes name these
 * constants in their JMH annotations (which take only constants). Iterations last a second; turns of Cairn and JDBC
 * in the same fork, {@value #TURN_MS} ms.
 *
 * <p>Warm-up is mostly the JIT working through its queue of H2, HikariCP and library methods, and it takes longer
 * when other work shares the cores. In trial runs on 2 cores, Cairn and JDBC reads settled after 3 to 5 s on a quiet
 * machine and after up to 10 s on a busy one; writes, which run more of H2, after 7 to 10 s; jOOQ, Jdbi and
 * Hibernate after 8 to 10 s quiet, jOOQ still improving slowly until about 20 s. Cairn and JDBC, the contenders the
 * targets are about, run in turns in the same forks ({@link Pairs}), in two forks, because one JVM's JIT decisions
 * and memory layout can put a contender off another's for the whole of a fork. The peers run in one: they are
 * context, several times slower than JDBC, and a second fork of each would add about five minutes to the run. Forks
 * run in rounds ({@link ForkRounds}), so that a peer's fork runs close in time to the JDBC turns it is compared with.
 */
final class Runs {
    static final int FORKS = 2;
    /**
     * Forks of Cairn and JDBC fetching and looking up rows: a query of one row takes about 1 us on H2, and there one
     * fork's JIT decisions move a score by up to 10% against another's, more than the 5% between a target and the
     * ratios measured; a third fork narrows the mean for about 3.5 minutes more.
     */
    static final int QUERY_FORKS = 3;
    static final int PEER_FORKS = 1;
    /** Warm-up iterations of Cairn and hand-written JDBC reading. */
    static final int WARMUP = 10;
    /** Warm-up iterations of Cairn and hand-written JDBC writing: H2's write path is more code for the JIT. */
    static final int WRITE_WARMUP = 12;
    /** Warm-up iterations of jOOQ, Jdbi and Hibernate. */
    static final int PEER_WARMUP = 20;
    static final int MEASURED = 5;
    /** Length of one turn of Cairn or JDBC in a paired benchmark ({@link Pairs}), in milliseconds. */
    static final int TURN_MS = 100;
    /**
     * Warm-up turns of a paired benchmark, both contenders together: 6 s of each. In trial runs their ratio had
     * settled within the first 4 s of turns: the code they share (H2, HikariCP) warms up on the calls of both.
     */
    static final int PAIRED_WARMUP = 120;
    /**
     * Warm-up turns of a paired benchmark that writes: 10 s of each contender. With 6 s, the ratio of the batch of
     * persists was still 5 to 10% above its measured level at the end of one fork's warm-up, and that of a persist
     * still falling from 1.5 to 1.0 through the last 4 s of another's: H2's write path is more code for the JIT.
     */
    static final int PAIRED_WRITE_WARMUP = 200;
    /** Measured turns of a paired benchmark, both contenders together: 5 s of each, as in a fork of its own. */
    static final int PAIRED_MEASURED = 100;

    private Runs() {
    }
}
