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
            sql.append(" ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        }
        return sql.toString();
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

    /** A column's definition without its name: type, default, on-update, nullability, generation. */
    public String columnTail(Column<?> c) {
        StringBuilder sb = new StringBuilder(SqlTypes.ddl(c.type(), dialect));
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
        if (!c.isNullable()) {
            sb.append(" NOT NULL");
        } else if (dialect.isMySqlFamily()) {
            // Explicit, so that a TIMESTAMP column stays nullable where explicit_defaults_for_timestamp is off.
            sb.append(" NULL");
        }
        if (c.isAutoIncrement() && dialect.isMySqlFamily()) {
            sb.append(" AUTO_INCREMENT");
        }
        return sb.toString();
    }

    /** The SQL of a column's default ({@code 'open'}, {@code CURRENT_TIMESTAMP(6)}), or {@code null} for none. */
    public String defaultClause(Column<?> c) {
        DefaultValue def = c.defaultValue();
        if (def == null) {
            return null;
        }
        return def.isCurrentTimestamp() ? now(c.type()) : literal(c, def.literal());
    }

    /** {@code ALTER TABLE t ADD COLUMN ...}. */
    public String addColumn(Column<?> c) {
        return "ALTER TABLE " + table(c.table().name()) + " ADD COLUMN " + columnDefinition(c);
    }

    /** Redefines a column in place: type, default, nullability. */
    public String modifyColumn(Column<?> c) {
        return dialect.isMySqlFamily()
                ? "ALTER TABLE " + table(c.table().name()) + " MODIFY COLUMN " + columnDefinition(c)
                : "ALTER TABLE " + table(c.table().name()) + " ALTER COLUMN " + quote(c.name()) + " " + columnTail(c);
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

    /** An identifier quoted for the dialect. */
    public String quote(String identifier) {
        return jooq.render(DSL.name(identifier));
    }
}
