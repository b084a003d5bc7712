package dev.cairn.engine.cache;

import dev.cairn.dsl.ForeignKey;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.ReferentialAction;
import dev.cairn.engine.CacheOptions;
import dev.cairn.engine.events.CommittedChanges;
import dev.cairn.engine.events.RowChange;
import dev.cairn.engine.events.SubscriptionOptions;
import dev.cairn.engine.objects.EntityTable;
import dev.cairn.engine.objects.KeyMatch;
import dev.cairn.engine.session.Engine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The row caches of one database, one per opted-in table, kept correct by a change subscription of the engine: it
 * is told on the committing thread after each commit (never of work rolled back), with the key of every row
 * updated or deleted, by key or by condition. The committing thread returns to its caller only after the
 * invalidation, so whoever wrote reads its own write. Other instances are told through the outbox
 * ({@link #invalidate(CommittedChanges)}).
 *
 * <p>A table that references another with {@code ON DELETE} or {@code ON UPDATE} {@code CASCADE}, {@code SET NULL}
 * or {@code SET DEFAULT} is changed by the database when the other table's rows are, without Cairn seeing which of
 * its rows: a change of the referenced table drops the whole cache of the referencing one.
 */
public final class RowCaches {
    private static final RowCaches NONE = new RowCaches(Map.of(), Map.of());

    private final Map<Table<?, ?>, TableCache<?>> caches;
    // A referenced table, and the cached tables the database changes when its rows change.
    private final Map<Table<?, ?>, Set<TableCache<?>>> dependents;

    private RowCaches(Map<Table<?, ?>, TableCache<?>> caches, Map<Table<?, ?>, Set<TableCache<?>>> dependents) {
        this.caches = caches;
        this.dependents = dependents;
    }

    /** No caches. */
    public static RowCaches none() {
        return NONE;
    }

    /**
     * The caches of {@code options}' tables, subscribed to their changes (and to those of the tables they reference
     * with actions) on {@code engine}; {@code entity} gives what the object API knows of a table.
     */
    public static RowCaches open(Engine engine, Map<Table<?, ?>, CacheOptions> options,
                                 Function<Table<?, ?>, EntityTable<?>> entity) {
        if (options.isEmpty()) {
            return NONE;
        }
        Map<Table<?, ?>, TableCache<?>> caches = new IdentityHashMap<>();
        Map<Table<?, ?>, Set<TableCache<?>>> dependents = new IdentityHashMap<>();
        for (Map.Entry<Table<?, ?>, CacheOptions> e : options.entrySet()) {
            Table<?, ?> table = e.getKey();
            EntityTable<?> et = entity.apply(table);
            if (et.primaryKey.isEmpty()) {
                throw new IllegalArgumentException("Table '" + table.name() + "' has no primary key, which its cache"
                        + " keeps rows by");
            }
            TableCache<?> cache = new TableCache<>(et, e.getValue());
            caches.put(table, cache);
            for (ForeignKey fk : table.foreignKeys()) {
                if (acts(fk.onDelete()) || acts(fk.onUpdate())) {
                    dependents.computeIfAbsent(fk.targetTable(), t -> new LinkedHashSet<>()).add(cache);
                }
            }
        }
        RowCaches rc = new RowCaches(Collections.unmodifiableMap(caches), Collections.unmodifiableMap(dependents));
        Set<Table<?, ?>> watched = Collections.newSetFromMap(new IdentityHashMap<>());
        watched.addAll(caches.keySet());
        watched.addAll(dependents.keySet());
        engine.subscriptions().subscribe(SubscriptionOptions.defaults(), rc::invalidate, new ArrayList<>(watched));
        return rc;
    }

    private static boolean acts(ReferentialAction action) {
        return action == ReferentialAction.CASCADE || action == ReferentialAction.SET_NULL
                || action == ReferentialAction.SET_DEFAULT;
    }

    /** Whether any table is cached. */
    public boolean any() {
        return !caches.isEmpty();
    }

    /** Whether a change of {@code table} can make a cached row stale: it is cached, or referenced with actions. */
    public boolean concerns(Table<?, ?> table) {
        return caches.containsKey(table) || dependents.containsKey(table);
    }

    /**
     * The row of {@code et}'s table with key {@code k}: from the cache when the table has one, else (or when not
     * cached) read by {@code load}.
     */
    @SuppressWarnings("unchecked")
    public <R> Optional<R> find(EntityTable<R> et, KeyMatch k, Supplier<Optional<R>> load) {
        TableCache<R> cache = (TableCache<R>) caches.get(et.table);
        return cache == null ? load.get() : cache.find(k.columns(), k.values(), k.primary(), load);
    }

    /** Drops the rows {@code changes} inserted over, updated or deleted. */
    public void invalidate(CommittedChanges changes) {
        for (RowChange ch : changes.changes()) {
            Set<TableCache<?>> deps = dependents.get(ch.table());
            if (deps != null && ch.kind() != RowChange.Kind.INSERT) {
                deps.forEach(TableCache::invalidateAll);
            }
            TableCache<?> cache = caches.get(ch.table());
            if (cache == null) {
                continue;
            }
            // An insert of known rows makes no cached row stale: only rows that exist are cached, and a unique-key
            // hit is checked against the row's values. An upsert told by the key it sent may have updated another
            // row, one with the same value of a unique key; an INSERT ... SELECT (an upsert too, maybe) names none.
            boolean unknown = ch.key() == null || ch.kind() == RowChange.Kind.UPSERT && !ch.table().uniqueKeys()
                    .isEmpty();
            if (unknown) {
                cache.invalidateAll();
            } else if (ch.kind() != RowChange.Kind.INSERT) {
                cache.invalidate(ch.key());
            }
        }
    }

    /** How many rows of {@code table} are cached now, for tests; -1 when it has no cache. */
    public long size(Table<?, ?> table) {
        TableCache<?> cache = caches.get(table);
        return cache == null ? -1 : cache.size();
    }
}
