package dev.cairn.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A relation to load with a query's rows, how to sort its rows, and the relations to load from them in turn:
 * {@code TEAMS.players.orderBy(PLAYERS.name.asc()).with(PLAYERS.sponsors)}. Made from a {@link Relation}.
 *
 * @param <O> the row type of the relation's owner table
 * @param <T> the row type of its target table, whose relations {@link #with} takes
 */
public final class Include<O, T> implements Includable<O> {
    private final Relation<O, T> relation;
    private final List<SortField> orderBy;
    private final List<Include<?, ?>> nested;

    private Include(Relation<O, T> relation, List<SortField> orderBy, List<Include<?, ?>> nested) {
        this.relation = Objects.requireNonNull(relation, "relation");
        this.orderBy = orderBy;
        this.nested = nested;
    }

    /** The relation, with its rows in the database's order and nothing nested. */
    public static <O, T> Include<O, T> of(Relation<O, T> relation) {
        return new Include<>(relation, List.of(), List.of());
    }

    /** Sorts the loaded rows of each parent by these keys (columns of the relation's target table). */
    public Include<O, T> orderBy(SortField... keys) {
        List<SortField> all = new ArrayList<>(orderBy);
        all.addAll(Arrays.asList(keys));
        return new Include<>(relation, List.copyOf(all), nested);
    }

    /** Also loads these relations (declared on the target table) of the loaded rows. */
    @SafeVarargs
    public final Include<O, T> with(Includable<? super T>... includes) {
        List<Include<?, ?>> all = new ArrayList<>(nested);
        for (Includable<? super T> i : includes) {
            all.add(Objects.requireNonNull(i, "include").toInclude());
        }
        return new Include<>(relation, orderBy, List.copyOf(all));
    }

    @Override
    public Include<O, T> toInclude() {
        return this;
    }

    /** The relation to load. */
    public Relation<O, T> relation() {
        return relation;
    }

    /** The sort keys of each parent's loaded rows. */
    public List<SortField> orderBy() {
        return orderBy;
    }

    /** The relations to load from the loaded rows, each declared on the target table. */
    public List<Include<?, ?>> nested() {
        return nested;
    }

    @Override
    public String toString() {
        return relation.owner().name() + "." + relation.name() + (orderBy.isEmpty() ? "" : " ORDER BY " + orderBy)
                + (nested.isEmpty() ? "" : " WITH " + nested);
    }
}
