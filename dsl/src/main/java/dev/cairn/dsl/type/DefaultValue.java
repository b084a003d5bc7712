package dev.cairn.dsl.type;

import java.util.Objects;

/**
 * A column's default: a literal value, or the current time for date-time columns. Literal values are rendered by
 * the dialect as SQL literals when the table is created; they come only from the model, never from user input.
 */
public final class DefaultValue {
    private static final DefaultValue NOW = new DefaultValue(null, true);

    private final Object literal;
    private final boolean currentTimestamp;

    private DefaultValue(Object literal, boolean currentTimestamp) {
        this.literal = literal;
        this.currentTimestamp = currentTimestamp;
    }

    /** A literal default, in the column's Java type. */
    public static DefaultValue literal(Object value) {
        return new DefaultValue(Objects.requireNonNull(value, "default value"), false);
    }

    /** The current date and time. */
    public static DefaultValue now() {
        return NOW;
    }

    /** Whether the default is the current date and time. */
    public boolean isCurrentTimestamp() {
        return currentTimestamp;
    }

    /** The literal default in the column's Java type; {@code null} for {@link #isCurrentTimestamp()}. */
    public Object literal() {
        return literal;
    }

    @Override
    public String toString() {
        return currentTimestamp ? "CURRENT_TIMESTAMP" : String.valueOf(literal);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DefaultValue d && currentTimestamp == d.currentTimestamp && Objects.equals(literal, d.literal);
    }

    @Override
    public int hashCode() {
        return Objects.hash(literal, currentTimestamp);
    }
}
