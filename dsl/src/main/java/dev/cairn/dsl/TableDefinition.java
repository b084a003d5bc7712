package dev.cairn.dsl;

import dev.cairn.dsl.lifecycle.Event;
import dev.cairn.dsl.lifecycle.Executor;
import dev.cairn.dsl.lifecycle.Hooks;
import dev.cairn.dsl.type.ColumnType;
import dev.cairn.dsl.type.Identifiers;
import dev.cairn.dsl.type.ReferentialAction;
import dev.cairn.dsl.type.TextOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * What a {@link Table} has declared so far, the rules each declaration must keep, and the freezing of the whole on
 * first use: fields are named (see {@link Schema.Reflection}), whole-table rules are checked, and every list becomes
 * immutable. Before
 * freezing only the thread running the table's constructor touches it; freezing publishes it safely (a volatile
 * flag written last), after which it never changes.
 */
final class TableDefinition<R> {
    private final Table<R, ?> table;
    private final String name;

    private List<Column<?>> columns = new ArrayList<>();
    private PrimaryKey primaryKey;
    private Column<?> autoIncrementColumn;
    private List<UniqueKey> uniqueKeys = new ArrayList<>();
    private List<Index> indexes = new ArrayList<>();
    private List<ForeignKey> foreignKeys = new ArrayList<>();
    private List<Check> checks = new ArrayList<>();
    private List<Relation<?, ?>> relations = new ArrayList<>();
    private List<String> formerNames = List.of();
    private final Validations<R> validations;
    private final TextOptions options = new TextOptions(this::checkBuilding,
            problem -> new DefinitionException(name(), null, problem));
    private final Map<Event, List<BiFunction<R, Executor, R>>> before = new EnumMap<>(Event.class);
    private final Map<Event, List<BiConsumer<R, Executor>>> after = new EnumMap<>(Event.class);
    private Hooks<R> hooks;
    private volatile boolean frozen;

    TableDefinition(Table<R, ?> table, String name) {
        this.table = table;
        this.name = name;
        this.validations = new Validations<>(this);
    }

    Table<R, ?> table() {
        return table;
    }

    static String checkedTableName(String tableName) {
        String problem = Identifiers.problemWithTableName(tableName);
        if (problem != null) {
            throw new DefinitionException(String.valueOf(tableName), null, "table " + problem);
        }
        return tableName;
    }

    /** The rules, to declare more while the table is being defined. */
    Validations<R> rules() {
        return validations;
    }

    String name() {
        return name;
    }

    // ---------------------------------------------------------------- read once frozen

    List<Column<?>> columns() {
        freezeOnce();
        return columns;
    }

    PrimaryKey primaryKey() {
        freezeOnce();
        return primaryKey;
    }

    Column<?> autoIncrementColumn() {
        freezeOnce();
        return autoIncrementColumn;
    }

    List<UniqueKey> uniqueKeys() {
        freezeOnce();
        return uniqueKeys;
    }

    List<Index> indexes() {
        freezeOnce();
        return indexes;
    }

    List<ForeignKey> foreignKeys() {
        freezeOnce();
        return foreignKeys;
    }

    List<Check> checks() {
        freezeOnce();
        return checks;
    }

    List<Relation<?, ?>> relations() {
        freezeOnce();
        return relations;
    }

    Column<?> column(String columnName) {
        for (Column<?> c : columns()) {
            if (c.name().equalsIgnoreCase(columnName)) {
                return c;
            }
        }
        return null;
    }

    List<String> formerNames() {
        return formerNames;
    }

    TextOptions options() {
        return options;
    }

    Validations<R> validations() {
        freezeOnce();
        return validations;
    }

    Hooks<R> hooks() {
        freezeOnce();
        return hooks;
    }

