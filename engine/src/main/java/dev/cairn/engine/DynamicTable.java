package dev.cairn.engine;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.query.Changes;
import dev.cairn.dsl.query.Select;
import dev.cairn.engine.bind.ValueConverter;
import dev.cairn.schema.introspect.LiveTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A table reached by its name, without a class: its columns and keys are read from the live database, rows are
 * maps of column name to value, and values are converted to each column's Java type (text to numbers or dates,
 * integers widened). Unknown columns are errors naming the table and its columns.
 *
 * <p>ENUM and SET columns hold text. A value written to one (or compared with {@link #eq}) must be among the
 * column's labels, case aside, and is sent as the label is spelt; anything else is an
 * {@link IllegalArgumentException}, before the database could store it as {@code ''}. A SET value is its labels
 * joined with commas, or a {@link Collection} of them (strings or enum constants); either way it is sent with each
 * label once, in the column's order, as the database reads it back.
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
    // Keyed by Object: the key columns and their types are read from the database, and keys converted at run time.
    private final Table<Row, Object> table;

    DynamicTable(Session session, Table<Row, Object> table) {
        this.session = session;
        this.table = table;
    }

    /** The table as read from the database, holding {@link Row}s. */
    public Table<Row, ?> table() {
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
            throw new IllegalArgumentException("Table '" + table.name() + "' has no column '" + LiveTable.shown(name)
                    + "' (columns: " + columnNames() + ")");
        }
        return (Column<Object>) c;
    }

    /** {@code column = value}, with the value converted to the column's type. */
    public Condition eq(String column, Object value) {
        Column<Object> c = column(column);
        return c.eq(convert(c, value));
    }

    /** A row of this table from a map of column name to value; unset columns are null. */
    public Row row(Map<String, ?> values) {
        Row.Builder b = Row.builder(table);
        for (Map.Entry<String, ?> e : values.entrySet()) {
            Column<Object> c = column(e.getKey());
            b.set(c, convert(c, e.getValue()));
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
            Object v = convert(c, e.getValue());
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
        session.remove(table(), condition);
    }

    /** The value as the column's Java type; for an ENUM or SET column, checked against its labels. */
    private Object convert(Column<Object> c, Object value) {
        List<String> labels = table instanceof LiveTable live ? live.labels(c) : List.of();
        if (value == null || labels.isEmpty()) {
            return ValueConverter.convert(c, value);
        }
        boolean set = ((LiveTable) table).isSet(c);
        List<Object> given;
        if (set && value instanceof Collection<?> many) {
            given = new ArrayList<>(many);
        } else if (value instanceof String || value instanceof Enum<?>) {
            String text = value instanceof Enum<?> e ? e.name() : (String) value;
            given = set ? text.isEmpty() ? List.of() : List.of((Object[]) text.split(",", -1)) : List.of(text);
        } else {
            return ValueConverter.convert(c, value);   // refused: a String column takes no other value
        }
        String[] chosen = new String[labels.size()];
        for (Object g : given) {
            String text = g instanceof Enum<?> e ? e.name() : g instanceof String str ? str : null;
            int at = text == null ? -1 : labelIndex(labels, text);
            if (at < 0) {
                throw notALabel(c, labels, set);
            }
            // The label as declared, unless it was read with a '?' for a character (see labelIndex).
            chosen[at] = labels.get(at).equalsIgnoreCase(text) ? labels.get(at) : text;
        }
        StringJoiner joined = new StringJoiner(",");
        for (String label : chosen) {
            if (label != null) {
                joined.add(label);
            }
        }
        return joined.toString();
    }

    /**
     * The position of the label that {@code text} names: spelt alike, else alike but for case (the databases take
     * either and store the label); -1 for none. MySQL and MariaDB show a character of four UTF-8 bytes (an emoji)
     * as '?' in the labels they report, so there a '?' of a label stands for any one character.
     */
    private int labelIndex(List<String> labels, String text) {
        int at = labels.indexOf(text);
        for (int i = 0; at < 0 && i < labels.size(); i++) {
            at = labels.get(i).equalsIgnoreCase(text) ? i : -1;
        }
        for (int i = 0; at < 0 && session.dialect().isMySqlFamily() && i < labels.size(); i++) {
            at = alikeButForUnknowns(labels.get(i), text) ? i : -1;
        }
        return at;
    }

    private static boolean alikeButForUnknowns(String label, String text) {
        if (label.indexOf('?') < 0) {
            return false;
        }
        int[] l = label.codePoints().toArray();
        int[] t = text.codePoints().toArray();
        if (l.length != t.length) {
            return false;
        }
        for (int i = 0; i < l.length; i++) {
            if (l[i] != '?' && Character.toLowerCase(l[i]) != Character.toLowerCase(t[i])) {
                return false;
            }
        }
        return true;
    }

    /** The value is not shown: it may be anything, of any size. */
    private IllegalArgumentException notALabel(Column<?> c, List<String> labels, boolean set) {
        String shown = labels.size() <= 20 ? labels.toString() : "[" + String.join(", ", labels.subList(0, 20))
                + ", ... (" + labels.size() + " labels)]";
        return new IllegalArgumentException("Column " + table.name() + "." + c.name() + " is " + (set
                ? "a SET of the labels " + shown + "; the value given has another" : "an ENUM of the labels " + shown
                + "; the value given is not one of them"));
    }

    @Override
    public String toString() {
        return "DynamicTable[" + table.name() + " " + columnNames() + "]";
    }
}
