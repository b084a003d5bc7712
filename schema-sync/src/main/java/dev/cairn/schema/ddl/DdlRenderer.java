package dev.cairn.schema.ddl;

import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.render.StatementWalk;
import dev.cairn.dialect.sql.JooqContexts;
import dev.cairn.dialect.sql.SqlTypes;
import dev.cairn.dialect.sql.TableNames;
import dev.cairn.dsl.Check;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.ForeignKey;
import dev.cairn.dsl.Index;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.UniqueKey;
import dev.cairn.dsl.type.ColumnType;
import dev.cairn.dsl.type.DefaultValue;
import dev.cairn.dsl.type.Identifiers;
import dev.cairn.dsl.type.ReferentialAction;
import dev.cairn.schema.SchemaSyncException;
import dev.cairn.dsl.type.TextOptions;
import dev.cairn.schema.shape.ColumnShape;
import dev.cairn.schema.shape.TableShape;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Renders the DDL of model objects for one dialect. The statement skeletons are written here because jOOQ's DDL
 * API cannot express parts Cairn needs (MySQL ENUM and SET from plain Java enums, ON UPDATE CURRENT_TIMESTAMP,
 * MariaDB's native UUID, H2's identity columns next to MySQL's AUTO_INCREMENT); every identifier, literal default
 * and check condition inside them is rendered by jOOQ, so nothing is quoted or escaped by hand. A table is named as
 * the model declares it, {@code events} or {@code audit.events} for one in another schema, wherever a method takes
 * its name as text.
 * See {@code docs/adr/0001-ddl-rendering.md}.
 */
public final class DdlRenderer extends KeyDdl {
    private final PostgresDdl pg = new PostgresDdl(this);

    /** A renderer that gives indexes, unique keys and checks the model's names (for one table on its own). */
    public DdlRenderer(Dialect dialect) {
        this(dialect, ConstraintNames.plain(), null);
    }

    /** A renderer that names indexes, unique keys and checks as {@code names} does for the whole schema. */
    public DdlRenderer(Dialect dialect, ConstraintNames names) {
        this(dialect, names, null);
    }

    /**
     * @param names         the names indexes, unique keys and checks get in the database
     * @param currentSchema the connection's own schema (database), which a foreign key from a table of another
     *                      schema names its target in; {@code null} when unknown
     */
    public DdlRenderer(Dialect dialect, ConstraintNames names, String currentSchema) {
        super(dialect, names, currentSchema);
    }

    /** The dialect this renderer writes for. */
    public Dialect dialect() {
        return dialect;
    }

    DSLContext jooq() {
        return jooq;
    }

    /** The names this renderer gives indexes, unique keys and checks in the database. */
    public ConstraintNames names() {
        return names;
    }

    /**
     * {@code CREATE TABLE} with columns, primary key, unique keys, checks and the foreign keys that
     * {@code inlineForeignKey} accepts (the others are added later by {@link #addForeignKey}).
     */
    public String createTable(Table<?, ?> table, Predicate<ForeignKey> inlineForeignKey) {
        List<String> parts = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            parts.add(columnDefinition(c));
        }
        if (table.primaryKey() != null) {
            parts.add("PRIMARY KEY " + columnList(table.primaryKey().columns()));
        }
        for (UniqueKey uk : table.uniqueKeys()) {
            parts.add("CONSTRAINT " + quote(names.of(uk)) + " UNIQUE " + columnList(uk.columns()));
        }
        if (dialect.enforcesChecks()) {
            for (Check check : table.checks()) {
                parts.add(checkDefinition(check));
            }
        }
        for (ForeignKey fk : table.foreignKeys()) {
            if (inlineForeignKey.test(fk)) {
                parts.add(foreignKeyDefinition(fk));
            }
        }
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(table(table.name())).append(" (")
                .append(String.join(", ", parts)).append(')');
        if (dialect.isMySqlFamily()) {
            TextOptions o = table.options();
            String charset = o.charset() != null ? o.charset() : o.collation() != null ? o.collation().split("_")[0]
                    : "utf8mb4";
            sql.append(" ENGINE=InnoDB DEFAULT CHARSET=").append(charset);
            if (o.collation() != null) {
                sql.append(" COLLATE=").append(o.collation());
            }
            if (o.comment() != null) {
                sql.append(" COMMENT=").append(inline(o.comment()));
            }
        }
        return sql.toString();
    }

    /** The statements that precede {@link #createTable}: on PostgreSQL, the types of its ENUM columns. */
    public List<String> beforeCreateTable(Table<?, ?> table) {
        return dialect.isPostgres() ? pg.beforeCreateTable(table) : List.of();
    }

    /**
     * The statements that follow {@link #createTable}: on H2 and PostgreSQL, which have no table options in CREATE
     * TABLE, the table's comment; on PostgreSQL also its columns' comments and its on-update-now trigger. Empty when
     * there is nothing to add.
     */
    public List<String> afterCreateTable(Table<?, ?> table) {
        List<String> out = new ArrayList<>(tableComment(table));
        if (dialect.isPostgres()) {
            out.addAll(pg.columnComments(table));
            out.addAll(pg.onUpdateTrigger(table, false));
        }
        return out;
    }

    private List<String> tableComment(Table<?, ?> table) {
        String comment = table.options().comment();
        return dialect.isMySqlFamily() || comment == null ? List.of()
                : List.of("COMMENT ON TABLE " + table(table.name()) + " IS " + inline(comment));
    }

    /**
     * Changes the table's options to those the model declares, where they differ from {@code live}'s: its comment,
     * and on MySQL/MariaDB its default character set and collation (which apply to columns added later; the
     * columns there are keep theirs). Empty when nothing differs.
     */
    public List<String> alterTextOptions(Table<?, ?> table, String liveCharset, String liveCollation,
                                          String liveComment) {
        TextOptions o = table.options();
        boolean comment = o.comment() != null && !o.comment().equals(liveComment);
        if (!dialect.isMySqlFamily()) {
            return comment ? tableComment(table) : List.of();
        }
        StringBuilder sb = new StringBuilder();
        if (o.charset() != null && !o.charset().equalsIgnoreCase(String.valueOf(liveCharset))) {
            sb.append(" DEFAULT CHARSET=").append(o.charset());
        }
        if (o.collation() != null && (sb.length() > 0 || !o.collation().equalsIgnoreCase(String.valueOf(liveCollation)))) {
            sb.append(" COLLATE=").append(o.collation());
        }
        if (comment) {
            sb.append(" COMMENT=").append(inline(o.comment()));
        }
        return sb.length() == 0 ? List.of() : List.of("ALTER TABLE " + table(table.name()) + sb);
    }

    /**
     * Whether this database gets the index: every index but a FULLTEXT one on H2, which has no such index (nor
     * MySQL's MATCH to use it), so the model's full-text indexes are left out there.
     */
    public boolean creates(Index index) {
        return !index.fullText() || dialect.isMySqlFamily();
    }

    /** One column's definition: name, type, default, on-update, nullability, generation. */
    public String columnDefinition(Column<?> c) {
        return quote(c.name()) + " " + columnTail(c);
    }

    /** A column's definition without its name: type, default, on-update, nullability, generation, comment. */
    public String columnTail(Column<?> c) {
        return columnTail(c, null);
    }

    /**
     * A column's definition without its name, keeping from {@code live} (when not null) the character set, collation
     * and comment the model does not declare: MySQL's MODIFY COLUMN and H2's ALTER COLUMN replace the whole
     * definition, and would otherwise reset them to the table's defaults and none.
     */
    public String columnTail(Column<?> c, ColumnShape live) {
        if (dialect.isPostgres()) {
            return pg.columnTail(c);
        }
        StringBuilder sb = new StringBuilder(SqlTypes.ddl(c.type(), dialect));
        ColumnType.Kind kind = c.type().kind();
        if (dialect.isMySqlFamily() && (kind.isText() || kind == ColumnType.Kind.ENUM || kind == ColumnType.Kind.SET)) {
            String charset = c.textOptions().charset() != null ? c.textOptions().charset()
                    : live != null && c.textOptions().collation() == null ? live.charset() : null;
            String collation = c.textOptions().collation() != null ? c.textOptions().collation() : live == null ? null
                    : c.textOptions().charset() == null || c.textOptions().charset().equalsIgnoreCase(String.valueOf(live.charset()))
                    ? live.collation() : null;
            if (charset != null) {
                sb.append(" CHARACTER SET ").append(charset);
            }
            if (collation != null) {
                sb.append(" COLLATE ").append(collation);
            }
        }
        String comment = c.textOptions().comment() != null ? c.textOptions().comment() : live == null ? null : live.comment();
        comment = comment == null || comment.isEmpty() ? null : inline(comment);
        if (c.isAutoIncrement() && dialect.family() == Dialect.Family.H2) {
            sb.append(" GENERATED BY DEFAULT AS IDENTITY");
        }
        String def = defaultClause(c);
        if (def != null) {
            sb.append(" DEFAULT ").append(def);
        }
        if (c.isOnUpdateNow()) {
            sb.append(" ON UPDATE ").append(now(c.type()));
        }
        if (comment != null && !dialect.isMySqlFamily()) {
            sb.append(" COMMENT ").append(comment);  // H2 wants it before the constraints
        }
        if (!c.isNullable()) {
            sb.append(" NOT NULL");
        } else if (dialect.isMySqlFamily()) {
            // Explicit, so that a TIMESTAMP column stays nullable where explicit_defaults_for_timestamp is off.
            sb.append(" NULL");
        }
        if (c.isAutoIncrement() && dialect.isMySqlFamily()) {
            sb.append(" AUTO_INCREMENT");
        }
        if (comment != null && dialect.isMySqlFamily()) {
            sb.append(" COMMENT ").append(comment);
        }
        return sb.toString();
    }

    /** The SQL of a column's default ({@code 'open'}, {@code CURRENT_TIMESTAMP(6)}), or {@code null} for none. */
    public String defaultClause(Column<?> c) {
        DefaultValue def = c.defaultValue();
        if (def == null) {
            return null;
        }
        return switch (def.kind()) {
            case NOW -> now(c.type());
            case LITERAL -> mySqlNeedsParentheses(c) ? "(" + literal(c, def.literal()) + ")" : literal(c, def.literal());
            // MySQL 8 takes an expression default only in parentheses; MariaDB and H2 take it as it is.
            case EXPRESSION -> dialect.isPostgres() ? pg.expressionDefault(c)
                    : dialect.family() == Dialect.Family.MYSQL && !def.expression().startsWith("(")
                    ? "(" + def.expression() + ")" : def.expression();
        };
    }

    // MySQL 8 gives TEXT, BLOB and JSON columns no literal default, only an expression; MariaDB takes the literal.
    private boolean mySqlNeedsParentheses(Column<?> c) {
        return dialect.family() == Dialect.Family.MYSQL && c.type().kind().isLargeObject();
    }

    /** {@code ALTER TABLE t ADD COLUMN ...}. */
    public String addColumn(Column<?> c) {
        return "ALTER TABLE " + table(c.table().name()) + " ADD COLUMN " + columnDefinition(c);
    }

    /**
     * Every statement that adds the column: on PostgreSQL also its ENUM type before, and its comment and its
     * table's on-update-now trigger after.
     */
    public List<String> addColumnStatements(Column<?> c) {
        if (!dialect.isPostgres()) {
            return List.of(addColumn(c));
        }
        List<String> out = new ArrayList<>(pg.beforeAddColumn(c));
        out.add(addColumn(c));
        out.addAll(pg.comment(c, c.textOptions().comment()));
        if (c.isOnUpdateNow()) {
            out.addAll(pg.onUpdateTrigger(c.table(), true));
        }
        return out;
    }

    /**
     * Every statement that redefines the column as the model declares it: {@link #modifyColumn}, and on PostgreSQL
     * its comment and its table's on-update-now trigger where they differ from {@code live}'s.
     */
    public List<String> modifyColumnStatements(Column<?> c, ColumnShape live) {
        if (!dialect.isPostgres()) {
            return List.of(modifyColumn(c, live));
        }
        List<String> out = new ArrayList<>(pg.beforeModify(c, live));
        out.add(modifyColumn(c, live));
        out.addAll(pg.afterModify(c, live));
        String comment = c.textOptions().comment();
        if (comment != null && !comment.equals(live.comment())) {
            out.addAll(pg.comment(c, comment));
        }
        if (c.isOnUpdateNow() != live.onUpdateNow()) {
            out.addAll(pg.onUpdateTrigger(c.table(), true));
        }
        return out;
    }

    /** Redefines a column in place: type, default, nullability. */
    public String modifyColumn(Column<?> c) {
        return modifyColumn(c, null);
    }

    /**
     * Redefines a column in place, keeping from {@code live} the character set, collation and comment the model does
     * not declare (see {@link #columnTail(Column, ColumnShape)}).
     */
    public String modifyColumn(Column<?> c, ColumnShape live) {
        if (dialect.isPostgres()) {
            return pg.modifyColumn(c, live);
        }
        return dialect.isMySqlFamily()
                ? "ALTER TABLE " + table(c.table().name()) + " MODIFY COLUMN " + quote(c.name()) + " " + columnTail(c, live)
                : "ALTER TABLE " + table(c.table().name()) + " ALTER COLUMN " + quote(c.name()) + " " + columnTail(c, live);
    }

    /** {@code ALTER TABLE t DROP COLUMN c}. */
    public String dropColumn(String table, String column) {
        return "ALTER TABLE " + table(table) + " DROP COLUMN " + quote(column);
    }

    /** Renames a column, keeping its data. */
    public String renameColumn(String table, String from, String to) {
        return dialect.isMySqlFamily() || dialect.isPostgres()
                ? "ALTER TABLE " + table(table) + " RENAME COLUMN " + quote(from) + " TO " + quote(to)
                : "ALTER TABLE " + table(table) + " ALTER COLUMN " + quote(from) + " RENAME TO " + quote(to);
    }

    /** Renames a table, keeping its rows. */
    public String renameTable(String from, String to) {
        // H2 keeps a renamed table in its schema and takes the new name alone.
        return dialect.isMySqlFamily() ? "RENAME TABLE " + table(from) + " TO " + table(to)
                : "ALTER TABLE " + table(from) + " RENAME TO " + quote(Identifiers.unqualified(to));
    }

    /** {@code DROP TABLE t}. */
    public String dropTable(String table) {
        return "DROP TABLE " + table(table);
    }

    /**
     * Drops the live table; on PostgreSQL also what Cairn made for it that outlives it: its enum columns' types and
     * its on-update function.
     */
    public List<String> dropTableStatements(TableShape live) {
        List<String> out = new ArrayList<>(List.of(dropTable(live.name())));
        if (dialect.isPostgres()) {
            out.addAll(pg.afterDropTable(live));
        }
        return out;
    }

    /** Drops a live column; on PostgreSQL also its enum type, which Cairn made for it. */
    public List<String> dropColumnStatements(String table, ColumnShape live) {
        List<String> out = new ArrayList<>(List.of(dropColumn(table, live.name())));
        if (dialect.isPostgres()) {
            out.addAll(pg.afterDropColumn(table, live));
        }
        return out;
    }

    /** Replaces a table's primary key. */
    public List<String> replacePrimaryKey(Table<?, ?> table, boolean hadOne) {
        List<String> out = new ArrayList<>();
        if (hadOne) {
            // PostgreSQL's primary key is a constraint, named <table>_pkey when created without a name, as Cairn does.
            out.add("ALTER TABLE " + table(table.name()) + (dialect.isPostgres() ? " DROP CONSTRAINT "
                    + quote(Identifiers.unqualified(table.name()) + "_pkey") : " DROP PRIMARY KEY"));
        }
        if (table.primaryKey() != null) {
            out.add("ALTER TABLE " + table(table.name()) + " ADD PRIMARY KEY " + columnList(table.primaryKey().columns()));
        }
        return out;
    }

    private String now(ColumnType<?> type) {
        if (dialect.isPostgres()) {
            return PostgresDdl.now(type);
        }
        String digits = type.precision() == 0 ? "" : "(" + type.precision() + ")";
        if (dialect.family() == Dialect.Family.H2 && type.kind() == ColumnType.Kind.DATETIME) {
            return "LOCALTIMESTAMP" + digits;
        }
        return "CURRENT_TIMESTAMP" + digits;
    }

    private String literal(Column<?> c, Object value) {
        String rendered = jooq.renderInlined(SqlTypes.literal(c.type(), value, dialect));
        if (dialect.isMySqlFamily() && c.type().kind() == ColumnType.Kind.BOOLEAN) {
            // MySQL stores BOOLEAN as TINYINT(1); 1 and 0 are what it reports back as the default.
            rendered = Boolean.TRUE.equals(value) ? "1" : "0";
        }
        return rendered;
    }

}
