package dev.cairn.engine;

import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.bind.ValueBinder;
import dev.cairn.engine.bind.ValueRules;
import dev.cairn.engine.compile.QueryCompiler;
import dev.cairn.engine.exec.SqlRunner;
import dev.cairn.engine.map.Mappers;
import dev.cairn.engine.map.RowLayout;
import dev.cairn.dialect.Dialect;

/** What a database and its transactions share: the dialect, the compiler and its cache, binding and mapping. */
final class EngineCore {
    final Dialect dialect;
    final QueryCompiler compiler;
    final SqlRunner runner;
    final Mappers mappers;
    final ValueRules rules;
    private final SqlRunner.Observer observer;
    volatile Schema schema;
    /** The statement timeout of the database in seconds, 0 for none. */
    final int defaultTimeoutSeconds;

    EngineCore(Dialect dialect, int shapeCacheSize, Schema schema, SqlRunner.Observer observer,
               int defaultTimeoutSeconds, Runnable onDeadConnection) {
        this.defaultTimeoutSeconds = defaultTimeoutSeconds;
        this.dialect = dialect;
        this.compiler = new QueryCompiler(dialect, shapeCacheSize);
        this.runner = new SqlRunner(new ValueBinder(dialect), dialect, observer, onDeadConnection);
        this.mappers = new Mappers(dialect);
        this.rules = new ValueRules(dialect);
        this.observer = observer;
        this.schema = schema;
    }

    private final java.util.Map<Table<?>, EntityTable<?>> entities = new java.util.concurrent.ConcurrentHashMap<>();

    <R> RowLayout<R> layout(Table<R> table) {
        return mappers.layout(table);
    }

    private final java.util.Map<String, Table<dev.cairn.dsl.Row>> liveTables = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The live table {@code name}, read by {@code reader} the first time it is asked for. Only tables are kept: a
     * name that is not one is looked up again on each call (one query), so a table created later is found.
     */
    Table<dev.cairn.dsl.Row> liveTable(String name, java.util.function.Supplier<Table<dev.cairn.dsl.Row>> reader) {
        String key = name.toLowerCase(java.util.Locale.ROOT);
        Table<dev.cairn.dsl.Row> t = liveTables.get(key);
        if (t == null) {
            liveTables.putIfAbsent(key, reader.get());
            t = liveTables.get(key);
        }
        return t;
    }

    /** Reads the live table {@code name}, telling the listeners of its queries. */
    Table<dev.cairn.dsl.Row> readLiveTable(java.sql.Connection connection, String name) {
        try {
            return dev.cairn.schema.introspect.LiveTable.read(ObservedConnection.wrap(connection, observer), dialect,
                    name);
        } catch (java.sql.SQLException e) {
            throw dev.cairn.engine.exec.ErrorTranslator.translate(e, null);
        }
    }

    @SuppressWarnings("unchecked")
    <R> EntityTable<R> entity(Table<R> table) {
        EntityTable<?> et = entities.get(table);
        if (et == null) {
            et = entities.computeIfAbsent(table, t -> new EntityTable<>(table, layout(table)));
        }
        return (EntityTable<R>) et;
    }
}
