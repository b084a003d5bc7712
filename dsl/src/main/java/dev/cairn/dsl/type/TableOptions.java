package dev.cairn.dsl.type;

import java.util.Locale;
import java.util.function.Function;

/**
 * A table's comment, default character set and collation, declared in the table's constructor:
 * {@code options().comment("Pets we look after").charset("utf8mb4").collation("utf8mb4_unicode_ci")}. What is not
 * declared is left as the database has it. Schema sync compares what is declared; the character set and collation
 * are MySQL/MariaDB's (H2 has one collation for the whole database and ignores them), the comment is kept on H2 too.
 * The table's default character set and collation apply to columns added later; they do not convert the columns
 * there are.
 */
public final class TableOptions {
    private final Runnable checkBuilding;
    private final Function<String, RuntimeException> problem;
    private String charset;
    private String collation;
    private String comment;

    /**
     * @param checkBuilding throws unless the table is still being defined
     * @param problem       makes the exception for a bad declaration, naming the table
     */
    public TableOptions(Runnable checkBuilding, Function<String, RuntimeException> problem) {
        this.checkBuilding = checkBuilding;
        this.problem = problem;
    }

    /** The table's comment, up to 2,048 characters. */
    public TableOptions comment(String text) {
        checkBuilding.run();
        String problem = problemWithComment(text, 2048);
        if (problem != null) {
            throw this.problem.apply(problem);
        }
        comment = text;
        return this;
    }

    /** The table's default character set, such as {@code utf8mb4}. */
    public TableOptions charset(String name) {
        checkBuilding.run();
        charset = checked(name, "character set", name, collation);
        return this;
    }

    /** The table's default collation, such as {@code utf8mb4_unicode_ci}. */
    public TableOptions collation(String name) {
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
        String problem = problemWith(name, what, set, coll);
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
}
