package dev.cairn.dsl;

import dev.cairn.dsl.Expression.AliasedColumn;
import dev.cairn.dsl.lifecycle.Event;
import dev.cairn.dsl.lifecycle.Executor;
import dev.cairn.dsl.lifecycle.Hooks;
import dev.cairn.dsl.lifecycle.Scenario;
import dev.cairn.dsl.type.Identifiers;
import dev.cairn.dsl.type.ReferentialAction;
import dev.cairn.dsl.type.TextOptions;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A table of the model, declared as a Java class whose public final fields are its columns, keys and relations:
 *
 * <pre>{@code
 * public final class Users extends Table<User, Long> {
 *     public static final Users USERS = new Users();
 *     public final Column<Long>   id    = bigint("id").autoIncrement().primaryKey();
 *     public final Column<String> email = varchar("email", 255).notNull().unique();
 *     public final Column<String> name  = varchar("name", 100).notNull().index();
 *     private Users() { super("users"); }
 * }
 * public record User(Long id, String email, String name) {}
 * }</pre>
 *
 * The second type argument is the type of the key that {@code find}, {@code update} and {@code remove} take as one
 * value: the Java type of a one-column primary key ({@code Long} for {@code bigint}), or {@link Void} for a table
 * whose primary key has several columns, or that has none (its rows are found by a
 * {@link dev.cairn.dsl.query.Key}, a map or a unique column). A table of {@link Row}s whose key is known only at run
 * time may declare {@code Object}. It is checked when the table is frozen.
 *
 * <p>Every mistake a definition can hold is reported by a {@link DefinitionException} naming the table and column,
 * thrown by the declaration that makes it (or, for what spans tables, when the {@link Schema} is built). The table is
 * frozen the first time it is used; it is then immutable (every list it returns too) and safe to share between threads.
 *
 * @param <R> the row type: a record (or class) whose components are matched to the columns, or
 *            {@link Row} for untyped rows
 * @param <K> the key type: the Java type of the one-column primary key, else {@link Void}
 */
public abstract class Table<R, K> extends ColumnFactories<R> implements FromItem<R> {
    private final String name;
    private final Class<R> rowType;
    private final TableDefinition<R> definition;
    // Every query of whole rows starts from it; immutable, so a race only makes two equal ones.
    private SelectStatement<R> allRows;

    /**
     * A table whose row type is the type argument of the class: {@code class Users extends Table<User, Long>} maps
     * rows to {@code User}; {@code Table<Row, Long>} gives untyped {@code Row}s.
     */
    protected Table(String name) {
        this.name = TableDefinition.checkedTableName(name);
        this.rowType = Schema.Reflection.rowTypeOf(getClass(), name);
        this.definition = new TableDefinition<>(this, name);
    }

    /** A table whose rows are mapped to {@code rowType}. */
    protected Table(String name, Class<R> rowType) {
        this.name = TableDefinition.checkedTableName(name);
        this.rowType = Objects.requireNonNull(rowType, "rowType");
        this.definition = new TableDefinition<>(this, name);
    }

    /** The table's name as declared: {@code events}, or {@code audit.events} for a table in schema {@code audit}. */
    public final String name() {
        return name;
    }

    /** This table. */
    @Override
    public final Table<R, K> table() {
        return this;
    }

    /** A table has no alias; see {@link #as(String)}. */
    @Override
    public final String alias() {
        return null;
    }

    /** This table under another name, to use it twice in one query (a self-join). */
    public final Alias<R> as(String alias) {
        definition.freezeOnce();
        return new Alias<>(this, alias);
    }

    /** {@code SELECT} of this table's rows with nothing else yet, made once. */
    final SelectStatement<R> allRows() {
        SelectStatement<R> s = allRows;
        if (s == null) {
            s = SelectStatement.rowsOfItem(this);
            allRows = s;
        }
        return s;
    }

