package dev.cairn.dsl;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A table of the model, declared as a Java class whose public final fields are its columns, keys and relations:
 *
 * <pre>{@code
 * public final class Users extends Table<User> {
 *     public static final Users USERS = new Users();
 *     public final Column<Long>   id    = bigint("id").autoIncrement().primaryKey();
 *     public final Column<String> email = varchar("email", 255).notNull().unique();
 *     public final Column<String> name  = varchar("name", 100).notNull().index();
 *     private Users() { super("users"); }
 * }
 * public record User(Long id, String email, String name) {}
 * }</pre>
 *
 * Every mistake a definition can hold is reported by a {@link DefinitionException} naming the table and column,
 * thrown by the declaration that makes it (or, for what spans tables, when the {@link Schema} is built). The table
 * is frozen the first time it is used; it is then immutable and safe to share between threads.
 *
 * @param <R> the row type: a record (or class) whose components are matched to the columns, or {@link Row}
 */
public abstract class Table<R> implements FromItem<R> {
    private final String name;
    private final Class<R> rowType;

    private final List<Column<?>> columns = new ArrayList<>();
    private PrimaryKey primaryKey;
    private Column<?> autoIncrementColumn;
    private final List<UniqueKey> uniqueKeys = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private final List<Relation<?>> relations = new ArrayList<>();
    private final Validations<R> validations = new Validations<>(this);
    private final Hooks<R> hooks = new Hooks<>(this);

    private List<String> formerNames = List.of();
    private volatile boolean frozen;

    /**
     * A table whose row type is the type argument of the class: {@code class Users extends Table<User>} maps rows
     * to {@code User}; {@code Table<Row>} gives untyped {@link Row}s.
     */
    protected Table(String name) {
        this.name = checkedTableName(name);
        this.rowType = inferRowType();
    }

    /** A table whose rows are mapped to {@code rowType}. */
    protected Table(String name, Class<R> rowType) {
        this.name = checkedTableName(name);
        this.rowType = Objects.requireNonNull(rowType, "rowType");
    }

    private String checkedTableName(String tableName) {
        String problem = Identifiers.problemWith(tableName);
        if (problem != null) {
            throw new DefinitionException(String.valueOf(tableName), null, "table " + problem);
        }
        return tableName;
    }

    @SuppressWarnings("unchecked")
    private Class<R> inferRowType() {
        Class<?> c = getClass();
        while (c.getSuperclass() != Table.class) {
            c = c.getSuperclass();
        }
        Type t = c.getGenericSuperclass();
        if (t instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> row) {
            return (Class<R>) row;
        }
        if (t instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof ParameterizedType pr
                && pr.getRawType() instanceof Class<?> raw) {
            return (Class<R>) raw;
        }
        throw new DefinitionException(name, null, "cannot tell the row type of " + getClass().getName()
                + "; pass it to the constructor: super(\"" + name + "\", Row.class)");
    }

    /** The table's name in the database. */
    public final String name() {
        return name;
    }

    /** This table. */
    @Override
    public final Table<R> table() {
        return this;
    }

    /** A table has no alias; see {@link #as(String)}. */
    @Override
    public final String alias() {
        return null;
    }

    /** This table under another name, to use it twice in one query (a self-join). */
    public final TableAlias<R> as(String alias) {
        definitionFrozen();
        return new TableAlias<>(this, alias);
    }

    /** Names this table had before, so that schema sync renames it instead of dropping it. */
    public final List<String> formerNames() {
        return formerNames;
    }

    /**
     * Declares, in the table's constructor, that the table was called {@code oldName} before: schema sync renames a
     * table of that name, keeping its rows, instead of creating an empty one. Renames are never guessed.
     */
    protected final void formerly(String oldName) {
        checkBuilding();
        String problem = Identifiers.problemWith(oldName);
        if (problem != null) {
            throw new DefinitionException(name, null, "former table " + problem);
        }
        List<String> names = new ArrayList<>(formerNames);
        names.add(oldName);
        formerNames = List.copyOf(names);
    }

    /** The Java type rows of this table are read into and written from. */
    public final Class<R> rowType() {
        return rowType;
    }

    /** The columns in declaration order. */
    public final List<Column<?>> columns() {
        definitionFrozen();
        return columns;
    }

    /** The column with the given name (case-insensitive, as in MySQL), or {@code null}. */
    public final Column<?> column(String columnName) {
        for (Column<?> c : columns()) {
            if (c.name().equalsIgnoreCase(columnName)) {
                return c;
            }
        }
        return null;
    }

