package dev.cairn.engine.session;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.bind.ValueBinder;
import dev.cairn.engine.bind.ValueRules;
import dev.cairn.engine.compile.QueryCompiler;
import dev.cairn.engine.exec.ErrorTranslator;
import dev.cairn.engine.exec.SqlRunner;
import dev.cairn.engine.map.Mappers;
import dev.cairn.engine.map.RowLayout;
import dev.cairn.schema.introspect.LiveTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a database and its transactions share: the dialect, the schema fixed when the database was built, the
 * compiler and its shape cache, binding, mapping, and the tables read by name.
 */
public final class Engine {
    private final Dialect dialect;
    private final Schema schema;
    private final QueryCompiler compiler;
    private final SqlRunner runner;
    private final Mappers mappers;
    private final ValueRules rules;
    private final SqlRunner.Observer observer;
    private final int defaultTimeoutSeconds;
    private final Subscriptions subscriptions = new Subscriptions();
    private final Map<String, Table<Row, Object>> liveTables = new ConcurrentHashMap<>();
    private final InsertColumns.Cache insertColumns = new InsertColumns.Cache();

    /**
     * @param schema                the database's schema, or {@code null} for none
     * @param observer              told of each statement sent, or {@code null}
     * @param defaultTimeoutSeconds the statement timeout of the database, 0 for none
     * @param onDeadConnection      run when a statement finds its connection dead
     */
    public Engine(Dialect dialect, Schema schema, int shapeCacheSize, SqlRunner.Observer observer,
                  int defaultTimeoutSeconds, Runnable onDeadConnection) {
        this.dialect = dialect;
        this.schema = schema;
        this.compiler = new QueryCompiler(dialect, shapeCacheSize);
        this.runner = new SqlRunner(new ValueBinder(dialect), dialect, observer, onDeadConnection);
        this.mappers = new Mappers(dialect);
        this.rules = new ValueRules(dialect);
        this.observer = observer;
        this.defaultTimeoutSeconds = defaultTimeoutSeconds;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The schema the database was built with, or {@code null}. */
    public Schema schema() {
        return schema;
    }

    public QueryCompiler compiler() {
        return compiler;
    }

    public SqlRunner runner() {
        return runner;
    }

    public Mappers mappers() {
        return mappers;
    }

    public ValueRules rules() {
        return rules;
    }

    /** The change subscriptions of this database. */
    public Subscriptions subscriptions() {
        return subscriptions;
    }

    /** The statement timeout of the database in seconds, 0 for none. */
    public int defaultTimeoutSeconds() {
        return defaultTimeoutSeconds;
    }

    /** The columns of {@code table} an insert gives values for when it leaves {@code omitted} to the database. */
    InsertColumns insertColumns(Table<?, ?> table, java.util.BitSet omitted) {
        return insertColumns.of(table, omitted);
    }

    /** As {@link #insertColumns(Table, java.util.BitSet)}, for a table of up to 64 columns: omitted bits by position. */
    InsertColumns insertColumns(Table<?, ?> table, long omitted) {
        return insertColumns.of(table, omitted);
    }

    public <R> RowLayout<R> layout(Table<R, ?> table) {
        return mappers.layout(table);
    }

    /**
     * The table of the schema whose rows are of {@code rowType}. Throws when there is no schema, no such table, or
     * more than one.
     */
    public Table<?, ?> tableOf(Class<?> rowType) {
        if (schema == null) {
            throw new IllegalStateException("No schema to find the table of " + rowType.getSimpleName()
                    + "; build the database with one: Database.builder().schema(...)");
        }
        Table<?, ?> found = null;
        for (Table<?, ?> t : schema.tables()) {
            if (t.rowType() == rowType) {
                if (found != null) {
                    throw new IllegalArgumentException("Both '" + found.name() + "' and '" + t.name() + "' map rows to "
                            + rowType.getSimpleName() + "; give each table its own row type");
                }
                found = t;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("No table of the schema maps rows to " + rowType.getName());
        }
        return found;
    }

    /**
     * The live table {@code name}: {@code resolve} finds the name the database stores it under (one query, the
     * first time this spelling is asked for), {@code reader} reads it the first time that stored name is met. A
     * spelling that finds no table is looked up again on each call, so a table created later is found. Its key type
     * is {@code Object}: the key columns are known only at run time.
     */
    public Table<Row, Object> liveTable(String name, Supplier<String> resolve,
                                        java.util.function.Function<String, Table<Row, Object>> reader) {
        Table<Row, Object> t = liveTables.get(name);
        if (t == null) {
            // Spellings that find one table share one reading; where table names are case-sensitive, Users and
            // users are two tables, read and kept apart.
            String stored = resolve.get();
            t = liveTables.get(stored);
            if (t == null) {
                liveTables.putIfAbsent(stored, reader.apply(stored));
                t = liveTables.get(stored);
            }
            liveTables.putIfAbsent(name, t);
        }
        return t;
    }

    /** The name the live database stores the table {@code name} under. */
    public String storedTableName(Connection connection, String name) {
        try {
            return LiveTable.storedName(ObservedConnection.wrap(connection, observer), dialect, name);
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, null);
        }
    }

    /** Reads the live table {@code name}, telling the observer of its queries. */
    public Table<Row, Object> readLiveTable(Connection connection, String name) {
        try {
            return LiveTable.read(ObservedConnection.wrap(connection, observer), dialect, name);
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, null);
        }
    }
}
