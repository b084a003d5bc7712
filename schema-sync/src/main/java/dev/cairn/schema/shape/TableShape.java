package dev.cairn.schema.shape;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A table as schema sync compares it: columns in order, primary key, unique keys and secondary indexes by name,
 * foreign keys by name, check constraints by name, and the table's character set, collation and comment. Names of
 * columns and constraints are kept in lower case, as MySQL and MariaDB compare them; a table's own name is compared
 * as the server does ({@link TableNaming}).
 */
public final class TableShape {
    private final String schema;
    private final String name;
    private final Map<String, ColumnShape> columns = new LinkedHashMap<>();
    private List<String> primaryKey = List.of();
    private final Map<String, IndexShape> indexes = new LinkedHashMap<>();
    private final Map<String, ForeignKeyShape> foreignKeys = new LinkedHashMap<>();
    private final Map<String, String> checks = new LinkedHashMap<>();
    private final Map<String, String> checkClauses = new HashMap<>();
    private final Set<String> columnChecks = new HashSet<>();
    private String engine;
    private String charset;
    private String collation;
    private String comment;

    /** A table of the connection's own schema. */
    public TableShape(String name) {
        this(null, name);
    }

    /** A table of {@code schema}, or of the connection's own schema when it is {@code null}. */
    public TableShape(String schema, String name) {
        this.schema = schema;
        this.name = name;
    }

    public static String key(String identifier) {
        return identifier.toLowerCase(Locale.ROOT);
    }

    /** The table's name, without its schema. */
    public String name() {
        return name;
    }

    /** The table's schema (database), or {@code null} for the connection's own. */
    public String schema() {
        return schema;
    }

    /** The name as the model declares it: {@code events}, or {@code audit.events} in another schema. */
    public String qualifiedName() {
        return schema == null ? name : schema + "." + name;
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

    /**
     * A check constraint with its condition as the database writes it ({@code null} when unknown).
     * {@code columnLevel} marks MariaDB's check written in a column's definition: it is named after the column, and
     * goes only when the column is redefined without it.
     */
    public void addCheck(String checkName, String clause, boolean columnLevel) {
        addCheck(checkName);
        if (clause != null) {
            checkClauses.put(key(checkName), clause);
        }
        if (columnLevel) {
            columnChecks.add(key(checkName));
        }
    }

    /** Check constraint names by lower-case name. */
    public Map<String, String> checks() {
        return checks;
    }

    /** The condition of a check as the database writes it, or {@code null} when unknown. */
    public String checkClause(String checkName) {
        return checkClauses.get(key(checkName));
    }

    /** Whether a check is written in its column's definition (MariaDB), named after the column. */
    public boolean isColumnCheck(String checkName) {
        return columnChecks.contains(key(checkName));
    }

    /** The storage engine (MySQL/MariaDB: {@code InnoDB}, {@code MyISAM}...), or {@code null} where there is none. */
    public String engine() {
        return engine;
    }

    public void engine(String engineName) {
        this.engine = engineName;
    }

    /** Whether the table can hold foreign keys: not on MySQL engines such as MyISAM, which parse and ignore them. */
    public boolean holdsForeignKeys() {
        return engine == null || engine.equalsIgnoreCase("InnoDB") || engine.equalsIgnoreCase("ndbcluster");
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
        return qualifiedName() + columns.values();
    }
}
