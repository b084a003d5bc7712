package dev.cairn.dsl.query;

import dev.cairn.dsl.BelongsTo;
import dev.cairn.dsl.HasMany;
import dev.cairn.dsl.HasOne;
import dev.cairn.dsl.ManyToMany;
import dev.cairn.dsl.Relation;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of a query with the relations loaded for them by {@link EagerSelect#fetch()}: the rows in order, and for
 * each loaded row object its related rows, read through the relation, which types them:
 *
 * <pre>{@code
 * Graph<Team> teams = db.selectFrom(TEAMS).with(TEAMS.players.with(PLAYERS.sponsors)).fetch();
 * for (Team t : teams) {
 *     for (Player p : teams.get(t, TEAMS.players)) {          // List<Player>
 *         List<Sponsor> sponsors = teams.get(p, PLAYERS.sponsors);
 *     }
 * }
 * }</pre>
 *
 * Rows are looked up by identity, so pass the very objects the graph holds. To-many relations give lists (empty
 * when there are no related rows); to-one relations give an {@link Optional}.
 *
 * @param <R> the row type of the query
 */
public final class Graph<R> implements Iterable<R> {
    private final List<R> rows;
    // Per relation, each parent's related rows: a few maps for the whole graph, none per row.
    private final Map<Relation<?, ?>, Map<Object, Object>> related;

    private Graph(List<R> rows, Map<Relation<?, ?>, Map<Object, Object>> related) {
        this.rows = rows;
        this.related = related;
    }

    /** The query's rows, in the query's order. */
    public List<R> rows() {
        return rows;
    }

    @Override
    public Iterator<R> iterator() {
        return rows.iterator();
    }

    /**
     * The target rows of a has-many relation of {@code parent}, sorted as the include asked. The relation is typed by
     * its owner, so only a row of the owner table compiles as {@code parent}.
     */
    public <O, T> List<T> get(O parent, HasMany<O, T> relation) {
        Object v = lookup(parent, relation);
        if (relation.isToOne()) {
            @SuppressWarnings("unchecked")
            Optional<T> one = (Optional<T>) v;
            return one.map(List::of).orElse(List.of());
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) v;
        return list;
    }

    /** The target row of a has-one relation of {@code parent}, if there is one. */
    @SuppressWarnings("unchecked")
    public <O, T> Optional<T> get(O parent, HasOne<O, T> relation) {
        return (Optional<T>) lookup(parent, relation);
    }

    /** The rows linked to {@code parent} through a many-to-many relation. */
    @SuppressWarnings("unchecked")
    public <O, T> List<T> get(O parent, ManyToMany<O, T> relation) {
        return (List<T>) lookup(parent, relation);
    }

    /** The row {@code parent} belongs to, if its key is set. */
    @SuppressWarnings("unchecked")
    public <O, T> Optional<T> get(O parent, BelongsTo<O, T> relation) {
        return (Optional<T>) lookup(parent, relation);
    }

    private Object lookup(Object parent, Relation<?, ?> relation) {
        Map<Object, Object> loaded = related.get(relation);
        Object v = loaded == null ? null : loaded.get(parent);
        if (v != null) {
            return v;
        }
        if (!holds(parent)) {
            throw new IllegalArgumentException("This graph holds no such " + relation.owner().name()
                    + " row object; pass a row object the graph returned (rows are looked up by identity)");
        }
        throw new IllegalArgumentException("Relation " + relation.owner().name() + "." + relation.name()
                + " was not loaded for this row; add with(" + relation.owner().name().toUpperCase(java.util.Locale.ROOT)
                + "." + relation.name() + ") to the query");
    }

    private boolean holds(Object row) {
        for (R r : rows) {
            if (r == row) {
                return true;
            }
        }
        for (Map<Object, Object> byParent : related.values()) {
            if (byParent.containsKey(row)) {
                return true;
            }
        }
        return false;
    }

    /** Assembles a graph; used by the engine. */
    public static <R> Builder<R> builder(List<R> rows) {
        return new Builder<>(rows);
    }

    /** Assembles a {@link Graph}. */
    public static final class Builder<R> {
        private final List<R> rows;
        private final Map<Relation<?, ?>, Map<Object, Object>> related = new IdentityHashMap<>();

        private Builder(List<R> rows) {
            this.rows = List.copyOf(rows);
        }

        /** Records the related rows of {@code parent}: a list for to-many relations, an Optional for to-one. */
        public Builder<R> put(Object parent, Relation<?, ?> relation, Object value) {
            Class<?> expected = relation.isToOne() ? Optional.class : List.class;
            if (!expected.isInstance(value)) {
                throw new IllegalArgumentException("Relation " + relation + " takes a " + expected.getSimpleName());
            }
            related.computeIfAbsent(relation, p -> new IdentityHashMap<>()).put(parent, value);
            return this;
        }

        /**
         * Records the related rows of many parents at once: {@code byParent} maps each parent object (by identity) to
         * a list for a to-many relation or an Optional for a to-one. The graph keeps the map: do not change it after.
         */
        public Builder<R> putAll(Relation<?, ?> relation, IdentityHashMap<Object, Object> byParent) {
            Class<?> expected = relation.isToOne() ? Optional.class : List.class;
            for (Object value : byParent.values()) {
                if (!expected.isInstance(value)) {
                    throw new IllegalArgumentException("Relation " + relation + " takes a " + expected.getSimpleName());
                }
            }
            Map<Object, Object> existing = related.putIfAbsent(relation, byParent);
            if (existing != null) {
                existing.putAll(byParent);
            }
            return this;
        }

        public Graph<R> build() {
            return new Graph<>(rows, related);
        }
    }
}
