package dev.cairn.dialect.render;

import dev.cairn.dsl.Expression.Call;
import dev.cairn.dsl.type.ColumnType;

/**
 * PostgreSQL's SQL for the scalar functions whose standard form (as H2 takes it) means something else there:
 * {@code EXTRACT} gives a number with the second's fraction, which MySQL's {@code SECOND()} has not; date arithmetic
 * is with intervals; the days between two dates are their difference. The others are left to {@link CallSql}.
 */
final class PostgresCalls {
    private PostgresCalls() {
    }

    /** The SQL template of the call, or {@code null} where {@link CallSql}'s standard form serves. */
    static String sql(Call<?> c, int operands) {
        return switch (c.fn()) {
            case YEAR, MONTH, DAY, HOUR, MINUTE -> "CAST(EXTRACT(" + c.fn().name() + " FROM {0}) AS INTEGER)";
            case SECOND -> "CAST(FLOOR(EXTRACT(SECOND FROM {0})) AS INTEGER)";
            case DATE_ADD -> shifted(c, "+");
            case DATE_SUB -> shifted(c, "-");
            case DATEDIFF -> "(CAST({0} AS DATE) - CAST({1} AS DATE))";
            case CONCAT -> operands == 1 ? "CAST({0} AS TEXT)" : "(" + CallSql.list(operands, " || ") + ")";
            default -> null;
        };
    }

    // A date moved by days or more stays a date, as MySQL's DATE_ADD keeps it; date + interval is a timestamp.
    private static String shifted(Call<?> c, String sign) {
        String sql = "({0} " + sign + " {1} * INTERVAL '1 " + c.unit().name() + "')";
        return c.type().kind() == ColumnType.Kind.DATE ? "CAST(" + sql + " AS DATE)" : sql;
    }
}