    /** Whether the columns are exactly the primary key or a unique key, in any order. */
    boolean isKey(List<? extends Column<?>> keyColumns) {
        Set<Column<?>> wanted = Collections.newSetFromMap(new IdentityHashMap<>());
        wanted.addAll(keyColumns);
        PrimaryKey pk = primaryKey();
        if (pk != null && sameColumns(pk.columns(), wanted)) {
            return true;
        }
        for (UniqueKey uk : uniqueKeys()) {
            if (sameColumns(uk.columns(), wanted)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameColumns(List<Column<?>> key, Set<Column<?>> wanted) {
        return key.size() == wanted.size() && wanted.containsAll(key);
    }

    // ---------------------------------------------------------------- declarations

    void addFormerName(String oldName) {
        checkBuilding();
        String problem = Identifiers.problemWith(oldName);
        if (problem != null) {
            throw new DefinitionException(name, null, "former table " + problem);
        }
        List<String> names = new ArrayList<>(formerNames);
        names.add(oldName);
        formerNames = List.copyOf(names);
    }

    <T> Column<T> addColumn(String columnName, ColumnType<T> type) {
        checkBuilding();
        String problem = Identifiers.problemWith(columnName);
        if (problem != null) {
            throw new DefinitionException(name, String.valueOf(columnName), "column " + problem);
        }
        for (Column<?> c : columns) {
            if (c.name().equalsIgnoreCase(columnName)) {
                throw new DefinitionException(name, columnName, "duplicate column name"
                        + (c.name().equals(columnName) ? "" : " (column names are case-insensitive; '" + c.name()
                        + "' exists)"));
            }
        }
        Column<T> column = new Column<>(this, columnName, type, columns.size());
        columns.add(column);
        return column;
    }

    PrimaryKey declarePrimaryKey(List<Column<?>> keyColumns) {
        checkKeyColumns(keyColumns, "a primary key");
        if (primaryKey != null) {
            throw new DefinitionException(name, keyColumns.get(0).name(), "a second primary key is declared; the table"
                    + " already has " + primaryKey + " (declare a compound key once: primaryKey(a, b))");
        }
        for (Column<?> c : keyColumns) {
            if (isUnindexable(c)) {
                throw new DefinitionException(name, c.name(), c.type() + " cannot be part of a primary key; use varchar");
            }
            c.notNull();
        }
        primaryKey = new PrimaryKey(table, keyColumns);
        return primaryKey;
    }

    boolean isPrimaryKeyColumn(Column<?> column) {
        return primaryKey != null && primaryKey.columns().contains(column);
    }

    void declareAutoIncrement(Column<?> column) {
        if (autoIncrementColumn != null && autoIncrementColumn != column) {
            throw new DefinitionException(name, column.name(), "a table has at most one auto-increment column; '"
                    + autoIncrementColumn.name() + "' is one already");
        }
        autoIncrementColumn = column;
    }

    UniqueKey declareUnique(String constraintName, List<Column<?>> keyColumns) {
        checkKeyColumns(keyColumns, "a unique key");
        checkIndexable(keyColumns, "a unique key");
        String n = constraintName != null ? checkedConstraintName(constraintName, keyColumns)
                : Identifiers.derive("uk", name, keyColumns.stream().map(Column::name).toList());
        for (UniqueKey uk : uniqueKeys) {
            if (uk.columns().equals(keyColumns)) {
                throw new DefinitionException(name, keyColumns.get(0).name(), "the same unique key is declared twice ("
                        + uk + ")");
            }
        }
        checkIndexNameFree(n, keyColumns);
        UniqueKey uk = new UniqueKey(table, n, keyColumns, constraintName != null);
        uniqueKeys.add(uk);
        return uk;
    }

    Index declareIndex(String indexName, List<Column<?>> indexColumns) {
        checkKeyColumns(indexColumns, "an index");
        checkIndexable(indexColumns, "an index");
        String n = indexName != null ? checkedConstraintName(indexName, indexColumns)
                : Identifiers.derive("idx", name, indexColumns.stream().map(Column::name).toList());
        checkIndexNameFree(n, indexColumns);
        Index index = new Index(table, n, indexColumns, indexName != null, false);
        indexes.add(index);
        return index;
    }

    Index declareFullTextIndex(String indexName, List<Column<?>> indexColumns) {
        checkKeyColumns(indexColumns, "a full-text index");
        for (Column<?> c : indexColumns) {
            if (!c.type().kind().isText()) {
                throw new DefinitionException(name, c.name(), "a full-text index takes text columns (varchar, char,"
                        + " text, longText), not " + c.type());
            }
        }
        String n = indexName != null ? checkedConstraintName(indexName, indexColumns)
                : Identifiers.derive("ftx", name, indexColumns.stream().map(Column::name).toList());
        checkIndexNameFree(n, indexColumns);
        Index index = new Index(table, n, indexColumns, indexName != null, true);
        indexes.add(index);
        return index;
    }

    ForeignKey declareForeignKey(String constraintName, List<Column<?>> fkColumns, Supplier<List<Column<?>>> target) {
        checkKeyColumns(fkColumns, "a foreign key");
        String n = constraintName == null ? null : checkedConstraintName(constraintName, fkColumns);
        ForeignKey fk = new ForeignKey(table, n, fkColumns, target);
        foreignKeys.add(fk);
        return fk;
    }

    ForeignKey declareForeignKey(String constraintName, List<Column<?>> fkColumns, Supplier<List<Column<?>>> target,
                                 ReferentialAction onDelete, ReferentialAction onUpdate) {
        ForeignKey fk = declareForeignKey(constraintName, fkColumns, target);
        fk.onDelete(onDelete);
        fk.onUpdate(onUpdate);
        return fk;
    }

    Check declareCheck(String constraintName, Condition condition, Column<?> column) {
        checkBuilding();
        Objects.requireNonNull(condition, "condition");
        String columnName = column == null ? null : column.name();
        String n = constraintName != null
                ? checkedConstraintName(constraintName, column == null ? List.of() : List.of(column))
                : Identifiers.derive("ck", name, List.of(columnName));
        for (Check c : checks) {
            if (c.name().equalsIgnoreCase(n)) {
                throw new DefinitionException(name, columnName, "check constraint '" + n + "' is declared twice;"
                        + " give the second one its own name");
            }
        }
        Check check = new Check(table, n, condition, constraintName != null);
        checks.add(check);
        return check;
    }

    <X extends Relation<?, ?>> X addRelation(X relation) {
        checkBuilding();
        relations.add(relation);
        return relation;
    }

    void addBefore(Event event, BiFunction<R, Executor, R> hook) {
        checkBuilding();
        before.computeIfAbsent(event, e -> new ArrayList<>()).add(hook);
    }

    void addAfter(Event event, BiConsumer<R, Executor> hook) {
        checkBuilding();
        after.computeIfAbsent(event, e -> new ArrayList<>()).add(hook);
    }

    /** Throws unless {@code c} is a column of this table. */
    void checkOwnColumn(Column<?> c, String what) {
        if (c.table() != table) {
            throw new DefinitionException(name, c.name(), what + " of table '" + name
                    + "' cannot use column " + c + " of another table");
        }
    }

    // Unique keys and indexes are both indexes in MySQL: one name space per table.
    private void checkIndexNameFree(String indexName, List<Column<?>> cols) {
        List<Object> taken = new ArrayList<>(uniqueKeys);
        taken.addAll(indexes);
        for (Object other : taken) {
            String otherName = other instanceof UniqueKey uk ? uk.name() : ((Index) other).name();
            if (otherName.equalsIgnoreCase(indexName)) {
                throw new DefinitionException(name, cols.get(0).name(), "index name '" + indexName + "' is already"
                        + " used by " + other + " of this table; unique keys and indexes share one set of names");
            }
        }
    }

    private String checkedConstraintName(String constraintName, List<Column<?>> cols) {
        String problem = Identifiers.problemWith(constraintName);
        if (problem != null) {
            throw new DefinitionException(name, cols.isEmpty() ? null : cols.get(0).name(), "constraint " + problem);
        }
        return constraintName;
    }

    private void checkKeyColumns(List<Column<?>> keyColumns, String what) {
        checkBuilding();
        if (keyColumns.isEmpty()) {
            throw new DefinitionException(name, null, what + " needs at least one column");
        }
        Set<Column<?>> seen = new HashSet<>();
        for (Column<?> c : keyColumns) {
            Objects.requireNonNull(c, () -> "A column of " + what + " of table '" + name + "' is null (declared after use?)");
            checkOwnColumn(c, what);
            if (!seen.add(c)) {
                throw new DefinitionException(name, c.name(), "column appears twice in " + what);
            }
        }
    }

    private void checkIndexable(List<Column<?>> cols, String what) {
        for (Column<?> c : cols) {
            if (isUnindexable(c)) {
                throw new DefinitionException(name, c.name(), c.type() + " cannot be in " + what
                        + " on MySQL/MariaDB without a prefix length; use varchar");
            }
        }
    }

    private static boolean isUnindexable(Column<?> c) {
        return c.type().kind().isLargeObject();
    }

    // ---------------------------------------------------------------- freezing

    /** Throws unless the table is still being defined. */
    void checkBuilding() {
        if (frozen) {
            throw new IllegalStateException("Table '" + name + "' is already defined: declare its columns, keys and"
                    + " relations in the table class, before the table is first used");
        }
    }

    /** Freezes the definition on first use: names fields, runs whole-table checks, makes every list immutable. */
    void freezeOnce() {
        if (!frozen) {
            synchronized (this) {
                if (!frozen) {
                    freeze();
                    frozen = true;
                }
            }
        }
    }

    private void freeze() {
        Map<Object, String> names = Schema.Reflection.fieldNames(table);
        for (Column<?> col : columns) {
            col.fieldName(names.get(col));
        }
        for (int i = 0; i < relations.size(); i++) {
            Relation<?, ?> r = relations.get(i);
            String n = names.get(r);
            r.name(n != null ? n : r.getClass().getSimpleName().toLowerCase(Locale.ROOT) + i);
        }
        if (autoIncrementColumn != null) {
            boolean keyed = isPrimaryKeyColumn(autoIncrementColumn)
                    && primaryKey.columns().get(0) == autoIncrementColumn
                    || uniqueKeys.stream().anyMatch(uk -> uk.columns().get(0) == autoIncrementColumn);
            if (!keyed) {
                throw new DefinitionException(name, autoIncrementColumn.name(), "an auto-increment column must be the"
                        + " primary key or lead a unique key");
            }
            if (autoIncrementColumn.isRequired()) {
                throw new DefinitionException(name, autoIncrementColumn.name(), "an auto-increment column is filled by"
                        + " the database, so required() would refuse every new row; leave it out");
            }
        }
        Schema.Reflection.checkKeyType(table, primaryKey);
        indexes.forEach(Index::checkOneCollation);
        for (ForeignKey fk : foreignKeys) {
            for (Column<?> c : fk.columns()) {
                if (!c.isNullable() && (fk.onDelete() == ReferentialAction.SET_NULL
                        || fk.onUpdate() == ReferentialAction.SET_NULL)) {
                    throw new DefinitionException(name, c.name(), "SET NULL needs a nullable column");
                }
            }
        }
        columns = List.copyOf(columns);
        uniqueKeys = List.copyOf(uniqueKeys);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
        relations = List.copyOf(relations);
        validations.freeze();
        hooks = Hooks.of(name, before, after);
    }
}
