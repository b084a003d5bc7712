package dev.cairn.dialect.sql;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.type.ColumnType;
import java.util.regex.Pattern;

/**
 * A model's expression default as a database runs it, both in DDL and where Cairn evaluates it itself (the keys an
 * insert draws before writing). Models name MySQL's functions; PostgreSQL has other names for them: {@code uuid()}
 * is {@code gen_random_uuid()} (PostgreSQL 13), {@code curdate()} {@code CURRENT_DATE}, {@code curtime()}
 * {@code LOCALTIME}, {@code now(3)} {@code LOCALTIMESTAMP(3)} for a date-time and {@code CURRENT_TIMESTAMP(3)} for a
 * timestamp. H2 and MySQL/MariaDB take the text as it is.
 */
public final class ExpressionDefaults {
    private static final Pattern UUID_FN = Pattern.compile("\\buuid\\(\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CURDATE = Pattern.compile("\\bcurdate\\(\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CURTIME = Pattern.compile("\\bcurtime\\(\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOW_DIGITS = Pattern.compile("\\bnow\\((\\d+)\\)", Pattern.CASE_INSENSITIVE);

    private ExpressionDefaults() {
    }

    /** The expression {@code sql}, a default of a column of {@code type}, as {@code dialect} runs it. */
    public static String of(String sql, ColumnType<?> type, Dialect dialect) {
        if (!dialect.isPostgres()) {
            return sql;
        }
        String s = UUID_FN.matcher(sql).replaceAll("gen_random_uuid()");
        s = CURDATE.matcher(s).replaceAll("CURRENT_DATE");
        s = CURTIME.matcher(s).replaceAll("LOCALTIME");
        String now = type.kind() == ColumnType.Kind.TIMESTAMP ? "CURRENT_TIMESTAMP" : "LOCALTIMESTAMP";
        return NOW_DIGITS.matcher(s).replaceAll(now + "($1)");
    }
}