    /** Names this table had before, so that schema sync renames it instead of dropping it. */
    public final List<String> formerNames() {
        return definition.formerNames();
    }

    /**
     * Declares, in the table's constructor, that the table was called {@code oldName} before: schema sync renames a
     * table of that name, keeping its rows, instead of creating an empty one. Renames are never guessed.
     */
    protected final void formerly(String oldName) {
        definition.addFormerName(oldName);
    }

    /** The table's comment, charset and collation, declared in its constructor: {@code options().comment("Pets")}. */
    public final TextOptions options() {
        return definition.options();
    }

    /** The Java type rows of this table are read into and written from. */
    public final Class<R> rowType() {
        return rowType;
    }

    /** The columns in declaration order. */
    public final List<Column<?>> columns() {
        return definition.columns();
    }

    /** The column with the given name (case-insensitive, as in MySQL), or {@code null}. */
    public final Column<?> column(String columnName) {
        return definition.column(columnName);
    }

    /** The primary key, or {@code null} when the table has none. */
    public final PrimaryKey primaryKey() {
        return definition.primaryKey();
    }

    /** The auto-increment column, or {@code null}. */
    public final Column<?> autoIncrementColumn() {
        return definition.autoIncrementColumn();
    }

    /** The unique keys, in declaration order. */
    public final List<UniqueKey> uniqueKeys() {
        return definition.uniqueKeys();
    }

    /** The secondary indexes, in declaration order. */
    public final List<Index> indexes() {
        return definition.indexes();
    }

    /** The foreign keys, in declaration order. */
    public final List<ForeignKey> foreignKeys() {
        return definition.foreignKeys();
    }

    /** The check constraints, in declaration order. */
    public final List<Check> checks() {
        return definition.checks();
    }

    /** The relations, in declaration order. */
    public final List<Relation<?, ?>> relations() {
        return definition.relations();
    }

    /** Whether the columns are exactly the primary key or a unique key of this table, in any order. */
    public final boolean isKey(List<? extends Column<?>> keyColumns) {
        return definition.isKey(keyColumns);
    }

    // ---------------------------------------------------------------- table-level declarations

    /** A primary key over several columns, in key order: {@code public final PrimaryKey pk = primaryKey(a, b);} */
    protected final PrimaryKey primaryKey(Column<?>... keyColumns) {
        return definition.declarePrimaryKey(List.of(keyColumns));
    }

    /** A unique key over several columns, named {@code uk_<table>_<columns>}. */
    protected final UniqueKey unique(Column<?>... keyColumns) {
        return definition.declareUnique(null, List.of(keyColumns));
    }

    /** A named unique key over several columns. */
    protected final UniqueKey unique(String constraintName, Column<?>... keyColumns) {
        return definition.declareUnique(Objects.requireNonNull(constraintName, "constraintName"), List.of(keyColumns));
    }

    /** A secondary index over several columns, named {@code idx_<table>_<columns>}. */
    protected final Index index(Column<?>... indexColumns) {
        return definition.declareIndex(null, List.of(indexColumns));
    }

    /** A named secondary index over several columns. */
    protected final Index index(String indexName, Column<?>... indexColumns) {
        return definition.declareIndex(Objects.requireNonNull(indexName, "indexName"), List.of(indexColumns));
    }

    /** A FULLTEXT index over text columns (MySQL/MariaDB; none on H2), {@code ftx_<table>_<columns>} if name is null. */
    protected final Index fullTextIndex(String indexName, Column<?>... textColumns) {
        return definition.declareFullTextIndex(indexName, List.of(textColumns));
    }

    /** A named check constraint over the table's columns: {@code check("ck_dates", END.ge(START))}. */
    protected final Check check(String constraintName, Condition condition) {
        return definition.declareCheck(Objects.requireNonNull(constraintName, "constraintName"), condition, null);
    }

