package dev.cairn.dsl.type;

import java.util.Locale;
import java.util.function.Function;

/**
 * The comment, character set and collation of a table (its defaults, declared in the table's constructor:
 * {@code options().comment("Pets we look after").charset("utf8mb4").collation("utf8mb4_unicode_ci")}) or of a text
 * column ({@code varchar("name", 50).collation("utf8mb4_bin").comment("display name")}). What is not declared is
 * left as the database has it. Schema sync compares what is declared; the character set and collation are
 * MySQL/MariaDB's (H2 has one collation for the whole database and ignores them), the comment is kept on H2 too.
 * A table's default character set and collation apply to columns added later; they do not convert the columns
 * there are.
 */
public final class TextOptions {
    private final Runnable checkBuilding;
    private final Function<String, RuntimeException> problem;
    private final int maxComment;
    private final String noCharset;
    private String charset;
    private String collation;
    private String comment;

    /** The options of a table: a comment of up to 2,048 characters, default character set and collation. */
    public TextOptions(Runnable checkBuilding, Function<String, RuntimeException> problem) {
        this(checkBuilding, problem, 2048, null);
    }

    /**
     * @param checkBuilding throws unless the table is still being defined
     * @param problem       makes the exception for a bad declaration, naming the table (and column)
     * @param maxComment    the longest comment MySQL takes: 2,048 characters for a table, 1,024 for a column
     * @param noCharset     why the owner has no character set or collation (a column's non-text type), or null
     */
    public TextOptions(Runnable checkBuilding, Function<String, RuntimeException> problem, int maxComment,
                       String noCharset) {
        this.checkBuilding = checkBuilding;
        this.problem = problem;
        this.maxComment = maxComment;
        this.noCharset = noCharset;
    }

    /** The comment. */
    public TextOptions comment(String text) {
        checkBuilding.run();
        String problem = problemWithComment(text, maxComment);
        if (problem != null) {
            throw this.problem.apply(problem);
        }
        comment = text;
        return this;
    }

    /** The character set (a table's default), such as {@code utf8mb4}. */
    public TextOptions charset(String name) {
        checkBuilding.run();
        charset = checked(name, "character set", name, collation);
        return this;
    }

    /** The collation (a table's default), such as {@code utf8mb4_unicode_ci}. */
    public TextOptions collation(String name) {
        checkBuilding.run();
        collation = checked(name, "collation", charset, name);
        return this;
    }

    /** The declared comment, or {@code null}. */
    public String comment() {
        return comment;
    }

    /** The declared default character set, or {@code null}. */
    public String charset() {
        return charset;
    }

    /** The declared default collation, or {@code null}. */
    public String collation() {
        return collation;
    }

    private String checked(String name, String what, String set, String coll) {
        String problem = noCharset != null ? "only text, enum and set columns have a " + what + ", not " + noCharset
                : problemWith(name, what, set, coll);
        if (problem != null) {
            throw this.problem.apply(problem);
        }
        return name;
    }

    /** What is wrong with {@code text} as a comment of at most {@code max} characters, or {@code null}. */
    public static String problemWithComment(String text, int max) {
        if (text == null) {
            return "a comment must not be null";
        }
        return text.length() > max ? "a comment holds at most " + max + " characters, got " + text.length() : null;
    }

    /**
     * What is wrong with {@code name} as a character set or collation ({@code what}) beside the character set
     * {@code set} and collation {@code coll} declared with it, or {@code null}.
     */
    public static String problemWith(String name, String what, String set, String coll) {
        if (name == null || !name.matches("[A-Za-z0-9_]{1,64}")) {
            return what + " '" + name + "' is not a name of letters, digits and '_'";
        }
        if (set != null && coll != null
                && !coll.toLowerCase(Locale.ROOT).startsWith(set.toLowerCase(Locale.ROOT) + "_")) {
            return "collation " + coll + " does not belong to character set " + set;
        }
        return null;
    }

    /** The collation in effect for a column: its own if declared, else its table's default; {@code null} if neither. */
    public static String collationOf(TextOptions column, TextOptions table) {
        return column.collation != null ? column.collation : table.collation;
    }
}
