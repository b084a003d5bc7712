package dev.cairn.benchmarks;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Whose turn an iteration of a paired benchmark is: hand-written JDBC in the first iteration of a fork (warm-up
 * included), Cairn in the second, and so on in turns. {@link Pairs} splits the iterations back by the same rule.
 */
@State(Scope.Thread)
public class Turns {
    private int iteration;

    @Setup(Level.Iteration)
    public void next() {
        iteration++;
    }

    /** Whether this iteration measures Cairn; JDBC's turn otherwise. */
    public boolean cairn() {
        return Pairs.isCairn(iteration);
    }
}
