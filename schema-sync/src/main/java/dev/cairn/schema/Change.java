package dev.cairn.schema;

import java.util.List;

/**
 * One step of a plan: what changes, the statements that make it, and whether it may lose data.
 *
 * @param kind        what kind of change, which also fixes its place in the plan
 * @param table       the table it concerns
 * @param description what changes, in words, for people
 * @param statements  the DDL, in order
 * @param destructive whether it may lose data or fail on existing data; applied only in {@code APPLY_ALL}
 * @param refusal     why it cannot be applied at all (then never applied), or {@code null}
 */
public record Change(Kind kind, String table, String description, List<String> statements, boolean destructive,
                     String refusal) {

    /**
     * The kinds of change, in the order a plan applies them. Renames of indexes, unique keys ({@code RENAME_INDEX}),
     * checks and foreign keys come after the drops that free their new names and before the adds that take the old
     * ones; their description says what they cost.
     */
    public enum Kind {
        DROP_FOREIGN_KEY, DROP_CHECK, DROP_INDEX, DROP_UNIQUE, RENAME_TABLE, CREATE_TABLE, MODIFY_TABLE, RENAME_COLUMN,
        ADD_COLUMN, MODIFY_COLUMN, MODIFY_PRIMARY_KEY, DROP_COLUMN, RENAME_INDEX, RENAME_CHECK, ADD_INDEX, ADD_UNIQUE,
        ADD_CHECK, DROP_TABLE, RENAME_FOREIGN_KEY, ADD_FOREIGN_KEY
    }

    public Change {
        statements = List.copyOf(statements);
    }

    /** Whether the change is refused outright (it can never be applied as planned). */
    public boolean isRefused() {
        return refusal != null;
    }

    /** One line for people: {@code [safe] users: add column age INT NULL}. */
    @Override
    public String toString() {
        String mark = refusal != null ? "[refused]" : destructive ? "[destructive]" : "[safe]";
        return mark + " " + table + ": " + description + (refusal != null ? " -- " + refusal : "");
    }
}
