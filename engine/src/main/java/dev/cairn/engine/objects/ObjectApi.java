package dev.cairn.engine.objects;

import dev.cairn.dsl.Row;
import dev.cairn.dsl.Table;
import dev.cairn.engine.CacheOptions;
import dev.cairn.engine.cache.RowCaches;
import dev.cairn.engine.session.Engine;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The object API of one database, shared by its transactions and batches: what it knows of each table, worked out
 * once, and the parts that do its jobs: {@link Reads} (find, load, related), {@link Writes} (persist, update, save,
 * remove, each through the {@link Lifecycle} of rules and hooks), {@link Links} and the {@link EagerLoader}.
 */
public final class ObjectApi {
    private final Engine engine;
    private final Map<Table<?, ?>, EntityTable<?>> tables = new ConcurrentHashMap<>();
    private final Reads reads = new Reads(this);
    private final Writes writes = new Writes(this);
    private final Links links = new Links(this);
    private final EagerLoader eager = new EagerLoader(this);

    private volatile RowCaches caches = RowCaches.none();

    public ObjectApi(Engine engine) {
        this.engine = engine;
    }

    /** This API with row caches of {@code options}' tables; see {@link RowCaches}. */
    public ObjectApi cache(Map<Table<?, ?>, CacheOptions> options) {
        this.caches = RowCaches.open(engine, options, this::entity);
        return this;
    }

    /** The row caches finds by key outside a transaction go through. */
    public RowCaches caches() {
        return caches;
    }

    /** What the object API needs of {@code table}. */
    @SuppressWarnings("unchecked")
    public <R> EntityTable<R> entity(Table<R, ?> table) {
        EntityTable<?> et = tables.get(table);
        if (et == null) {
            et = tables.computeIfAbsent(table, t -> new EntityTable<>(table, engine.layout(table)));
        }
        return (EntityTable<R>) et;
    }

    /** The table of a row object: a {@link Row}'s own, else the schema's table mapping rows to its class. */
    @SuppressWarnings("unchecked")
    public <R> EntityTable<R> entityOf(R row) {
        Objects.requireNonNull(row, "row");
        Table<?, ?> table = row instanceof Row r ? r.table() : engine.tableOf(row.getClass());
        return entity((Table<R, ?>) table);
    }

    /** The column values of a row object of {@code table}, by column position. */
    @SuppressWarnings("unchecked")
    <R> Object[] columnValues(Table<R, ?> table, Object row) {
        return entity(table).layout.columnValues((R) row);
    }

    public Reads reads() {
        return reads;
    }

    public Writes writes() {
        return writes;
    }

    public Links links() {
        return links;
    }

    public EagerLoader eager() {
        return eager;
    }
}
