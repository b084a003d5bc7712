package dev.cairn.dialect.sql;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.Identifiers;
import org.jooq.Name;
import org.jooq.impl.DSL;

/**
 * The one place a table's name becomes SQL: {@code `events`}, or {@code `audit`.`events`} for a table declared as
 * {@code super("audit.events")}. Queries, inserts, DDL and Cairn's own statements all address tables through it, so
 * a table in another schema is never silently looked up in the connection's own.
 */
public final class TableNames {
    private TableNames() {
    }

    /** The name of a model table, qualified by its schema when it has one. */
    public static Name of(Table<?, ?> table) {
        return of(table.name());
    }

    /** The name of a table given as the model declares it: {@code events} or {@code audit.events}. */
    public static Name of(String declaredName) {
        return of(Identifiers.schemaOf(declaredName), Identifiers.unqualified(declaredName));
    }

    /** The name of a table in {@code schema}, or in the connection's own schema when it is {@code null}. */
    public static Name of(String schema, String table) {
        return schema == null ? DSL.name(table) : DSL.name(schema, table);
    }

    /** A column qualified by its table (and the table's schema): {@code `audit`.`events`.`id`}. */
    public static Name column(Column<?> column) {
        return DSL.name(of(column.table()), DSL.name(column.name()));
    }

    /** A table name quoted for the dialect, as text. */
    public static String quoted(Dialect dialect, String declaredName) {
        return JooqContexts.of(dialect).render(of(declaredName));
    }
}
