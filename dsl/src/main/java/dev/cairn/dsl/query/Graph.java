package dev.cairn.dsl.query;

import dev.cairn.dsl.BelongsTo;
import dev.cairn.dsl.HasMany;
import dev.cairn.dsl.HasOne;
import dev.cairn.dsl.ManyToMany;
import dev.cairn.dsl.Relation;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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
 * A row is looked up by the key its relation links through (a team's {@code id} for {@code TEAMS.players}, a
 * player's {@code team_id} for {@code PLAYERS.team}), so the graph's own row objects and equal ones find the same
 * related rows. To-many relations give lists (empty when there are no related rows); to-one relations give an
 * {@link Optional}.
 *
 * @param <R> the row type of the query
 */
public final class Graph<R> implements Iterable<R> {
    private final List<R> rows;
    // Per relation, the related rows of each parent key: one map per relation, none per row.
    private final Map<Relation<?, ?>, Loaded> related;

    /** What was loaded through one relation: how a parent's key is read, and the related rows under each key. */
    private record Loaded(Function<Object, Object> keyOf, Map<Object, ? extends List<?>> byKey) {
    }

    private Graph(List<R> rows, Map<Relation<?, ?>, Loaded> related) {
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
    @SuppressWarnings("unchecked")
    public <O, T> List<T> get(O parent, HasMany<O, T> relation) {
        List<?> list = lookup(parent, relation);
        return (List<T>) (relation.isToOne() && list.size() > 1 ? list.subList(0, 1) : list);
    }

    /** The target row of a has-one relation of {@code parent}, if there is one. */
    public <O, T> Optional<T> get(O parent, HasOne<O, T> relation) {
        return first(lookup(parent, relation));
    }

    /** The rows linked to {@code parent} through a many-to-many relation. */
    @SuppressWarnings("unchecked")
    public <O, T> List<T> get(O parent, ManyToMany<O, T> relation) {
        return (List<T>) lookup(parent, relation);
    }

    /** The row {@code parent} belongs to, if its key is set. */
    public <O, T> Optional<T> get(O parent, BelongsTo<O, T> relation) {
        return first(lookup(parent, relation));
    }

    @SuppressWarnings("unchecked")
    private static <T> Optional<T> first(List<?> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of((T) rows.get(0));
    }

    private List<?> lookup(Object parent, Relation<?, ?> relation) {
        if (parent == null) {
            throw new IllegalArgumentException("The parent row is null");
        }
        Loaded loaded = related.get(relation);
        if (loaded == null) {
            throw new IllegalArgumentException("Relation " + relation.owner().name() + "." + relation.name()
                    + " was not loaded for this row; add with(" + relation.owner().name().toUpperCase(Locale.ROOT)
                    + "." + relation.name() + ") to the query");
        }
        Object key = loaded.keyOf.apply(parent);
        if (key == null) {
            return List.of();
        }
        List<?> rows = loaded.byKey.get(key);
        if (rows == null) {
            throw new IllegalArgumentException("This graph holds no " + relation.owner().name() + " row with the key"
                    + " of this one, so relation " + relation.name() + " was not loaded for it; pass a row object the"
                    + " graph returned");
        }
        return rows;
    }

    /** Assembles a graph; used by the engine. */
    public static <R> Builder<R> builder(List<R> rows) {
        return new Builder<>(rows);
    }

    /** Assembles a {@link Graph}. */
    public static final class Builder<R> {
        private final List<R> rows;
        private final Map<Relation<?, ?>, Loaded> related = new IdentityHashMap<>();

        private Builder(List<R> rows) {
            this.rows = List.copyOf(rows);
        }

        /**
         * Records what was loaded through {@code relation}: {@code keyOf} reads the key of a parent row object (null
         * when it has none), and {@code byKey} holds the related rows under the key of every parent loaded, an empty
         * list for one without any, read-only. A to-one relation's list holds at most its one row. The graph keeps the
         * map: do not change it after. Recorded twice (the relation included at two places), the maps are merged.
         */
        public Builder<R> putAll(Relation<?, ?> relation, Function<Object, Object> keyOf,
                                 Map<Object, ? extends List<?>> byKey) {
            Loaded before = related.get(relation);
            if (before == null) {
                related.put(relation, new Loaded(keyOf, byKey));
            } else {
                Map<Object, List<?>> merged = new HashMap<>(before.byKey);
                merged.putAll(byKey);
                related.put(relation, new Loaded(keyOf, merged));
            }
            return this;
        }

        public Graph<R> build() {
            return new Graph<>(rows, related);
        }
    }
}
