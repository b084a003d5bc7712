package dev.cairn.schema.shape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A table as schema sync compares it: columns in order, primary key, unique keys and secondary indexes by name,
 * foreign keys by name, check constraints by name, and the table's character set, collation and comment. Names of
 * tables, columns and constraints are kept in lower case, as MySQL and MariaDB compare them.
 */
public final class TableShape {
    private final String name;
    private final Map<String, ColumnShape> columns = new LinkedHashMap<>();
    private List<String> primaryKey = List.of();
    private final Map<String, IndexShape> indexes = new LinkedHashMap<>();
    private final Map<String, ForeignKeyShape> foreignKeys = new LinkedHashMap<>();
    private final Map<String, String> checks = new LinkedHashMap<>();
    private String charset;
    private String collation;
    private String comment;

    public TableShape(String name) {
        this.name = name;
    }

    public static String key(String identifier) {
        return identifier.toLowerCase(Locale.ROOT);
    }

    public String name() {
        return name;
    }

    public void addColumn(ColumnShape column) {
        columns.put(key(column.name()), column);
    }

    public ColumnShape column(String columnName) {
        return columns.get(key(columnName));
    }

    public List<ColumnShape> columns() {
        return new ArrayList<>(columns.values());
    }

    public List<String> primaryKey() {
        return primaryKey;
    }

    public void primaryKey(List<String> keyColumns) {
        this.primaryKey = keyColumns.stream().map(TableShape::key).toList();
    }

    public void addIndex(IndexShape index) {
        indexes.put(key(index.name()), index);
    }

    public Map<String, IndexShape> indexes() {
        return indexes;
    }

    public void addForeignKey(ForeignKeyShape fk) {
        foreignKeys.put(key(fk.name()), fk);
    }

    public Map<String, ForeignKeyShape> foreignKeys() {
        return foreignKeys;
    }

    public void addCheck(String checkName) {
        checks.put(key(checkName), checkName);
    }

    /** Check constraint names by lower-case name. */
    public Map<String, String> checks() {
        return checks;
    }

    /**
     * Sets the default character set, collation and comment: as the database reports them, or as the model declares
     * them ({@code null} where it declares none, which is then not compared).
     */
    public void options(String charset, String collation, String comment) {
        this.charset = charset;
        this.collation = collation;
        this.comment = comment;
    }

    /** The default character set, or {@code null}. */
    public String charset() {
        return charset;
    }

    /** The default collation, or {@code null}. */
    public String collation() {
        return collation;
    }

    /** The comment ({@code ""} for none in a live table), or {@code null}. */
    public String comment() {
        return comment;
    }

    @Override
    public String toString() {
        return name + columns.values();
    }
}
