package dev.cairn.dsl.type;

import java.util.Objects;

/**
 * A column's default: a literal value, the current time, or an SQL expression written in the model. Literal values
 * are rendered by the dialect as SQL literals when the table is created; expressions are SQL text that comes only
 * from the model, never from user input or values.
 */
public final class DefaultValue {
    /** What a default is. */
    public enum Kind {
        /** A value in the column's Java type, rendered as an SQL literal. */
        LITERAL,
        /** The current date and time ({@code CURRENT_TIMESTAMP}, to the column's fractional digits). */
        NOW,
        /** SQL text from the model, such as {@code uuid()} or {@code (price * 2)}, written for the database in use. */
        EXPRESSION
    }

    private static final DefaultValue NOW = new DefaultValue(Kind.NOW, null);

    private final Kind kind;
    private final Object value;

    private DefaultValue(Kind kind, Object value) {
        this.kind = kind;
        this.value = value;
    }

    /** A literal default, in the column's Java type. */
    public static DefaultValue literal(Object value) {
        return new DefaultValue(Kind.LITERAL, Objects.requireNonNull(value, "default value"));
    }

    /** The current date and time. */
    public static DefaultValue now() {
        return NOW;
    }

    /**
     * An SQL expression, rendered as written. The text comes from the model; {@link #problemWithExpression} tells
     * what is wrong with it, if anything can be seen without the database.
     */
    public static DefaultValue expression(String sql) {
        return new DefaultValue(Kind.EXPRESSION, Objects.requireNonNull(sql, "sql").trim());
    }

    /**
     * What is wrong with {@code sql} as a default expression, or {@code null}: blank text, unbalanced quotes or
     * parentheses, and a second statement or a comment (which would cut the DDL it is rendered into short).
     */
    public static String problemWithExpression(String sql) {
        if (sql == null || sql.isBlank()) {
            return "a default expression must not be blank";
        }
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (quote != 0) {
                if (ch == '\\' && quote == '\'') {
                    i++;
                } else if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"' || ch == '`') {
                quote = ch;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth < 0) {
                break;
            } else if (ch == ';' || ch == '#' || sql.startsWith("--", i) || sql.startsWith("/*", i)) {
                return "default expression " + sql + " holds " + (ch == ';' ? "a ';'" : "a comment")
                        + "; write one SQL expression";
            }
        }
        if (quote != 0 || depth != 0) {
            return "default expression " + sql + " has unbalanced " + (quote != 0 ? "quotes" : "parentheses");
        }
        if (!sql.replaceAll("'(?:[^'\\\\]|''|\\\\.)*'", "").matches(".*[A-Za-z_].*")) {
            return "default expression " + sql + " is a constant; declare it with defaultValue(...): H2 stores a"
                    + " constant expression folded into its value, so it would never compare equal there";
        }
        return null;
    }

    /** What this default is. */
    public Kind kind() {
        return kind;
    }

    /** Whether the default is the current date and time. */
    public boolean isCurrentTimestamp() {
        return kind == Kind.NOW;
    }

    /** The literal default in the column's Java type; {@code null} unless {@link #kind()} is {@code LITERAL}. */
    public Object literal() {
        return kind == Kind.LITERAL ? value : null;
    }

    /** The SQL text of an {@code EXPRESSION} default, as the model wrote it; {@code null} for other kinds. */
    public String expression() {
        return kind == Kind.EXPRESSION ? (String) value : null;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case LITERAL -> String.valueOf(value);
            case NOW -> "CURRENT_TIMESTAMP";
            case EXPRESSION -> (String) value;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DefaultValue d && kind == d.kind && Objects.equals(value, d.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, value);
    }
}
