package dev.cairn.dialect.render;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.Condition.Match;
import dev.cairn.dsl.Expression.Call;
import dev.cairn.dsl.type.ColumnType;
import java.util.List;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.impl.DSL;

/**
 * The SQL of each scalar function and of full-text search, per database, written so that a function means the same
 * on each: MySQL/MariaDB's own functions, and on H2 the standard forms of the same meaning ({@code EXTRACT},
 * {@code DATEADD}, {@code ||}, which like MySQL's {@code CONCAT} gives null for a null part). Names of functions and
 * units come from the model's enums; operands are the walk's fields, so values stay placeholders.
 */
final class CallSql {
    private CallSql() {
    }

    /** The jOOQ field of a call, given its operands' fields in order. */
    static Field<Object> call(Dialect d, Call<?> c, List<Field<Object>> a, DataType<Object> type) {
        boolean my = d.isMySqlFamily();
        QueryPart[] parts = a.toArray(new QueryPart[0]);
        String sql = d.isPostgres() ? PostgresCalls.sql(c, a.size()) : null;
        if (sql != null) {
            return DSL.field(sql, type, parts);
        }
        sql = switch (c.fn()) {
            case YEAR, MONTH, DAY, HOUR, MINUTE, SECOND -> my ? c.fn().name() + "({0})"
                    : "EXTRACT(" + c.fn().name() + " FROM {0})";
            // H2 sessions run in UTC (as MySQL/MariaDB's do), so a timestamp's date is its UTC date on both.
            case DATE -> my ? "DATE({0})" : "CAST({0} AS DATE)";
            case DATE_ADD -> my ? "DATE_ADD({0}, INTERVAL {1} " + c.unit().name() + ")"
                    : "DATEADD(" + c.unit().name() + ", {1}, {0})";
            case DATE_SUB -> my ? "DATE_SUB({0}, INTERVAL {1} " + c.unit().name() + ")"
                    : "DATEADD(" + c.unit().name() + ", -{1}, {0})";
            // MySQL's DATEDIFF counts the days between the two dates; H2's counts day boundaries crossed: the same.
            case DATEDIFF -> my ? "DATEDIFF({0}, {1})" : "DATEDIFF(DAY, {1}, {0})";
            case NOW -> "CURRENT_TIMESTAMP(6)";
            case CURRENT_DATE -> "CURRENT_DATE";
            case CONCAT -> my ? "CONCAT(" + list(a.size(), ", ") + ")"
                    : a.size() == 1 ? "({0} || '')" : "(" + list(a.size(), " || ") + ")";
            case SUBSTRING -> "SUBSTRING(" + list(a.size(), ", ") + ")";
            case CHAR_LENGTH -> "CHAR_LENGTH({0})";
            case TRIM -> "TRIM({0})";
            case REPLACE -> "REPLACE({0}, {1}, {2})";
            case COALESCE -> "COALESCE(" + list(a.size(), ", ") + ")";
            case NULLIF -> "NULLIF({0}, {1})";
            case CAST -> "CAST({0} AS " + castType(d, c.type()) + ")";
        };
        return DSL.field(sql, type, parts);
    }

    /** {@code MATCH(columns) AGAINST(text mode)}: the columns' fields, then the text's. */
    static String match(Dialect d, Match m) {
        if (!d.isMySqlFamily()) {
            // PostgreSQL's own search parses, stems and ranks otherwise: the same words would find other rows.
            throw new UnsupportedSqlException("Full-text search (match(...).against(...)) needs MySQL or MariaDB: " + d
                    + " has no MATCH ... AGAINST, and no search of the same meaning" + (d.isPostgres()
                    ? " (to_tsvector/to_tsquery parse, stem and rank differently; write such a search as a raw"
                    + " condition)" : ""));
        }
        int n = m.columns().size();
        String mode = switch (m.mode()) {
            case NATURAL_LANGUAGE -> " IN NATURAL LANGUAGE MODE";
            case BOOLEAN -> " IN BOOLEAN MODE";
            case QUERY_EXPANSION -> " WITH QUERY EXPANSION";
        };
        return "MATCH(" + list(n, ", ") + ") AGAINST({" + n + "}" + mode + ")";
    }

    static String list(int n, String separator) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : separator).append('{').append(i).append('}');
        }
        return sb.toString();
    }

    /** The type named in a CAST: MySQL/MariaDB cast to CHAR and SIGNED where H2 takes the type's own name. */
    private static String castType(Dialect d, ColumnType<?> t) {
        boolean my = d.isMySqlFamily();
        return switch (t.kind()) {
            case VARCHAR, CHAR, TEXT, LONGTEXT -> my ? "CHAR" : "VARCHAR";
            case SMALLINT -> my ? "SIGNED" : "SMALLINT";
            case INT -> my ? "SIGNED" : "INTEGER";
            case BIGINT -> my ? "SIGNED" : "BIGINT";
            case DECIMAL -> (my ? "DECIMAL(" : "NUMERIC(") + t.precision() + "," + t.scale() + ")";
            case DOUBLE -> my ? "DOUBLE" : "DOUBLE PRECISION";
            case DATE -> "DATE";
            case DATETIME -> (my ? "DATETIME(" : "TIMESTAMP(") + t.precision() + ")";
            case TIME -> "TIME(" + t.precision() + ")";
            default -> throw new IllegalArgumentException("No CAST to " + t);
        };
    }

    /** Whether operand {@code i} of the call is text (a CHAR column's padding is then dropped on H2, as MySQL does). */
    static boolean isText(Call<?> c, int i) {
        return switch (c.fn()) {
            case CONCAT, CHAR_LENGTH, TRIM -> true;
            case SUBSTRING, REPLACE -> i == 0;
            default -> false;
        };
    }
}
