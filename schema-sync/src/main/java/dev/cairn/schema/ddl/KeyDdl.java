package dev.cairn.schema.ddl;

import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.render.StatementWalk;
import dev.cairn.dialect.sql.JooqContexts;
import dev.cairn.dialect.sql.TableNames;
import dev.cairn.dsl.Check;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.ForeignKey;
import dev.cairn.dsl.Index;
import dev.cairn.dsl.UniqueKey;
import dev.cairn.dsl.type.Identifiers;
import dev.cairn.dsl.type.ReferentialAction;
import dev.cairn.schema.SchemaSyncException;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The DDL of indexes and constraints (unique keys, foreign keys, checks), and the quoting every statement shares;
 * the part of {@link DdlRenderer} that does not depend on how columns are defined.
 */
public abstract class KeyDdl {
    final Dialect dialect;
    final DSLContext jooq;
    final String currentSchema;
    final ConstraintNames names;

    KeyDdl(Dialect dialect, ConstraintNames names, String currentSchema) {
        this.dialect = dialect;
        this.jooq = JooqContexts.of(dialect);
        this.names = names;
        this.currentSchema = currentSchema;
    }

    /** {@code CREATE INDEX} for a secondary index; {@code CREATE FULLTEXT INDEX ... [WITH PARSER p]} for a full-text one. */
    public String createIndex(Index index) {
        // PostgreSQL creates an index in its table's schema, and takes its name alone.
        String name = dialect.isMySqlFamily() || dialect.isPostgres() ? quote(names.of(index))
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

    String checkDefinition(Check check) {
        return "CONSTRAINT " + quote(names.of(check)) + " CHECK (" + checkCondition(check) + ")";
    }

    /** The condition of a check as this renderer writes it in DDL. */
    public String checkCondition(Check check) {
        return jooq.renderInlined(StatementWalk.ddl(dialect).condition(check.condition()));
    }

    String foreignKeyDefinition(ForeignKey fk) {
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

    String columnList(List<? extends Column<?>> columns) {
        return columns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", ", "(", ")"));
    }

    /** A table named as the model declares it ({@code events}, {@code audit.events}), quoted for the dialect. */
    public String table(String declaredName) {
        return jooq.render(TableNames.of(declaredName));
    }

    // Text from the model (a comment) as an SQL string literal, escaped by jOOQ for the dialect.
    String inline(String text) {
        return jooq.renderInlined(DSL.inline(text));
    }

    /** An identifier quoted for the dialect. */
    public String quote(String identifier) {
        return jooq.render(DSL.name(identifier));
    }
}
