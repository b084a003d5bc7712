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
 * @param probe       what the rows said about the change, for a change the data decides, or {@code null}
 * @param online      how the server runs the change (MySQL/MariaDB), or {@code null} where not known
 */
public record Change(Kind kind, String table, String description, List<String> statements, boolean destructive,
                     String refusal, ProbeResult probe, OnlineDdl online) {

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

    /** A change with no probe and no online-DDL classification yet. */
    public Change(Kind kind, String table, String description, List<String> statements, boolean destructive,
                  String refusal) {
        this(kind, table, description, statements, destructive, refusal, null, null);
    }

    /** This change with the probe's result. */
    public Change withProbe(ProbeResult result) {
        return new Change(kind, table, description, statements, destructive, refusal, result, online);
    }

    /** This change with how the server runs it. */
    public Change withOnline(OnlineDdl how) {
        return new Change(kind, table, description, statements, destructive, refusal, probe, how);
    }

    /** This change, destructive or not, refused or not, as the data or the server says. */
    public Change with(boolean destructive, String refusal) {
        return new Change(kind, table, description, statements, destructive, refusal, probe, online);
    }

    /** This change with other statements (for example with {@code ALGORITHM=} and {@code LOCK=} clauses). */
    public Change withStatements(List<String> statements) {
        return new Change(kind, table, description, statements, destructive, refusal, probe, online);
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
