package dev.cairn.engine;

import dev.cairn.dsl.Changes;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Select;
import dev.cairn.dsl.Table;
import dev.cairn.engine.bind.ValueConverter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table reached by its name, without a class: its columns and keys are read from the live database, rows are
 * maps of column name to value, and values are converted to each column's Java type (text to numbers or dates,
 * integers widened). Unknown columns are errors naming the table and its columns.
 *
 * <pre>{@code
 * DynamicTable users = db.table("users");
 * Map<String, Object> ann = users.persist(Map.of("email", "ann@example.com", "name", "Ann"));  // id filled in
 * users.update(ann.get("id"), Map.of("name", "Anne"));
 * List<Map<String, Object>> found = users.select().where(users.eq("name", "Anne")).fetch();
 * }</pre>
 *
 * The operations are those of {@link EntityContext} and run on the session the table was reached from; the table
 * itself ({@link #table()}) holds {@link Row}s, which work with every other part of the API, batches included.
 */
public final class DynamicTable {
    private final Session session;
    private final Table<Row> table;

    DynamicTable(Session session, Table<Row> table) {
        this.session = session;
        this.table = table;
    }

    /** The table as read from the database, holding {@link Row}s. */
    public Table<Row> table() {
        return table;
    }

    /** The column names in table order. */
    public List<String> columnNames() {
        return table.columns().stream().map(Column::name).toList();
    }

    /** The named column (case-insensitive), typed loosely for conditions and sorting; throws when there is none. */
    @SuppressWarnings("unchecked")
    public Column<Object> column(String name) {
        Column<?> c = table.column(name);
        if (c == null) {
            throw new IllegalArgumentException("Table '" + table.name() + "' has no column '" + name + "' (columns: "
                    + columnNames() + ")");
        }
        return (Column<Object>) c;
    }

    /** {@code column = value}, with the value converted to the column's type. */
    public Condition eq(String column, Object value) {
        Column<Object> c = column(column);
        return c.eq(ValueConverter.convert(c, value));
    }

    /** A row of this table from a map of column name to value; unset columns are null. */
    public Row row(Map<String, ?> values) {
        Row.Builder b = Row.builder(table);
        for (Map.Entry<String, ?> e : values.entrySet()) {
            Column<Object> c = column(e.getKey());
            b.set(c, ValueConverter.convert(c, e.getValue()));
        }
        return b.build();
    }

    /** All rows as maps, to be narrowed with {@code where}, sorted, limited. */
    public Select<Map<String, Object>> select() {
        return session.selectFrom(table).map(Row::asMap);
    }

    /** The row with the key (a value of a one-column primary key, or a map of key column to value). */
    public Map<String, Object> find(Object key) {
        return session.find(table, key).asMap();
    }

    /** The row with the key, or empty. */
    public Optional<Map<String, Object>> findOptional(Object key) {
        return session.findOptional(table, key).map(Row::asMap);
    }

    /** Inserts the row; returns it as stored, with its generated key and database defaults. */
    public Map<String, Object> persist(Map<String, ?> values) {
        return session.persist(row(values)).asMap();
    }

    /** Inserts or updates the row by its key; returns it as stored. */
    public Map<String, Object> save(Map<String, ?> values) {
        return session.save(row(values)).asMap();
    }

    /** Changes the given columns of the row with the key; primary-key columns cannot be changed. */
    public void update(Object key, Map<String, ?> changes) {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("No changes for table '" + table.name() + "'");
        }
        Changes all = null;
        for (Map.Entry<String, ?> e : new LinkedHashMap<>(changes).entrySet()) {
            Column<Object> c = column(e.getKey());
            Object v = ValueConverter.convert(c, e.getValue());
            all = all == null ? Changes.of(c, v) : all.and(c, v);
        }
        session.update(table, key, all);
    }

    /** Deletes the row with the key; a row already gone is not an error. */
    public void remove(Object key) {
        session.remove(table, key);
    }

    /** Deletes the rows matching the condition. */
    public void remove(Condition condition) {
        session.remove(table, condition);
    }

    @Override
    public String toString() {
        return "DynamicTable[" + table.name() + " " + columnNames() + "]";
    }
}
