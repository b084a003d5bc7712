package dev.cairn.dsl;

import dev.cairn.dsl.type.ColumnType;
import dev.cairn.dsl.type.DefaultValue;
import dev.cairn.dsl.type.Identifiers;
import dev.cairn.dsl.type.ReferentialAction;
import dev.cairn.dsl.type.TextOptions;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A typed column of a {@link Table}, created by the table's column factories and refined by the fluent methods
 * below while the table is being defined:
 *
 * <pre>{@code
 * public final Column<Long>   id    = bigint("id").autoIncrement().primaryKey();
 * public final Column<String> email = varchar("email", 255).notNull().unique();
 * public final Column<Long>   owner = bigint("owner_id").notNull().references(() -> USERS.id).onDelete(CASCADE);
 * }</pre>
 *
 * Once the table is defined (first used by a schema, a query or the engine) its columns are frozen: the fluent
 * methods then throw {@link IllegalStateException}. Columns are nullable unless declared {@link #notNull()},
 * {@link #required()} or part of the primary key.
 *
 * @param <T> the Java type of the column's values
 */
public final class Column<T> implements Expression<T> {
    private final TableDefinition<?> table;
    private final String name;
    private ColumnType<T> type;
    private final int position;

    // Set only while the table is being defined; read after the table is frozen, which publishes them safely.
    private boolean nullable = true;
    private boolean required;
    private boolean autoIncrement;
    private DefaultValue defaultValue;
    private boolean onUpdateNow;
    private ForeignKey foreignKey;
    private String fieldName;
    private List<String> formerNames = List.of();
    private java.math.RoundingMode rounding;
    private final TextOptions text;

    Column(TableDefinition<?> table, String name, ColumnType<T> type, int position) {
        this.table = table;
        this.name = name;
        this.type = type;
        this.position = position;
        ColumnType.Kind k = type.kind();
        this.text = new TextOptions(table::checkBuilding, this::problem, 1024,
                k.isText() || k == ColumnType.Kind.ENUM || k == ColumnType.Kind.SET ? null : type.toString());
    }

    /** The table this column belongs to. */
    public Table<?, ?> table() {
        return table.table();
    }

    /** The column's name in the database. */
    public String name() {
        return name;
    }

    @Override
    public ColumnType<T> type() {
        return type;
    }

    @Override
    public <X> X accept(Visitor<X> visitor) {
        return visitor.visit(this);
    }

    /** The column's position in its table, from 0, in declaration order. */
    public int position() {
        return position;
    }

    /** Whether the column accepts NULL. */
    public boolean isNullable() {
        return nullable;
    }

    /** Whether the database generates the column's values (AUTO_INCREMENT / identity). */
    public boolean isAutoIncrement() {
        return autoIncrement;
    }

    /** The column's default, or {@code null} when it has none. */
    public DefaultValue defaultValue() {
        return defaultValue;
    }

    /** Whether the column is set to the current time whenever its row is updated (MySQL's ON UPDATE). */
    public boolean isOnUpdateNow() {
        return onUpdateNow;
    }

    /** The single-column foreign key declared by {@link #references}, or {@code null}. */
    public ForeignKey foreignKey() {
        return foreignKey;
    }

    /**
     * The name of the public field of the table class that holds this column, such as {@code createdAt} for
     * {@code created_at}; {@code null} when the column is not held by a public field.
     */
    public String fieldName() {
        table.freezeOnce();
        return fieldName;
    }

    void fieldName(String fieldName) {
        this.fieldName = fieldName;
    }

    /** Names this column had before, newest first, so that schema sync renames it instead of dropping it. */
    public List<String> formerNames() {
        return formerNames;
    }

    /**
     * Declares that the column was called {@code oldName} before: schema sync renames a column of that name, keeping
     * its data, instead of dropping it and adding a new one. Renames are never guessed.
     */
    public Column<T> formerly(String oldName) {
        table.checkBuilding();
        String problem = Identifiers.problemWith(oldName);
        if (problem != null) {
            throw problem("former " + problem);
        }
        List<String> names = new java.util.ArrayList<>(formerNames);
        names.add(oldName);
        formerNames = List.copyOf(names);
        return this;
    }

    /**
     * How many fractional-second digits a datetime, timestamp or time column keeps, from 0 to 6 (the default):
     * {@code timestamp("updated").precision(0)} is MySQL's plain {@code TIMESTAMP}. Finer values are truncated.
     */
    public Column<T> precision(int fractionalDigits) {
        table.checkBuilding();
        if (type.kind() != ColumnType.Kind.DATETIME && type.kind() != ColumnType.Kind.TIMESTAMP
                && type.kind() != ColumnType.Kind.TIME) {
            throw problem("only datetime, timestamp and time columns have a fractional-second precision, not " + type);
        }
        if (fractionalDigits < 0 || fractionalDigits > 6) {
            throw problem("fractional-second precision must be from 0 to 6, got " + fractionalDigits);
        }
        type = type.withFractionalDigits(fractionalDigits);
        return this;
    }

    /**
     * How a decimal column rounds a value with more fractional digits than its scale, such as
     * {@code decimal("price", 10, 2).rounding(RoundingMode.HALF_EVEN)}: Cairn rounds before sending, and the row it
     * returns holds the rounded value. Without it such a value is refused, naming the table and column, because
     * the database would round it without a word.
     */
    public Column<T> rounding(java.math.RoundingMode mode) {
        table.checkBuilding();
        Objects.requireNonNull(mode, "mode");
        if (type.kind() != ColumnType.Kind.DECIMAL) {
            throw problem("only decimal columns round values, not " + type);
        }
        rounding = mode;
        return this;
    }

    /** The rounding mode declared by {@link #rounding(java.math.RoundingMode)}, or {@code null}: refuse instead. */
    public java.math.RoundingMode rounding() {
        return rounding;
    }

    /** Rejects NULL. */
    public Column<T> notNull() {
        table.checkBuilding();
        nullable = false;
        return this;
    }

    /**
     * Makes the column required: {@code NOT NULL} in the schema, and a validation rule ("is required") that the
     * engine runs before every insert and update of a row object, so that a missing value is a validation error
     * naming the table and column rather than a refusal by the database. A required text column refuses blank text
     * too (as {@link Validations.ColumnRules#present()} does), which {@code NOT NULL} alone would store; use
     * {@link #notNull()} where blank text is a value. Not for auto-increment columns, which the database fills.
     */
    public Column<T> required() {
        table.checkBuilding();
        if (!required) {
            required = true;
            nullable = false;
            table.rules().addRequired(this);
        }
        return this;
    }

    /** Whether the column was declared {@link #required()}. */
    public boolean isRequired() {
        return required;
    }

    /** Accepts NULL (the default); not allowed on primary-key and required columns. */
    public Column<T> nullable() {
        table.checkBuilding();
        if (table.isPrimaryKeyColumn(this)) {
            throw problem("a primary-key column cannot be nullable");
        }
        if (required) {
            throw problem("a required column cannot be nullable");
        }
        nullable = true;
        return this;
    }

    /** Makes this column the table's primary key (and NOT NULL). */
    public Column<T> primaryKey() {
        table.declarePrimaryKey(List.of(this));
        return this;
    }

    /** Lets the database generate values (AUTO_INCREMENT); integer columns only, one per table. */
    public Column<T> autoIncrement() {
        table.checkBuilding();
        if (!type.kind().isInteger()) {
            throw problem("only integer columns can auto-increment, not " + type);
        }
        table.declareAutoIncrement(this);
        autoIncrement = true;
        nullable = false;
        return this;
    }

    /** A unique key on this column alone, named {@code uk_<table>_<column>}. */
    public Column<T> unique() {
        table.declareUnique(null, List.of(this));
        return this;
    }

    /** A unique key on this column alone, with the given name. */
    public Column<T> unique(String constraintName) {
        table.declareUnique(Objects.requireNonNull(constraintName, "constraintName"), List.of(this));
        return this;
    }

    /** A secondary index on this column alone, named {@code idx_<table>_<column>}. */
    public Column<T> index() {
        table.declareIndex(null, List.of(this));
        return this;
    }

    /** A secondary index on this column alone, with the given name. */
    public Column<T> index(String indexName) {
        table.declareIndex(Objects.requireNonNull(indexName, "indexName"), List.of(this));
        return this;
    }

    /**
     * The value the database uses when an insert gives none. It must fit the column (a varchar default no longer
     * than its length).
     */
    public Column<T> defaultValue(T value) {
        table.checkBuilding();
        if (value == null) {
            throw problem("a default value must not be null; a nullable column without a default is already NULL");
        }
        if (type.kind() == ColumnType.Kind.VARCHAR || type.kind() == ColumnType.Kind.CHAR) {
            String s = (String) value;
            if (s.length() > type.length()) {
                throw problem("default value of " + s.length() + " characters does not fit " + type);
            }
        }
        if (value instanceof Float f && new java.math.BigDecimal(f.toString()).precision() > 6) {
            throw problem("a float default keeps at most 6 significant digits on MySQL/MariaDB (MariaDB rounds it at"
                    + " the next ALTER), not " + f + "; declare it rounded, or use doublePrecision");
        }
        if (type.kind().isLargeObject() && type.javaType() == byte[].class) {
            throw problem(type + " columns cannot have a literal default on MySQL/MariaDB");
        }
        defaultValue = DefaultValue.literal(value);
        return this;
    }

    /**
     * A default the database computes, as SQL text from the model (never from input) for the database in use:
     * {@code "uuid()"}, {@code "curdate()"}, {@code "now(3)"}, {@code "(price * 2)"} (MariaDB 10.2+, MySQL 8.0.13+).
     */
    public Column<T> defaultExpression(String sql) {
        table.checkBuilding();
        String problem = DefaultValue.problemWithExpression(sql);
        if (problem != null) {
            throw problem(problem);
        }
        defaultValue = DefaultValue.expression(sql);
        return this;
    }

    /** The collation on MySQL/MariaDB ({@code utf8mb4_bin}: case counts); undeclared, the live one is kept. */
    public Column<T> collation(String name) {
        text.collation(name);
        return this;
    }

    /** The column's character set on MySQL/MariaDB, such as {@code utf8mb4}; as {@link #collation(String)}. */
    public Column<T> charset(String name) {
        text.charset(name);
        return this;
    }

    /** The column's comment (up to 1,024 characters): compared, and kept through every change, on H2 too. */
    public Column<T> comment(String comment) {
        text.comment(comment);
        return this;
    }

    /** The declared character set, collation and comment ({@code null} where undeclared: the live one is kept). */
    public TextOptions textOptions() {
        return text;
    }

    /** Equal text with case, accents and trailing spaces counting, whatever the column's collation. */
    public Condition eqCaseSensitive(String value) {
        return Condition.CaseSensitive.equalTo(this, value);
    }

    /** {@link #like} with case and accents counting, whatever the column's collation; alike on H2 and MariaDB. */
    public Condition likeCaseSensitive(String pattern) {
        return Condition.CaseSensitive.like((Condition.Like) like(pattern));
    }

    /** Defaults to the current date and time; datetime and timestamp columns only. */
    public Column<T> defaultNow() {
        table.checkBuilding();
        if (!type.kind().isDateTime()) {
            throw problem("only datetime and timestamp columns can default to now, not " + type);
        }
        defaultValue = DefaultValue.now();
        return this;
    }

    /** Sets the column to the current date and time whenever its row is updated; datetime and timestamp only. */
    public Column<T> onUpdateNow() {
        table.checkBuilding();
        if (!type.kind().isDateTime()) {
            throw problem("only datetime and timestamp columns can be set to now on update, not " + type);
        }
        onUpdateNow = true;
        return this;
    }

    /**
     * A foreign key to a primary or unique key column of another (or the same) table. The supplier is read when the
     * schema is built, so tables may refer to each other: {@code references(() -> USERS.id)}.
     */
    public Column<T> references(Supplier<Column<T>> target) {
        return declareReference(null, target);
    }

    /** A named foreign key: {@code references("fk_posts_author", () -> USERS.id)}. */
    public Column<T> references(String constraintName, Supplier<Column<T>> target) {
        return declareReference(Objects.requireNonNull(constraintName, "constraintName"), target);
    }

    /** A foreign key to a column that is already defined; its type is checked at once. */
    public Column<T> references(Column<T> target) {
        return declareReference(null, checkedTarget(target));
    }

    /** A named foreign key to a column that is already defined; its type is checked at once. */
    public Column<T> references(String constraintName, Column<T> target) {
        return declareReference(Objects.requireNonNull(constraintName, "constraintName"), checkedTarget(target));
    }

    private Supplier<Column<T>> checkedTarget(Column<T> target) {
        Objects.requireNonNull(target, "target");
        if (!type.isCompatibleKey(target.type())) {
            throw problem("foreign key type " + type + " differs from the referenced column " + target
                    + " of type " + target.type());
        }
        return () -> target;
    }

    private Column<T> declareReference(String constraintName, Supplier<Column<T>> target) {
        Objects.requireNonNull(target, "target");
        table.checkBuilding();
        if (foreignKey != null) {
            throw problem("already references " + foreignKey.targetColumns().get(0) + "; a column has one foreign key");
        }
        foreignKey = table.declareForeignKey(constraintName, List.of(this), () -> List.of(target.get()));
        return this;
    }

    /** What the foreign key declared by {@link #references} does when the referenced row is deleted. */
    public Column<T> onDelete(ReferentialAction action) {
        requireForeignKey("onDelete").onDelete(action);
        if (action == ReferentialAction.SET_NULL && !nullable) {
            throw problem("ON DELETE SET NULL needs a nullable column");
        }
        return this;
    }

    /** What the foreign key declared by {@link #references} does when the referenced key is updated. */
    public Column<T> onUpdate(ReferentialAction action) {
        requireForeignKey("onUpdate").onUpdate(action);
        if (action == ReferentialAction.SET_NULL && !nullable) {
            throw problem("ON UPDATE SET NULL needs a nullable column");
        }
        return this;
    }

    /** A check constraint on this column, named {@code ck_<table>_<column>}: {@code check(c -> c.ge(0))}. */
    public Column<T> check(java.util.function.Function<Column<T>, Condition> condition) {
        table.declareCheck(null, condition.apply(this), this);
        return this;
    }

    /** A check constraint on this column with the given name. */
    public Column<T> check(String constraintName, java.util.function.Function<Column<T>, Condition> condition) {
        table.declareCheck(Objects.requireNonNull(constraintName, "constraintName"), condition.apply(this), this);
        return this;
    }

    private ForeignKey requireForeignKey(String operation) {
        table.checkBuilding();
        if (foreignKey == null) {
            throw problem(operation + "(...) needs a foreign key: call references(...) first");
        }
        return foreignKey;
    }

    private DefinitionException problem(String message) {
        return new DefinitionException(table.name(), name, message);
    }

    /** The names of the columns, joined by commas, for descriptions. */
    static String names(List<? extends Column<?>> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** {@code table.column}. */
    @Override
    public String toString() {
        return table.name() + "." + name;
    }
}
