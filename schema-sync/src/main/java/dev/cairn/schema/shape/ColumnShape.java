package dev.cairn.schema.shape;

import java.util.Objects;

/**
 * A column as schema sync compares it, normalised so that what is equal in the database compares equal: the type in
 * canonical text ({@code int}, {@code varchar(255)}, {@code enum('A','B')}), the default as {@link Normalizer} puts
 * it ({@code 'open'}, {@code 1}, {@code now}, {@code uuid()}), the flags, and the character set, collation and
 * comment. In a desired shape a {@code null} character set, collation or comment is one the model does not declare:
 * it is not compared, and the live one is kept.
 */
public record ColumnShape(String name, String type, boolean nullable, String defaultValue, boolean autoIncrement,
                          boolean onUpdateNow, String charset, String collation, String comment) {

    /** A column without character set, collation or comment. */
    public ColumnShape(String name, String type, boolean nullable, String defaultValue, boolean autoIncrement,
                       boolean onUpdateNow) {
        this(name, type, nullable, defaultValue, autoIncrement, onUpdateNow, null, null, null);
    }

    /** What differs from {@code other}, in words, or an empty string. */
    public String differences(ColumnShape other) {
        StringBuilder sb = new StringBuilder();
        if (!type.equals(other.type)) {
            sb.append("type ").append(other.type).append(" -> ").append(type).append("; ");
        }
        if (nullable != other.nullable) {
            sb.append(nullable ? "NOT NULL -> NULL; " : "NULL -> NOT NULL; ");
        }
        if (!Objects.equals(defaultValue, other.defaultValue)) {
            sb.append("default ").append(other.defaultValue == null ? "none" : other.defaultValue).append(" -> ")
                    .append(defaultValue == null ? "none" : defaultValue).append("; ");
        }
        if (autoIncrement != other.autoIncrement) {
            sb.append(autoIncrement ? "auto-increment added; " : "auto-increment removed; ");
        }
        if (onUpdateNow != other.onUpdateNow) {
            sb.append(onUpdateNow ? "on update now added; " : "on update now removed; ");
        }
        if (charsetDiffers(other)) {
            sb.append("character set ").append(other.charset).append(" -> ").append(charset).append("; ");
        }
        if (collationDiffers(other)) {
            sb.append("collation ").append(other.collation).append(" -> ").append(collation).append("; ");
        }
        if (comment != null && !comment.equals(other.comment)) {
            sb.append("comment '").append(other.comment == null ? "" : other.comment).append("' -> '").append(comment)
                    .append("'; ");
        }
        return sb.length() == 0 ? "" : sb.substring(0, sb.length() - 2);
    }

    /** Whether this (desired) column declares a character set other than {@code other}'s. */
    public boolean charsetDiffers(ColumnShape other) {
        return charset != null && !charset.equalsIgnoreCase(String.valueOf(other.charset));
    }

    /** Whether this (desired) column declares a collation other than {@code other}'s. */
    public boolean collationDiffers(ColumnShape other) {
        return collation != null && !collation.equalsIgnoreCase(String.valueOf(other.collation));
    }
}
