package dev.cairn.engine.compile;

import dev.cairn.dsl.Expression.Param;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compiled statement of one shape that the engine itself builds again and again with new values (the object
 * API's find and update by primary key). It is learned from the first statement of the shape, compiled the usual way;
 * afterwards the caller gives the values in placeholder order and the walk that would find the shape and collect
 * the values is skipped. It is learned only when that first walk collected exactly the values the caller gives, in
 * the same order: a caller that orders them wrongly keeps the usual path instead of binding values to the wrong
 * placeholders.
 */
public final class KnownShape {
    private static final Logger log = LoggerFactory.getLogger(KnownShape.class);

    private final String what;
    private volatile CompiledQuery query;
    private volatile boolean refused;

    /** @param what the statement in words, for the log */
    public KnownShape(String what) {
        this.what = what;
    }

    /** The compiled statement, or {@code null} while it is not learned (or was refused). */
    public CompiledQuery query() {
        return query;
    }

    /**
     * Learns {@code compiled} when the walk that compiled it collected {@code walked}, value for value the
     * {@code given} values in order.
     */
    public void learn(CompiledQuery compiled, List<Param<?>> walked, List<Param<?>> given) {
        if (query != null || refused) {
            return;
        }
        boolean same = walked.size() == given.size();
        for (int i = 0; same && i < walked.size(); i++) {
            same = walked.get(i).type() == given.get(i).type()
                    && Objects.equals(walked.get(i).value(), given.get(i).value());
        }
        if (same) {
            query = compiled;
        } else {
            refused = true;
            log.warn("{}: the statement's values are not in the order they were given; it keeps being compiled "
                    + "statement by statement", what);
        }
    }
}
