package dev.cairn.schema.introspect;

import dev.cairn.dialect.sql.ServerSql;
import dev.cairn.schema.shape.ColumnShape;
import dev.cairn.schema.shape.ForeignKeyShape;
import dev.cairn.schema.shape.IndexShape;
import dev.cairn.schema.shape.IntegerRange;
import dev.cairn.schema.shape.Normalizer;
import dev.cairn.schema.shape.SchemaShape;
import dev.cairn.schema.shape.TableNaming;
import dev.cairn.schema.shape.TableShape;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PostgreSQL schemas from {@code pg_catalog}, one query per kind of object for the whole schema, into the
 * shapes the model's DDL normalises to: {@code character varying(n)} is {@code varchar(n)}, an enum type is
 * {@code enum('a','b')}, identity and {@code serial} columns are auto-increment, a default's casts
 * ({@code 'x'::character varying}) are dropped, and the columns the table's on-update-now trigger sets are marked so.
 */
final class PostgresIntrospector extends CatalogIntrospector {
    private static final String RELATION = " JOIN pg_class c ON c.oid = %s JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p')";
    // The names of an array of attribute numbers of a relation, in the array's order.
    private static final String NAMES = "ARRAY(SELECT a.attname FROM unnest(%s) WITH ORDINALITY k(num, ord)"
            + " JOIN pg_attribute a ON a.attrelid = %s AND a.attnum = k.num ORDER BY k.ord)";
    // A column's collation other than its type's default, qualified and quoted as DDL names it (pg_catalog."C"):
    // the model declares MySQL's collations, which mean nothing here, but a redefinition must keep a live one.
    private static final String COLLATION = "(SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname)"
            + " FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace JOIN pg_type ty"
            + " ON ty.oid = a.atttypid WHERE co.oid = a.attcollation AND a.attcollation <> ty.typcollation)";

    // An index over columns alone, ascending, whole-table, B-tree: the only kind the model declares.
    private static final String PLAIN_INDEX = "(x.indpred IS NULL AND x.indexprs IS NULL AND x.indnkeyatts = x.indnatts"
            + " AND am.amname = 'btree' AND NOT EXISTS (SELECT 1 FROM unnest(x.indoption::int2[]) o WHERE o <> 0))";
    private static final Pattern TRIGGER_COLUMN = Pattern.compile("NEW\\.\"((?:[^\"]|\"\")+)\" :=");
    private static final String RANGE_COLUMN = "(\"(?:[^\"]|\"\")+\"|[a-z_][\\w$]*)";
    private static final Pattern RANGE_CHECK = Pattern.compile("^CHECK \\(\\(\\(" + RANGE_COLUMN + " >= (\\S+)\\) AND \\("
            + RANGE_COLUMN + " <= (\\S+)\\)\\)\\)$");
    private static final Pattern NUMERIC_TYPE = Pattern.compile(
            "^(smallint|integer|bigint|numeric.*|real|double precision)$");

    @Override
    TableNaming naming(Connection c) throws SQLException {
        try (ResultSet rs = query(c, "SELECT current_schema()", null)) {
            rs.next();
            // Cairn quotes every name, and PostgreSQL compares quoted names exactly.
            return new TableNaming(true, rs.getString(1));
        }
    }