    /** The primary key, or {@code null} when the table has none. */
    public final PrimaryKey primaryKey() {
        definitionFrozen();
        return primaryKey;
    }

    /** The auto-increment column, or {@code null}. */
    public final Column<?> autoIncrementColumn() {
        definitionFrozen();
        return autoIncrementColumn;
    }

    public final List<UniqueKey> uniqueKeys() {
        definitionFrozen();
        return uniqueKeys;
    }

    public final List<Index> indexes() {
        definitionFrozen();
        return indexes;
    }

    public final List<ForeignKey> foreignKeys() {
        definitionFrozen();
        return foreignKeys;
    }

    public final List<Check> checks() {
        definitionFrozen();
        return checks;
    }

    public final List<Relation<?>> relations() {
        definitionFrozen();
        return relations;
    }

    /** Whether the columns are exactly the primary key or a unique key of this table, in any order. */
    public final boolean isKey(List<? extends Column<?>> keyColumns) {
        Set<Column<?>> wanted = Collections.newSetFromMap(new IdentityHashMap<>());
        wanted.addAll(keyColumns);
        if (primaryKey() != null && sameColumns(primaryKey.columns(), wanted)) {
            return true;
        }
        for (UniqueKey uk : uniqueKeys) {
            if (sameColumns(uk.columns(), wanted)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameColumns(List<Column<?>> key, Set<Column<?>> wanted) {
        return key.size() == wanted.size() && wanted.containsAll(key);
    }

    // ---------------------------------------------------------------- column factories

    /** {@code VARCHAR(length)}; the length is in characters and must be positive. */
    protected final Column<String> varchar(String name, int length) {
        if (length <= 0) {
            throw new DefinitionException(this.name, name, "varchar needs a positive length, got " + length);
        }
        return column(name, ColumnType.sized(ColumnType.Kind.VARCHAR, String.class, length));
    }

    /** {@code CHAR(length)}: fixed-length text. */
    protected final Column<String> fixedChar(String name, int length) {
        if (length <= 0 || length > 255) {
            throw new DefinitionException(this.name, name, "char needs a length from 1 to 255, got " + length);
        }
        return column(name, ColumnType.sized(ColumnType.Kind.CHAR, String.class, length));
    }

    /** {@code TEXT}: up to 64 KiB on MySQL/MariaDB; see {@link #longText}. */
    protected final Column<String> text(String name) {
        return column(name, ColumnType.of(ColumnType.Kind.TEXT, String.class));
    }

    /** {@code LONGTEXT}: up to 4 GiB. */
    protected final Column<String> longText(String name) {
        return column(name, ColumnType.of(ColumnType.Kind.LONGTEXT, String.class));
    }

    /** {@code SMALLINT} as {@link Short}. */
    protected final Column<Short> smallint(String name) {
        return column(name, ColumnType.of(ColumnType.Kind.SMALLINT, Short.class));
    }

    /** {@code INT} as {@link Integer}. */
    protected final Column<Integer> integer(String name) {
        return column(name, ColumnType.of(ColumnType.Kind.INT, Integer.class));
    }

    /** {@code BIGINT} as {@link Long}. */
    protected final Column<Long> bigint(String name) {
        return column(name, ColumnType.of(ColumnType.Kind.BIGINT, Long.class));
    }

    /** {@code DECIMAL(precision, scale)} as {@link BigDecimal}; precision 1 to 65, scale 0 to precision. */
    protected final Column<BigDecimal> decimal(String name, int precision, int scale) {
        if (precision < 1 || precision > 65) {
            throw new DefinitionException(this.name, name, "decimal precision must be from 1 to 65, got " + precision);
        }
        if (scale < 0 || scale > precision) {
            throw new DefinitionException(this.name, name, "decimal scale " + scale
                    + " must be from 0 to the precision " + precision);
        }
        return column(name, new ColumnType<>(ColumnType.Kind.DECIMAL, BigDecimal.class, 0, precision, scale, null, null));
    }

    /** {@code DOUBLE} (8-byte floating point) as {@link Double}; prefer {@link #decimal} for money. */
    protected final Column<Double> doublePrecision(String name) {
        return column(name, ColumnType.of(ColumnType.Kind.DOUBLE, Double.class));
    }

    /** {@code BOOLEAN} as {@link Boolean}. */
    protected final Column<Boolean> bool(String name) {
        return column(name, ColumnType.of(ColumnType.Kind.BOOLEAN, Boolean.class));
    }

    /** {@code DATE} as {@link LocalDate}. */
    protected final Column<LocalDate> date(String name) {
        return column(name, ColumnType.of(ColumnType.Kind.DATE, LocalDate.class));
    }

    /**
     * A date and time without time zone ({@code DATETIME(6)}) as {@link LocalDateTime}, to the microsecond;
     * {@link Column#precision(int)} sets fewer fractional digits.
     */
    protected final Column<LocalDateTime> datetime(String name) {
        return column(name, ColumnType.temporal(ColumnType.Kind.DATETIME, LocalDateTime.class, 6));
    }

    /**
     * A point in time as {@link Instant}, to the microsecond (finer values are truncated). MySQL/MariaDB store it as
     * {@code TIMESTAMP(6)} in UTC, which ends in 2038 there; H2 as {@code TIMESTAMP(6) WITH TIME ZONE}.
     */
    protected final Column<Instant> timestamp(String name) {
        return column(name, ColumnType.temporal(ColumnType.Kind.TIMESTAMP, Instant.class, 6));
    }

    /** {@code TIME(6)} as {@link LocalTime}. */
    protected final Column<LocalTime> time(String name) {
        return column(name, ColumnType.temporal(ColumnType.Kind.TIME, LocalTime.class, 6));
    }

    /** A {@link UUID}: native on H2 and MariaDB, {@code CHAR(36)} on MySQL. */
    protected final Column<UUID> uuid(String name) {
        return column(name, ColumnType.of(ColumnType.Kind.UUID, UUID.class));
    }

    /** {@code BINARY(length)}: fixed length, shorter values are padded with zero bytes. */
    protected final Column<byte[]> binary(String name, int length) {
        if (length <= 0 || length > 255) {
            throw new DefinitionException(this.name, name, "binary needs a length from 1 to 255, got " + length);
        }
        return column(name, ColumnType.sized(ColumnType.Kind.BINARY, byte[].class, length));
    }

    /** {@code VARBINARY(length)}. */
    protected final Column<byte[]> varbinary(String name, int length) {
        if (length <= 0) {
            throw new DefinitionException(this.name, name, "varbinary needs a positive length, got " + length);
        }
        return column(name, ColumnType.sized(ColumnType.Kind.VARBINARY, byte[].class, length));
    }

    /** A binary large object of up to 4 GiB ({@code LONGBLOB} on MySQL/MariaDB). */
    protected final Column<byte[]> blob(String name) {
        return column(name, ColumnType.of(ColumnType.Kind.BLOB, byte[].class));
    }

    /** JSON as text; see {@link #json(String, JsonCodec)} to map it to an object. */
    protected final Column<String> json(String name) {
        return column(name, ColumnType.of(ColumnType.Kind.JSON, String.class));
    }

    /** JSON mapped to an object by a codec. */
    protected final <T> Column<T> json(String name, JsonCodec<T> codec) {
        Objects.requireNonNull(codec, "codec");
        return column(name, new ColumnType<>(ColumnType.Kind.JSON, codec.javaType(), 0, 0, 0, null, codec));
    }

    /** {@code ENUM} of the constant names of a Java enum, stored by name (so reordering constants is safe). */
    protected final <E extends Enum<E>> Column<E> enumeration(String name, Class<E> enumType) {
        checkEnum(name, enumType, "enum");
        return column(name, new ColumnType<>(ColumnType.Kind.ENUM, enumType, 0, 0, 0, enumType, null));
    }

    /** MySQL's {@code SET} of the constant names of a Java enum, as a {@link Set} of the enum (at most 64). */
    protected final <E extends Enum<E>> Column<Set<E>> enumSet(String name, Class<E> enumType) {
        checkEnum(name, enumType, "set");
        if (enumType.getEnumConstants().length > 64) {
            throw new DefinitionException(this.name, name, "a SET holds at most 64 members, "
                    + enumType.getSimpleName() + " has " + enumType.getEnumConstants().length);
        }
        int length = Arrays.stream(enumType.getEnumConstants()).mapToInt(e -> e.name().length() + 1).sum();
        return column(name, new ColumnType<>(ColumnType.Kind.SET, Set.class, length, 0, 0, enumType, null));
    }

    private void checkEnum(String columnName, Class<?> enumType, String what) {
        Objects.requireNonNull(enumType, "enumType");
        if (enumType.getEnumConstants() == null || enumType.getEnumConstants().length == 0) {
            throw new DefinitionException(name, columnName, what + " needs an enum with at least one constant");
        }
    }

    private <T> Column<T> column(String columnName, ColumnType<T> type) {
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

    // ---------------------------------------------------------------- table-level declarations

    /** A primary key over several columns, in key order: {@code public final PrimaryKey pk = primaryKey(a, b);} */
    protected final PrimaryKey primaryKey(Column<?>... keyColumns) {
        return declarePrimaryKey(List.of(keyColumns));
    }

    /** A unique key over several columns, named {@code uk_<table>_<columns>}. */
    protected final UniqueKey unique(Column<?>... keyColumns) {
        return declareUnique(null, List.of(keyColumns));
    }

    /** A named unique key over several columns. */
    protected final UniqueKey unique(String constraintName, Column<?>... keyColumns) {
        return declareUnique(Objects.requireNonNull(constraintName, "constraintName"), List.of(keyColumns));
    }

    /** A secondary index over several columns, named {@code idx_<table>_<columns>}. */
    protected final Index index(Column<?>... indexColumns) {
        return declareIndex(null, List.of(indexColumns));
    }

    /** A named secondary index over several columns. */
    protected final Index index(String indexName, Column<?>... indexColumns) {
        return declareIndex(Objects.requireNonNull(indexName, "indexName"), List.of(indexColumns));
    }

    /** A named check constraint over the table's columns: {@code check("ck_dates", END.ge(START))}. */
    protected final Check check(String constraintName, Condition condition) {
        return declareCheck(Objects.requireNonNull(constraintName, "constraintName"), condition, null);
    }

    /**
     * A foreign key over several columns to a key of another table, given in matching order:
     * {@code foreignKey(List.of(orderId, lineNo), () -> List.of(LINES.orderId, LINES.lineNo), CASCADE, NO_ACTION)}.
     */
    protected final ForeignKey foreignKey(List<Column<?>> fkColumns, Supplier<List<Column<?>>> target,
                                          ReferentialAction onDelete, ReferentialAction onUpdate) {
        ForeignKey fk = declareForeignKey(null, fkColumns, target);
        fk.onDelete(onDelete);
        fk.onUpdate(onUpdate);
        return fk;
    }

    /** The owner row holds a key of one target row: {@code belongsTo(authorId, () -> USERS)}. */
    protected final <T> BelongsTo<T> belongsTo(Column<?> foreignKey, Supplier<? extends Table<T>> target) {
        checkOwnColumn(Objects.requireNonNull(foreignKey, "foreignKey"), "a belongsTo relation");
        return addRelation(new BelongsTo<>(this, foreignKey, Objects.requireNonNull(target, "target")));
    }

    /** Target rows hold this row's key in the given column: {@code hasMany(() -> POSTS, p -> p.authorId)}. */
    protected final <T, X extends Table<T>> HasMany<T> hasMany(Supplier<X> target, Function<? super X, Column<?>> foreignKey) {
        return addRelation(new HasMany<>(this, Objects.requireNonNull(target, "target"),
                Objects.requireNonNull(foreignKey, "foreignKey")));
    }

    /** Target rows hold this row's key in their only foreign key to this table: {@code hasMany(() -> POSTS)}. */
    protected final <T, X extends Table<T>> HasMany<T> hasMany(Supplier<X> target) {
        return addRelation(new HasMany<>(this, Objects.requireNonNull(target, "target"), null));
    }

    /** At most one target row holds this row's key in the given column. */
    protected final <T, X extends Table<T>> HasOne<T> hasOne(Supplier<X> target, Function<? super X, Column<?>> foreignKey) {
        return addRelation(new HasOne<>(this, Objects.requireNonNull(target, "target"),
                Objects.requireNonNull(foreignKey, "foreignKey")));
    }

    /**
     * Rows linked through a join table:
     * {@code manyToMany(() -> TAGS, () -> POST_TAGS, j -> j.postId, j -> j.tagId)}.
     */
    protected final <T, J extends Table<?>> ManyToMany<T> manyToMany(Supplier<? extends Table<T>> target, Supplier<J> through,
                                                                   Function<? super J, Column<?>> ownerSide,
                                                                   Function<? super J, Column<?>> targetSide) {
        return addRelation(new ManyToMany<>(this, Objects.requireNonNull(target, "target"),
                Objects.requireNonNull(through, "through"), Objects.requireNonNull(ownerSide, "ownerSide"),
                Objects.requireNonNull(targetSide, "targetSide")));
    }

    // ---------------------------------------------------------------- validations and lifecycle hooks

    /**
     * Declares validation rules for a column, in the table's constructor:
     * {@code validate(email).present().format("[^@]+@[^@]+")}. See {@link FieldRules}.
     */
    protected final <T> FieldRules<R, T> validate(Column<T> column) {
        checkBuilding();
        checkOwnColumn(Objects.requireNonNull(column, "column"), "a validation");
        return new FieldRules<>(this, validations, column);
    }

    /**
     * Declares a rule over the whole row, reported under {@code field}:
     * {@code validateRow("endsAt", e -> !e.endsAt().isBefore(e.startsAt()), "must not be before startsAt")}.
     * Without scenarios it applies in all of them.
     */
    protected final void validateRow(String field, java.util.function.Predicate<? super R> valid, String message,
                                     Scenario... on) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(valid, "valid");
        Objects.requireNonNull(message, "message");
        Validations.Rule<R> rule = new Validations.Rule<>(null, field, (v, row) -> {
            if (row == null) {
                throw new Validations.RowNeeded();
            }
            return valid.test(row) ? null : message;
        });
        rule.on = Set.copyOf(Arrays.asList(on));
        validations.add(rule);
    }

    /**
     * A hook run before the event that may return a changed row (to fill timestamps, say):
     * {@code before(Event.CREATE, p -> p.withCreatedAt(Instant.now()))}. It runs in the statement's transaction; an
     * exception it throws rolls the work back.
     */
    protected final void before(Event event, java.util.function.UnaryOperator<R> hook) {
        Objects.requireNonNull(hook, "hook");
        hooks.addBefore(Objects.requireNonNull(event, "event"), (row, executor) -> hook.apply(row));
    }

    /** A hook run before the event, given also the executor of the transaction, to read or write other rows. */
    protected final void before(Event event, java.util.function.BiFunction<R, QueryExecutor, R> hook) {
        hooks.addBefore(Objects.requireNonNull(event, "event"), Objects.requireNonNull(hook, "hook"));
    }

    /** A hook run after the event, given the row as stored, in the statement's transaction. */
    protected final void after(Event event, java.util.function.Consumer<R> hook) {
        Objects.requireNonNull(hook, "hook");
        hooks.addAfter(Objects.requireNonNull(event, "event"), (row, executor) -> hook.accept(row));
    }

    /** A hook run after the event, given also the executor of the transaction, to write other rows in it. */
    protected final void after(Event event, java.util.function.BiConsumer<R, QueryExecutor> hook) {
        hooks.addAfter(Objects.requireNonNull(event, "event"), Objects.requireNonNull(hook, "hook"));
    }

    /** The validation rules declared on this table. */
    public final Validations<R> validations() {
        definitionFrozen();
        return validations;
    }

    /** The lifecycle hooks declared on this table. */
    public final Hooks<R> hooks() {
        definitionFrozen();
        return hooks;
    }

    private <X extends Relation<?>> X addRelation(X relation) {
        checkBuilding();
        relations.add(relation);
        return relation;
    }

    // ---------------------------------------------------------------- used by Column and the declarations

    final PrimaryKey declarePrimaryKey(List<Column<?>> keyColumns) {
        checkKeyColumns(keyColumns, "a primary key");
        if (primaryKey != null) {
            throw new DefinitionException(name, keyColumns.get(0).name(), "a second primary key is declared; the table"
                    + " already has " + primaryKey + " (declare a compound key once: primaryKey(a, b))");
        }
        for (Column<?> c : keyColumns) {
            if (c.type().kind() == ColumnType.Kind.TEXT || c.type().kind() == ColumnType.Kind.LONGTEXT
                    || c.type().kind() == ColumnType.Kind.BLOB || c.type().kind() == ColumnType.Kind.JSON) {
                throw new DefinitionException(name, c.name(), c.type() + " cannot be part of a primary key; use varchar");
            }
            c.notNull();
        }
        primaryKey = new PrimaryKey(this, keyColumns);
        return primaryKey;
    }

    final boolean isPrimaryKeyColumn(Column<?> column) {
        return primaryKey != null && primaryKey.columns().contains(column);
    }

    final void declareAutoIncrement(Column<?> column) {
        if (autoIncrementColumn != null && autoIncrementColumn != column) {
            throw new DefinitionException(name, column.name(), "a table has at most one auto-increment column; '"
                    + autoIncrementColumn.name() + "' is one already");
        }
        autoIncrementColumn = column;
    }

    final UniqueKey declareUnique(String constraintName, List<Column<?>> keyColumns) {
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
        UniqueKey uk = new UniqueKey(this, n, keyColumns);
        uniqueKeys.add(uk);
        return uk;
    }

    final Index declareIndex(String indexName, List<Column<?>> indexColumns) {
        checkKeyColumns(indexColumns, "an index");
        checkIndexable(indexColumns, "an index");
        String n = indexName != null ? checkedConstraintName(indexName, indexColumns)
                : Identifiers.derive("idx", name, indexColumns.stream().map(Column::name).toList());
        Index index = new Index(this, n, indexColumns);
        indexes.add(index);
        return index;
    }

    final ForeignKey declareForeignKey(String constraintName, List<Column<?>> fkColumns, Supplier<List<Column<?>>> target) {
        checkKeyColumns(fkColumns, "a foreign key");
        String n = constraintName == null ? null : checkedConstraintName(constraintName, fkColumns);
        ForeignKey fk = new ForeignKey(this, n, fkColumns, target);
        foreignKeys.add(fk);
        return fk;
    }

    final Check declareCheck(String constraintName, Condition condition, Column<?> column) {
        checkBuilding();
        Objects.requireNonNull(condition, "condition");
        String columnName = column == null ? null : column.name();
        String n = constraintName != null ? checkedConstraintName(constraintName, column == null ? List.of() : List.of(column))
                : Identifiers.derive("ck", name, List.of(columnName));
        for (Check c : checks) {
            if (c.name().equalsIgnoreCase(n)) {
                throw new DefinitionException(name, columnName, "check constraint '" + n + "' is declared twice;"
                        + " give the second one its own name");
            }
        }
        Check check = new Check(this, n, condition);
        checks.add(check);
        return check;
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

    private void checkOwnColumn(Column<?> c, String what) {
        if (c.table() != this) {
            throw new DefinitionException(name, c.name(), what + " of table '" + name
                    + "' cannot use column " + c + " of another table");
        }
    }

    private void checkIndexable(List<Column<?>> cols, String what) {
        for (Column<?> c : cols) {
            ColumnType.Kind k = c.type().kind();
            if (k == ColumnType.Kind.TEXT || k == ColumnType.Kind.LONGTEXT || k == ColumnType.Kind.BLOB
                    || k == ColumnType.Kind.JSON) {
                throw new DefinitionException(name, c.name(), c.type() + " cannot be in " + what
                        + " on MySQL/MariaDB without a prefix length; use varchar");
            }
        }
    }

    /** Throws unless the table is still being defined. */
    final void checkBuilding() {
        if (frozen) {
            throw new IllegalStateException("Table '" + name + "' is already defined: declare its columns, keys and"
                    + " relations in the table class, before the table is first used");
        }
    }

    /** Freezes the definition on first use: names fields, runs whole-table checks. */
    final void definitionFrozen() {
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
        nameFields();
        if (autoIncrementColumn != null) {
            boolean keyed = isPrimaryKeyColumn(autoIncrementColumn)
                    && primaryKey.columns().get(0) == autoIncrementColumn
                    || uniqueKeys.stream().anyMatch(uk -> uk.columns().get(0) == autoIncrementColumn);
            if (!keyed) {
                throw new DefinitionException(name, autoIncrementColumn.name(), "an auto-increment column must be the"
                        + " primary key or lead a unique key");
            }
        }
        for (ForeignKey fk : foreignKeys) {
            for (Column<?> c : fk.columns()) {
                if (!c.isNullable() && (fk.onDelete() == ReferentialAction.SET_NULL
                        || fk.onUpdate() == ReferentialAction.SET_NULL)) {
                    throw new DefinitionException(name, c.name(), "SET NULL needs a nullable column");
                }
            }
        }
    }

    private void nameFields() {
        Map<Object, String> names = new IdentityHashMap<>();
        for (Class<?> c = getClass(); c != Table.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())
                        || !(Column.class.isAssignableFrom(f.getType()) || Relation.class.isAssignableFrom(f.getType()))) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    Object value = f.get(this);
                    if (value != null) {
                        names.putIfAbsent(value, f.getName());
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // A module that does not open the table class: the fields keep no names, and the
                    // column names (snake_case to camelCase) are used to match record components instead.
                }
            }
        }
        for (Column<?> col : columns) {
            col.fieldName(names.get(col));
        }
        for (Relation<?> r : relations) {
            String n = names.get(r);
            r.name(n != null ? n : r.getClass().getSimpleName().toLowerCase(Locale.ROOT) + relations.indexOf(r));
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
