package dev.cairn.dsl.query;

import dev.cairn.dsl.Includable;
import dev.cairn.dsl.Include;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A query of whole rows with relations to load for them, made by {@link Select#with}. It runs one query for the
 * rows and one per included relation (chunked for long key lists), never one per row, and returns a
 * {@link Graph}.
 *
 * @param <R> the row type of the query
 */
public final class EagerSelect<R> {
    private final Select<R> select;
    private final List<Include<?, ?>> includes;

    EagerSelect(Select<R> select, List<Include<?, ?>> includes) {
        this.select = select;
        this.includes = includes;
    }

    /** Also loads these relations, sorted and nested as each include says. */
    @SafeVarargs
    public final EagerSelect<R> with(Includable<? super R>... more) {
        List<Include<?, ?>> all = new ArrayList<>(includes);
        for (Includable<? super R> i : more) {
            all.add(Objects.requireNonNull(i, "include").toInclude());
        }
        return new EagerSelect<>(select, List.copyOf(all));
    }

    /** Runs the query and the loads of its relations. */
    public Graph<R> fetch() {
        return select.attachedExecutor().fetchGraph(select, includes);
    }

    /** The query of the rows. */
    public Select<R> select() {
        return select;
    }

    /** The relations to load, each declared on the table of the rows. */
    public List<Include<?, ?>> includes() {
        return includes;
    }
}