    @Override
    void readSchema(Connection c, SchemaShape.Part schema, String name) throws SQLException {
        try (ResultSet rs = query(c, "SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p')",
                name)) {
            while (rs.next()) {
                // PostgreSQL's collations are per column and rarely set; Cairn's model declares MySQL's.
                schema.getOrAdd(rs.getString(1)).options(null, null, rs.getString(2) == null ? "" : rs.getString(2));
            }
        }
        Map<Long, List<String>> enums = new HashMap<>();
        try (ResultSet rs = query(c, "SELECT enumtypid, enumlabel FROM pg_enum ORDER BY enumtypid, enumsortorder",
                null)) {
            while (rs.next()) {
                enums.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        Set<String> onUpdateNow = onUpdateNowColumns(c, name);
        boolean standardStrings = ServerSql.standardConformingStrings(c);
        try (ResultSet rs = query(c, "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.atttypid,"
                + " a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity, col_description(c.oid, a.attnum),"
                + " " + COLLATION
                + " FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + RELATION.formatted("a.attrelid") + " AND a.attnum > 0 AND NOT a.attisdropped"
                + " ORDER BY c.relname, a.attnum", name)) {
            while (rs.next()) {
                TableShape t = schema.table(rs.getString(1));
                if (t == null) {
                    continue;
                }
                String rawType = rs.getString(3);
                String def = rs.getString(6);
                // serial and bigserial are a sequence's nextval as the default: the same as an identity column.
                boolean serial = def != null && def.startsWith("nextval(");
                boolean identity = !rs.getString(7).isEmpty() || serial;
                String column = rs.getString(2);
                t.addColumn(new ColumnShape(column, Normalizer.type(type(rawType, enums.get(rs.getLong(4)))),
                        !rs.getBoolean(5), serial ? null
                        : defaultValue(def, NUMERIC_TYPE.matcher(rawType).matches(), standardStrings),
                        identity, onUpdateNow.contains(rs.getString(1) + "\u0000" + column), null, rs.getString(9),
                        rs.getString(8) == null ? "" : rs.getString(8)));
            }
        }
        readConstraints(c, schema, name);
        // An INVALID index (a CREATE INDEX CONCURRENTLY that failed) is not there for queries: the model's index is
        // still to be built (ConcurrentIndexes drops the invalid one first).
        try (ResultSet rs = query(c, "SELECT c.relname, i.relname, " + NAMES.formatted("x.indkey::int2[]", "x.indrelid")
                + ", x.indisunique, " + PLAIN_INDEX + ", pg_get_indexdef(x.indexrelid)"
                + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am am ON am.oid = i.relam"
                + RELATION.formatted("x.indrelid") + " AND NOT x.indisprimary AND x.indisvalid AND NOT EXISTS (SELECT 1"
                + " FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.contype IN ('p', 'u', 'x'))", name)) {
            while (rs.next()) {
                TableShape t = schema.table(rs.getString(1));
                if (t != null) {
                    // The model cannot declare any other kind: its definition stands for its columns, so that it
                    // never equals the model's index over the same columns.
                    String def = rs.getString(6);
                    List<String> columns = rs.getBoolean(5) ? names(rs.getArray(3))
                            : List.of(def.substring(def.indexOf(" USING ") + 1));
                    // No constraint stands behind these (the query leaves those out): a unique one is an index.
                    t.addIndex(new IndexShape(rs.getString(2), columns, rs.getBoolean(4), false, true));
                }
            }
        }
    }

    private static void readConstraints(Connection c, SchemaShape.Part schema, String name) throws SQLException {
        try (ResultSet rs = query(c, "SELECT c.relname, con.conname, con.contype, pg_get_constraintdef(con.oid), "
                + NAMES.formatted("con.conkey", "con.conrelid") + ", fn.nspname, fc.relname, "
                + NAMES.formatted("con.confkey", "con.confrelid") + ", con.confdeltype, con.confupdtype"
                + " FROM pg_constraint con LEFT JOIN pg_class fc ON fc.oid = con.confrelid"
                + " LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace" + RELATION.formatted("con.conrelid")
                + " AND con.contype IN ('p', 'u', 'f', 'c')", name)) {
            while (rs.next()) {
                TableShape t = schema.table(rs.getString(1));
                if (t == null) {
                    continue;
                }
                String constraint = rs.getString(2);
                List<String> columns = names(rs.getArray(5));
                switch (rs.getString(3)) {
                    case "p" -> t.primaryKey(columns);
                    case "u" -> t.addIndex(new IndexShape(constraint, columns, true));
                    case "f" -> t.addForeignKey(new ForeignKeyShape(constraint, columns,
                            schema.naming().declared(rs.getString(6), rs.getString(7)), names(rs.getArray(8)),
                            action(rs.getString(9)), action(rs.getString(10))));
                    default -> {
                        String def = rs.getString(4);
                        if (columns.size() != 1 || !narrowed(t, columns.get(0), def)) {
                            t.addCheck(constraint, def.startsWith("CHECK ") ? def.substring(6) : def, false);
                        }
                    }
                }
            }
        }
    }

    /**
     * Whether {@code def} is the CHECK that keeps {@code column} in the range of an integer type PostgreSQL does not
     * have ({@link IntegerRange}), as {@code pg_get_constraintdef} writes it ({@code CHECK (((c >= '-128'::integer)
     * AND (c <= 127)))}); if so, the column's type is that narrower type, and the CHECK is not one of the table's.
     */
    private static boolean narrowed(TableShape t, String column, String def) {
        ColumnShape shape = t.column(column);
        Matcher m = RANGE_CHECK.matcher(def);
        if (shape == null || !m.matches() || !identifier(m.group(1)).equals(shape.name())
                || !identifier(m.group(3)).equals(shape.name())) {
            return false;
        }
        IntegerRange range = IntegerRange.matching(shape.type(), bound(m.group(2)), bound(m.group(4)));
        if (range == null) {
            return false;
        }
        t.addColumn(new ColumnShape(shape.name(), range.type(), shape.nullable(), shape.defaultValue(),
                shape.autoIncrement(), shape.onUpdateNow(), shape.charset(), shape.collation(), shape.comment()));
        return true;
    }

    private static String identifier(String s) {
        return s.startsWith("\"") ? s.substring(1, s.length() - 1).replace("\"\"", "\"") : s;
    }

    // A bound as PostgreSQL writes it: 127, '-128'::integer, (0)::numeric, '18446744073709551615'::numeric.
    private static BigInteger bound(String s) {
        String v = s.replaceAll("::[a-z ]+$", "").replaceAll("^\\((.*)\\)$", "$1").replaceAll("^'(.*)'$", "$1");
        try {
            return new BigInteger(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Table and column (joined by a NUL) of each column the tables' on-update-now triggers set. */
    private static Set<String> onUpdateNowColumns(Connection c, String name) throws SQLException {
        Set<String> out = new HashSet<>();
        try (ResultSet rs = query(c, "SELECT c.relname, p.prosrc FROM pg_trigger tg JOIN pg_proc p ON p.oid = tg.tgfoid"
                + RELATION.formatted("tg.tgrelid") + " AND NOT tg.tgisinternal"
                + " AND tg.tgname = c.relname || '_on_update_now'", name)) {
            while (rs.next()) {
                Matcher m = TRIGGER_COLUMN.matcher(rs.getString(2));
                while (m.find()) {
                    out.add(rs.getString(1) + "\u0000" + m.group(1).replace("\"\"", "\""));
                }
            }
        }
        return out;
    }

    /** The type as the model's DDL writes it for PostgreSQL (see {@code SqlTypes}), before normalising. */
    static String type(String formatted, List<String> enumLabels) {
        if (enumLabels != null) {
            StringJoiner j = new StringJoiner(",", "enum(", ")");
            for (String label : enumLabels) {
                // Escaped as MySQL writes labels, so that one reading serves every database.
                j.add("'" + label.replace("\\", "\\\\").replace("'", "''") + "'");
            }
            return j.toString();
        }
        String t = formatted.toLowerCase(Locale.ROOT);
        boolean zoned = t.endsWith(" with time zone");
        t = t.replace(" without time zone", "").replace(" with time zone", "");
        // Without digits a PostgreSQL time or timestamp keeps microseconds.
        if (t.equals("timestamp") || t.equals("time")) {
            t = t + "(6)";
        }
        return zoned ? t + " with time zone" : t;
    }

    // A cast PostgreSQL adds: ::integer, ::character varying(10), ::"pets_mood", ::timestamp without time zone.
    private static final Pattern CAST = Pattern.compile(
            "::(?:\"(?:[^\"]|\"\")+\"|[a-z_][\\w$]*)(?:\\.(?:\"(?:[^\"]|\"\")+\"|[a-z_][\\w$]*))?"
                    + "(?:\\(\\d+(?:,\\d+)?\\))?(?: (?:varying|precision|with(?:out)? time zone))*"
                    + "(?:\\(\\d+(?:,\\d+)?\\))?(?:\\[])?");
    private static final Pattern PARENTHESISED_NUMBER = Pattern.compile("(?<![\\w)])\\((-?\\d+(?:\\.\\d+)?)\\)");
    private static final Pattern QUOTED_NUMBER = Pattern.compile("^'([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)'$");

    /**
     * A default as {@link Normalizer#defaultValue} reads it: the casts PostgreSQL adds are dropped outside quoted
     * text ({@code 'x'::character varying} is {@code 'x'}, {@code extract(day from current_date) * (2)::numeric} is
     * {@code extract(day from current_date) * 2}), and a number it keeps quoted ({@code '-7'::smallint}) is the
     * number.
     */
    static String defaultValue(String raw, boolean numeric) {
        return defaultValue(raw, numeric, true);
    }

    /**
     * A default as {@link #defaultValue(String, boolean)} reads it, from a session whose standard_conforming_strings
     * is {@code standardStrings}: off, the server shows each backslash of a literal twice, read here as one.
     */
    static String defaultValue(String raw, boolean numeric, boolean standardStrings) {
        if (raw == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            int quote = raw.indexOf('\'', i);
            int end = quote < 0 ? raw.length() : quote;
            String code = CAST.matcher(raw.substring(i, end)).replaceAll("");
            sb.append(PARENTHESISED_NUMBER.matcher(code).replaceAll("$1"));
            if (quote < 0) {
                break;
            }
            // A quoted literal, '' inside it a quote, copied as it is.
            int close = quote + 1;
            while (close < raw.length() && (raw.charAt(close) != '\'' || close + 1 < raw.length()
                    && raw.charAt(close + 1) == '\'')) {
                close += raw.charAt(close) == '\'' ? 2 : 1;
            }
            String literal = raw.substring(quote, Math.min(close + 1, raw.length()));
            sb.append(standardStrings ? literal : literal.replace("\\\\", "\\"));
            i = close + 1;
        }
        String d = sb.toString().trim();
        Matcher number = QUOTED_NUMBER.matcher(d);
        if (numeric && number.matches()) {
            d = number.group(1);
        }
        return Normalizer.defaultValue(d);
    }

    private static String action(String code) {
        return Normalizer.action(switch (code) {
            case "r" -> "RESTRICT";
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            default -> "NO ACTION";
        });
    }

    private static List<String> names(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            out.add(o.toString().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    @Override
    public String tableName(Connection c, String schema, String name) throws SQLException {
        return TableLookup.matching(c, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = COALESCE(?, current_schema()) AND c.relkind IN ('r', 'p')"
                + " AND lower(c.relname) = lower(?)", schema, name);
    }
}
