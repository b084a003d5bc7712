package dev.cairn.dialect.sql;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.type.ColumnType;
import java.util.regex.Pattern;

/**
 * A model's expression default as a database runs it, both in DDL and where Cairn evaluates it itself (the keys an
 * insert draws before writing). Models name MySQL's functions; PostgreSQL has other names for them: {@code uuid()}
 * is {@code gen_random_uuid()} (PostgreSQL 13), {@code curdate()} {@code CURRENT_DATE}, {@code curtime()}
 * {@code LOCALTIME}, {@code current_user()} {@code CURRENT_USER}, {@code now(3)} {@code LOCALTIMESTAMP(3)} for a
 * date-time and {@code CURRENT_TIMESTAMP(3)} for a timestamp; MySQL's UUID as 16 bytes,
 * {@code unhex(replace(uuid(),'-',''))} or {@code uuid_to_bin(uuid())}, is {@code uuid_send(gen_random_uuid())},
 * and as 32 hex digits, {@code replace(uuid(),'-','')}, {@code encode(uuid_send(gen_random_uuid()),'hex')}. H2 and
 * MySQL/MariaDB take the text as it is.
 */
public final class ExpressionDefaults {
    private static final Pattern UUID_FN = Pattern.compile("\\buuid\\(\\)", Pattern.CASE_INSENSITIVE);
    private static final String UUID_HEX_TEXT = "replace\\(\\s*uuid\\(\\)\\s*,\\s*'-'\\s*,\\s*''\\s*\\)";
    private static final Pattern UUID_HEX = Pattern.compile("\\b" + UUID_HEX_TEXT, Pattern.CASE_INSENSITIVE);
    private static final Pattern UUID_BYTES = Pattern.compile(
            "\\b(?:unhex\\(\\s*" + UUID_HEX_TEXT + "\\s*\\)|uuid_to_bin\\(\\s*uuid\\(\\)\\s*\\))", Pattern.CASE_INSENSITIVE);
    private static final Pattern CURDATE = Pattern.compile("\\bcurdate\\(\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CURTIME = Pattern.compile("\\bcurtime\\(\\)", Pattern.CASE_INSENSITIVE);
    // The standard's CURRENT_USER is a keyword without parentheses in PostgreSQL.
    private static final Pattern CURRENT_USER = Pattern.compile("\\bcurrent_user\\(\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOW_DIGITS = Pattern.compile("\\bnow\\((\\d+)\\)", Pattern.CASE_INSENSITIVE);

    private ExpressionDefaults() {
    }

    /** The expression {@code sql}, a default of a column of {@code type}, as {@code dialect} runs it. */
    public static String of(String sql, ColumnType<?> type, Dialect dialect) {
        if (!dialect.isPostgres()) {
            return sql;
        }
        // MySQL's idioms for a UUID as 16 bytes and as 32 hex digits: PostgreSQL has both without a cast.
        String s = UUID_BYTES.matcher(sql).replaceAll("uuid_send(gen_random_uuid())");
        s = UUID_HEX.matcher(s).replaceAll("encode(uuid_send(gen_random_uuid()),'hex')");
        s = UUID_FN.matcher(s).replaceAll("gen_random_uuid()");
        s = CURDATE.matcher(s).replaceAll("CURRENT_DATE");
        s = CURTIME.matcher(s).replaceAll("LOCALTIME");
        s = CURRENT_USER.matcher(s).replaceAll("CURRENT_USER");
        String now = type.kind() == ColumnType.Kind.TIMESTAMP ? "CURRENT_TIMESTAMP" : "LOCALTIMESTAMP";
        return NOW_DIGITS.matcher(s).replaceAll(now + "($1)");
    }
}
