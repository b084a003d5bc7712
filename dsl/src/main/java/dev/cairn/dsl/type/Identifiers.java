package dev.cairn.dsl.type;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** Rules for names in the model: what a valid identifier is, and how derived constraint names are built. */
public final class Identifiers {
    /** The longest identifier MySQL and MariaDB accept (tables, columns, indexes, constraints). */
    public static final int MAX_LENGTH = 64;

    private static final Pattern VALID = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    private Identifiers() {
    }

    /** Returns {@code null} when {@code name} is a valid identifier, otherwise why it is not. */
    public static String problemWith(String name) {
        if (name == null || name.isEmpty()) {
            return "name must not be empty";
        }
        if (name.length() > MAX_LENGTH) {
            return "name '" + name + "' is " + name.length() + " characters long; MySQL allows at most " + MAX_LENGTH;
        }
        if (!VALID.matcher(name).matches()) {
            return "name '" + name + "' is not a valid identifier (letters, digits, '_' and '$', not starting with a digit)";
        }
        return null;
    }

    /**
     * Returns {@code null} when {@code name} is a valid table name, otherwise why it is not: an identifier, or a
     * schema (database) and an identifier joined by one dot, {@code audit.events}, for a table in another schema of
     * the same server. Identifiers themselves never hold a dot, so the dot always separates the two.
     */
    public static String problemWithTableName(String name) {
        int dot = name == null ? -1 : name.indexOf('.');
        if (dot < 0) {
            return problemWith(name);
        }
        String schemaProblem = problemWith(name.substring(0, dot));
        if (schemaProblem != null) {
            return "name '" + name + "' names a schema, but its " + schemaProblem;
        }
        String tableProblem = problemWith(name.substring(dot + 1));
        return tableProblem == null ? null : "name '" + name + "' names schema '" + name.substring(0, dot)
                + "', but its table " + tableProblem;
    }

    /** The schema of a table name as {@link #problemWithTableName} accepts it, or {@code null} when it names none. */
    public static String schemaOf(String tableName) {
        int dot = tableName.indexOf('.');
        return dot < 0 ? null : tableName.substring(0, dot);
    }

    /** A table name without its schema: {@code events} for {@code audit.events}. */
    public static String unqualified(String tableName) {
        return tableName.substring(tableName.indexOf('.') + 1);
    }

    /**
     * A derived name such as {@code idx_users_name}: prefix, table and columns joined by '_'. Names longer than
     * {@link #MAX_LENGTH} are cut and end in a stable hash of the full name, so that they stay unique and identical
     * from one run to the next.
     */
    public static String derive(String prefix, String table, List<String> columns) {
        String full = prefix + "_" + table.replace('.', '_') + "_" + String.join("_", columns);
        if (full.length() <= MAX_LENGTH) {
            return full;
        }
        String hash = Integer.toHexString(fnv1a(full));
        return full.substring(0, MAX_LENGTH - hash.length() - 1) + "_" + hash;
    }

    /**
     * The Java name of a column named in snake_case: {@code created_at} becomes {@code createdAt}. Record components
     * and fields of a row type match columns by this name when no table field names them.
     */
    public static String camelCase(String snake) {
        StringBuilder sb = new StringBuilder(snake.length());
        boolean upper = false;
        for (char ch : snake.toCharArray()) {
            if (ch == '_') {
                upper = sb.length() > 0;
            } else {
                sb.append(upper ? Character.toUpperCase(ch) : sb.length() == 0 ? Character.toLowerCase(ch) : ch);
                upper = false;
            }
        }
        return sb.toString().isEmpty() ? snake.toLowerCase(java.util.Locale.ROOT) : sb.toString();
    }

    private static int fnv1a(String s) {
        int h = 0x811c9dc5;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return h;
    }
}
