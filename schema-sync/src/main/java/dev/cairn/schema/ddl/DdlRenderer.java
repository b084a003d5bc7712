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
public final class DdlRenderer {
    private final Dialect dialect;
    private final DSLContext jooq;
    private final String currentSchema;
    private final ConstraintNames names;

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
        this.dialect = dialect;
        this.jooq = JooqContexts.of(dialect);
        this.names = names;
        this.currentSchema = currentSchema;
    }

    /** The dialect this renderer writes for. */
    public Dialect dialect() {
        return dialect;
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

    /**
     * The statements that follow {@link #createTable}: on H2, which has no table options in CREATE TABLE, the
     * table's comment. Empty when there is nothing to add.
     */
    public List<String> afterCreateTable(Table<?, ?> table) {
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
            return comment ? afterCreateTable(table) : List.of();
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

    /** {@code CREATE INDEX} for a secondary index; {@code CREATE FULLTEXT INDEX ... [WITH PARSER p]} for a full-text one. */
    public String createIndex(Index index) {
        String name = dialect.isMySqlFamily() ? quote(names.of(index))
                : jooq.render(TableNames.of(Identifiers.schemaOf(index.table().name()), names.of(index)));
        if (index.fullText()) {
            String parser = index.parser();
            if (parser != null && dialect.family() == Dialect.Family.MARIADB && parser.equalsIgnoreCase("ngram")) {
                throw new SchemaSyncException("Table '" + index.table().name() + "', full-text index '" + index.name()
                        + "': MariaDB has no ngram parser (MySQL 5.7.6+ has); declare the index without parser(\"ngram\")"
                        + " for MariaDB");
            }
            return "CREATE FULLTEXT INDEX " + name + " ON " + table(index.table().name()) + " "
                    + columnList(index.columns()) + (parser == null ? "" : " WITH PARSER " + parser);
        }
        return "CREATE INDEX " + name + " ON " + table(index.table().name()) + " "
                + columnList(index.columns());
    }

    /** {@code ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY}. */
    public String addForeignKey(ForeignKey fk) {
        return "ALTER TABLE " + table(fk.table().name()) + " ADD " + foreignKeyDefinition(fk);
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
            case EXPRESSION -> dialect.family() == Dialect.Family.MYSQL && !def.expression().startsWith("(")
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

    /** Redefines a column in place: type, default, nullability. */
    public String modifyColumn(Column<?> c) {
        return modifyColumn(c, null);
    }

    /**
     * Redefines a column in place, keeping from {@code live} the character set, collation and comment the model does
     * not declare (see {@link #columnTail(Column, ColumnShape)}).
     */
    public String modifyColumn(Column<?> c, ColumnShape live) {
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
        return dialect.isMySqlFamily()
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

    /** Drops a secondary index. */
    public String dropIndex(String table, String index) {
        // An H2 index belongs to its table's schema, and is named in it.
        return dialect.isMySqlFamily() ? "DROP INDEX " + quote(index) + " ON " + table(table)
                : "DROP INDEX " + jooq.render(TableNames.of(Identifiers.schemaOf(table), index));
    }

    /** {@code ALTER TABLE t ADD CONSTRAINT uk UNIQUE (...)}. */
    public String addUnique(UniqueKey uk) {
        return "ALTER TABLE " + table(uk.table().name()) + " ADD CONSTRAINT " + quote(names.of(uk)) + " UNIQUE "
                + columnList(uk.columns());
    }

    /** Drops a unique key. */
    public String dropUnique(String table, String name) {
        return dialect.isMySqlFamily() ? "ALTER TABLE " + table(table) + " DROP INDEX " + quote(name)
                : "ALTER TABLE " + table(table) + " DROP CONSTRAINT " + quote(name);
    }

    /** Drops a foreign key. */
    public String dropForeignKey(String table, String name) {
        return dialect.isMySqlFamily() ? "ALTER TABLE " + table(table) + " DROP FOREIGN KEY " + quote(name)
                : "ALTER TABLE " + table(table) + " DROP CONSTRAINT " + quote(name);
    }

    /** {@code ALTER TABLE t ADD CONSTRAINT ck CHECK (...)}. */
    public String addCheck(Check check) {
        return "ALTER TABLE " + table(check.table().name()) + " ADD " + checkDefinition(check);
    }

    /** Drops a check constraint. */
    public String dropCheck(String table, String name) {
        return "ALTER TABLE " + table(table) + " DROP CONSTRAINT " + quote(name);
    }

    /**
     * Renames an index or unique key in place, without copying the table ({@code RENAME INDEX}: MariaDB 10.5.2 and
     * MySQL 5.7 or later; on H2 a unique key is a constraint and is renamed as one).
     */
    public String renameIndex(String table, String from, String to, boolean unique) {
        if (dialect.isMySqlFamily()) {
            return "ALTER TABLE " + table(table) + " RENAME INDEX " + quote(from) + " TO " + quote(to);
        }
        return unique ? renameConstraint(table, from, to) : "ALTER INDEX "
                + jooq.render(TableNames.of(Identifiers.schemaOf(table), from)) + " RENAME TO " + quote(to);
    }

    /**
     * Renames a foreign key or check in place, where the database can ({@code RENAME CONSTRAINT}, H2); MySQL and
     * MariaDB cannot, and drop and add it instead.
     */
    public String renameConstraint(String table, String from, String to) {
        return "ALTER TABLE " + table(table) + " RENAME CONSTRAINT " + quote(from) + " TO " + quote(to);
    }

    /** Replaces a table's primary key. */
    public List<String> replacePrimaryKey(Table<?, ?> table, boolean hadOne) {
        List<String> out = new ArrayList<>();
        if (hadOne) {
            out.add("ALTER TABLE " + table(table.name()) + " DROP PRIMARY KEY");
        }
        if (table.primaryKey() != null) {
            out.add("ALTER TABLE " + table(table.name()) + " ADD PRIMARY KEY " + columnList(table.primaryKey().columns()));
        }
        return out;
    }

    private String now(ColumnType<?> type) {
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

    private String checkDefinition(Check check) {
        return "CONSTRAINT " + quote(names.of(check)) + " CHECK (" + checkCondition(check) + ")";
    }

    /** The condition of a check as this renderer writes it in DDL. */
    public String checkCondition(Check check) {
        return jooq.renderInlined(StatementWalk.ddl(dialect).condition(check.condition()));
    }

    private String foreignKeyDefinition(ForeignKey fk) {
        StringBuilder sb = new StringBuilder("CONSTRAINT ").append(quote(fk.name())).append(" FOREIGN KEY ")
                .append(columnList(fk.columns())).append(" REFERENCES ").append(target(fk))
                .append(' ').append(columnList(fk.targetColumns()));
        if (fk.onDelete() != ReferentialAction.NO_ACTION) {
            sb.append(" ON DELETE ").append(fk.onDelete().sql());
        }
        if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
            sb.append(" ON UPDATE ").append(fk.onUpdate().sql());
        }
        return sb.toString();
    }

    // The server reads a bare REFERENCES name in the referring table's schema, not in the connection's.
    private String target(ForeignKey fk) {
        String target = fk.targetTable().name();
        if (Identifiers.schemaOf(fk.table().name()) == null || Identifiers.schemaOf(target) != null) {
            return table(target);
        }
        if (currentSchema == null) {
            throw new IllegalStateException("Foreign key " + fk.name() + " of table '" + fk.table().name()
                    + "' refers to '" + target + "' of the connection's schema, whose name is not known here");
        }
        return jooq.render(TableNames.of(currentSchema, target));
    }

    private String columnList(List<? extends Column<?>> columns) {
        return columns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", ", "(", ")"));
    }

    /** A table named as the model declares it ({@code events}, {@code audit.events}), quoted for the dialect. */
    public String table(String declaredName) {
        return jooq.render(TableNames.of(declaredName));
    }

    // Text from the model (a comment) as an SQL string literal, escaped by jOOQ for the dialect.
    private String inline(String text) {
        return jooq.renderInlined(DSL.inline(text));
    }

    /** An identifier quoted for the dialect. */
    public String quote(String identifier) {
        return jooq.render(DSL.name(identifier));
    }
}