    /**
     * A foreign key over several columns to a key of another table, given in matching order:
     * {@code foreignKey(List.of(orderId, lineNo), () -> List.of(LINES.orderId, LINES.lineNo), CASCADE, NO_ACTION)}.
     */
    protected final ForeignKey foreignKey(List<Column<?>> fkColumns, Supplier<List<Column<?>>> target,
                                          ReferentialAction onDelete, ReferentialAction onUpdate) {
        return definition.declareForeignKey(null, fkColumns, target, onDelete, onUpdate);
    }

    /** A named foreign key over several columns: {@code foreignKey("fk_lines_order", List.of(...), ...)}. */
    protected final ForeignKey foreignKey(String constraintName, List<Column<?>> fkColumns,
            Supplier<List<Column<?>>> target, ReferentialAction onDelete, ReferentialAction onUpdate) {
        return definition.declareForeignKey(Objects.requireNonNull(constraintName), fkColumns, target, onDelete, onUpdate);
    }

    /** The owner row holds a key of one target row: {@code belongsTo(authorId, () -> USERS)}. */
    protected final <T> BelongsTo<R, T> belongsTo(Column<?> foreignKey, Supplier<? extends Table<T, ?>> target) {
        definition.checkOwnColumn(Objects.requireNonNull(foreignKey, "foreignKey"), "a belongsTo relation");
        return definition.addRelation(new BelongsTo<>(this, foreignKey, Objects.requireNonNull(target, "target")));
    }

    /** Target rows hold this row's key in the given column: {@code hasMany(() -> POSTS, p -> p.authorId)}. */
    protected final <T, X extends Table<T, ?>> HasMany<R, T> hasMany(Supplier<X> target,
                                                                    Function<? super X, Column<?>> foreignKey) {
        return definition.addRelation(new HasMany<>(this, Objects.requireNonNull(target, "target"),
                Objects.requireNonNull(foreignKey, "foreignKey")));
    }

    /** Target rows hold this row's key in their only foreign key to this table: {@code hasMany(() -> POSTS)}. */
    protected final <T, X extends Table<T, ?>> HasMany<R, T> hasMany(Supplier<X> target) {
        return definition.addRelation(new HasMany<>(this, Objects.requireNonNull(target, "target"), null));
    }

    /** At most one target row holds this row's key in the given column. */
    protected final <T, X extends Table<T, ?>> HasOne<R, T> hasOne(Supplier<X> target,
                                                                  Function<? super X, Column<?>> foreignKey) {
        return definition.addRelation(new HasOne<>(this, Objects.requireNonNull(target, "target"),
                Objects.requireNonNull(foreignKey, "foreignKey")));
    }

    /** Rows linked through a join table: {@code manyToMany(() -> TAGS, () -> POST_TAGS, j -> j.postId, j -> j.tagId)}. */
    protected final <T, J extends Table<?, ?>> ManyToMany<R, T> manyToMany(
            Supplier<? extends Table<T, ?>> target, Supplier<J> through,
            Function<? super J, Column<?>> ownerSide, Function<? super J, Column<?>> targetSide) {
        return definition.addRelation(new ManyToMany<>(this, Objects.requireNonNull(target, "target"),
                Objects.requireNonNull(through, "through"), Objects.requireNonNull(ownerSide, "ownerSide"),
                Objects.requireNonNull(targetSide, "targetSide")));
    }

    // ---------------------------------------------------------------- validations and lifecycle hooks

    /** Declares rules for a column, in the constructor: {@code validate(email).present().format("[^@]+@[^@]+")}. */
    protected final <T> Validations.ColumnRules<R, T> validate(Column<T> column) {
        definition.checkBuilding();
        definition.checkOwnColumn(Objects.requireNonNull(column, "column"), "a validation");
        return new Validations.ColumnRules<>(definition.rules(), column);
    }

