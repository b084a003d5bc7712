package dev.cairn.schema.shape;

/**
 * A column as schema sync compares it, normalised so that what is equal in the database compares equal: the type in
 * canonical text ({@code int}, {@code varchar(255)}, {@code enum('A','B')}), the default as its value
 * ({@code open}, {@code 1}) or {@code now}, and the flags.
 */
public record ColumnShape(String name, String type, boolean nullable, String defaultValue, boolean autoIncrement,
                          boolean onUpdateNow) {

    /** What differs from {@code other}, in words, or an empty string. */
    public String differences(ColumnShape other) {
        StringBuilder sb = new StringBuilder();
        if (!type.equals(other.type)) {
            sb.append("type ").append(other.type).append(" -> ").append(type).append("; ");
        }
        if (nullable != other.nullable) {
            sb.append(nullable ? "NOT NULL -> NULL; " : "NULL -> NOT NULL; ");
        }
        if (!java.util.Objects.equals(defaultValue, other.defaultValue)) {
            sb.append("default ").append(other.defaultValue == null ? "none" : other.defaultValue).append(" -> ")
                    .append(defaultValue == null ? "none" : defaultValue).append("; ");
        }
        if (autoIncrement != other.autoIncrement) {
            sb.append(autoIncrement ? "auto-increment added; " : "auto-increment removed; ");
        }
        if (onUpdateNow != other.onUpdateNow) {
            sb.append(onUpdateNow ? "on update now added; " : "on update now removed; ");
        }
        return sb.length() == 0 ? "" : sb.substring(0, sb.length() - 2);
    }
}
