package dev.cairn.schema.shape;

import java.util.Locale;

/**
 * How a server compares the names of tables and schemas (databases), so that schema sync finds a table exactly
 * where the server would. MySQL and MariaDB decide it by {@code lower_case_table_names}: with 0 (the default on
 * Linux) {@code inventory_items} and {@code Inventory_Items} are two tables; with 1 names are stored in lower case
 * and compared regardless of case; with 2 they are stored as given and compared in lower case. H2 compares the
 * quoted names Cairn writes exactly.
 *
 * @param caseSensitive whether names differing only in case are different tables
 * @param currentSchema the connection's own schema (database), or {@code null} when not known
 */
public record TableNaming(boolean caseSensitive, String currentSchema) {
    /** Names compared regardless of case, the current schema unknown. */
    public static final TableNaming IGNORING_CASE = new TableNaming(false, null);

    /** The naming of a MySQL/MariaDB server with the given {@code lower_case_table_names} and current database. */
    public static TableNaming mysql(int lowerCaseTableNames, String database) {
        return new TableNaming(lowerCaseTableNames == 0, database);
    }

    /** Whether {@code schema} is the connection's own: {@code null}, or the current schema's name. */
    public boolean isCurrent(String schema) {
        return schema == null || currentSchema != null && fold(schema).equals(fold(currentSchema));
    }

    /** The key under which the server finds the table {@code name} of {@code schema} ({@code null}: its own). */
    public String key(String schema, String name) {
        return isCurrent(schema) ? fold(name) : fold(schema) + "\u0000" + fold(name);
    }

    /** The key of a table named as the model declares it: {@code events} or {@code audit.events}. */
    public String key(String declaredName) {
        int dot = declaredName.indexOf('.');
        return dot < 0 ? key(null, declaredName) : key(declaredName.substring(0, dot), declaredName.substring(dot + 1));
    }

    /** A table's name as the model would declare it: qualified only when it is not in the current schema. */
    public String declared(String schema, String name) {
        return isCurrent(schema) ? name : schema + "." + name;
    }

    private String fold(String name) {
        return caseSensitive ? name : name.toLowerCase(Locale.ROOT);
    }
}