    /**
     * Declares a rule over the whole row, reported under {@code field}, in every scenario unless some are given:
     * {@code validateRow("endsAt", e -> !e.endsAt().isBefore(e.startsAt()), "must not be before startsAt")}.
     */
    protected final void validateRow(String field, Predicate<? super R> valid, String message, Scenario... on) {
        Objects.requireNonNull(valid, "valid");
        Objects.requireNonNull(message, "message");
        validateRow(field, row -> valid.test(row) ? null : message, on);
    }

    /**
     * Declares a rule over the whole row that returns its own message ({@code null} when the row is valid), reported
     * under {@code field}: {@code validateRow("endsAt", e -> e.endsAt().isBefore(e.startsAt()) ? "is too early" : null)}.
     */
    protected final void validateRow(String field, Function<? super R, String> rule, Scenario... on) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        definition.rules().addRowRule(field, rule, Set.copyOf(List.of(on)));
    }

    /**
     * A hook run before the event that may return a changed row, in the statement's transaction (an exception rolls
     * the work back): {@code before(Event.CREATE, p -> p.withCreatedAt(Instant.now()))}.
     */
    protected final void before(Event event, UnaryOperator<R> hook) {
        Objects.requireNonNull(hook, "hook");
        definition.addBefore(Objects.requireNonNull(event, "event"), (row, executor) -> hook.apply(row));
    }

    /** A hook run before the event, given also the executor of the transaction, to read or write other rows. */
    protected final void before(Event event, BiFunction<R, Executor, R> hook) {
        definition.addBefore(Objects.requireNonNull(event, "event"), Objects.requireNonNull(hook, "hook"));
    }

    /** A hook run after the event, given the row as stored, in the statement's transaction. */
    protected final void after(Event event, Consumer<R> hook) {
        Objects.requireNonNull(hook, "hook");
        definition.addAfter(Objects.requireNonNull(event, "event"), (row, executor) -> hook.accept(row));
    }

    /** A hook run after the event, given also the executor of the transaction, to write other rows in it. */
    protected final void after(Event event, BiConsumer<R, Executor> hook) {
        definition.addAfter(Objects.requireNonNull(event, "event"), Objects.requireNonNull(hook, "hook"));
    }

    /** The validation rules declared on this table. */
    public final Validations<R> validations() {
        return definition.validations();
    }

    /** The lifecycle hooks declared on this table. */
    public final Hooks<R> hooks() {
        return definition.hooks();
    }

    /** What the table has declared, for the model's own classes. */
    @Override
    final TableDefinition<R> definition() {
        return definition;
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * A table under another name, so that it can appear twice in one query:
     *
     * <pre>{@code
     * Table.Alias<Employee> boss = EMPLOYEES.as("boss");
     * db.select(EMPLOYEES.name, boss.get(EMPLOYEES.name)).from(EMPLOYEES)
     *   .leftJoin(boss).on(EMPLOYEES.managerId.eq(boss.get(EMPLOYEES.id))).fetch();
     * }</pre>
     *
     * @param <R> the row type of the table
     */
    public static final class Alias<R> implements FromItem<R> {
        private final Table<R, ?> table;
        private final String alias;

        Alias(Table<R, ?> table, String alias) {
            String problem = Identifiers.problemWith(alias);
            if (problem != null) {
                throw new IllegalArgumentException("Alias of table '" + table.name() + "': " + problem);
            }
            this.table = table;
            this.alias = alias;
        }

        @Override
        public Table<R, ?> table() {
            return table;
        }

        @Override
        public String alias() {
            return alias;
        }

        /** The column of the table under this alias. */
        public <T> Expression<T> get(Column<T> column) {
            if (column.table() != table) {
                throw new IllegalArgumentException("Column " + column + " is not a column of table '" + table.name()
                        + "' aliased as '" + alias + "'");
            }
            return new AliasedColumn<>(alias, column);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Alias<?> a && a.table == table && a.alias.equals(alias);
        }

        @Override
        public int hashCode() {
            return Objects.hash(table.name(), alias);
        }

        @Override
        public String toString() {
            return table.name() + " AS " + alias;
        }
    }
}
