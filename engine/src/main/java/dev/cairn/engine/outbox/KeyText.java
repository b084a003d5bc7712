package dev.cairn.engine.outbox;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.PrimaryKey;
import dev.cairn.dsl.Table;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A row's key as text in the outbox, read back to the key columns' Java types: a one-column key is its value's text
 * (ISO-8601 for dates and times, the name of an enum constant, Base64 for bytes); the parts of a key of several
 * columns are joined by commas, a comma or backslash in a part escaped by a backslash. Column names are listed the
 * same way.
 */
public final class KeyText {
    private KeyText() {
    }

    /** The key as text, or {@code null} for none. */
    public static String encode(Object key) {
        if (key == null) {
            return null;
        }
        if (key instanceof List<?> parts) {
            List<String> texts = new ArrayList<>(parts.size());
            for (Object part : parts) {
                texts.add(text(part));
            }
            return join(texts);
        }
        return text(key);
    }

    /**
     * The key {@code text} names in {@code table}: one value, or a list in key order for a key of several columns;
     * {@code null} for {@code null} text or a table without a primary key.
     */
    public static Object decode(Table<?, ?> table, String text) {
        PrimaryKey pk = table.primaryKey();
        if (text == null || pk == null) {
            return null;
        }
        List<Column<?>> columns = pk.columns();
        if (columns.size() == 1) {
            return value(columns.get(0), text);
        }
        List<String> parts = split(text);
        if (parts.size() != columns.size()) {
            throw new IllegalArgumentException("The outbox key '" + text + "' of table '" + table.name() + "' has "
                    + parts.size() + " part(s); its primary key has " + columns.size() + " column(s)");
        }
        List<Object> key = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            key.add(value(columns.get(i), parts.get(i)));
        }
        return List.copyOf(key);
    }

    /** Texts joined by commas, each comma and backslash in them escaped. */
    public static String join(List<String> texts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(texts.get(i).replace("\\", "\\\\").replace(",", "\\,"));
        }
        return sb.toString();
    }

    /** The texts {@link #join} joined; an empty string is no texts. */
    public static List<String> split(String joined) {
        List<String> parts = new ArrayList<>();
        if (joined.isEmpty()) {
            return parts;
        }
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < joined.length(); i++) {
            char ch = joined.charAt(i);
            if (ch == '\\' && i + 1 < joined.length()) {
                part.append(joined.charAt(++i));
            } else if (ch == ',') {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(ch);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return String.valueOf(value);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(Column<?> column, String text) {
        Class<?> type = column.type().javaType();
        try {
            if (type == Long.class) {
                return Long.valueOf(text);
            } else if (type == Integer.class) {
                return Integer.valueOf(text);
            } else if (type == Short.class) {
                return Short.valueOf(text);
            } else if (type == Byte.class) {
                return Byte.valueOf(text);
            } else if (type == Float.class) {
                return Float.valueOf(text);
            } else if (type == Year.class) {
                return Year.parse(text);
            } else if (type == BigDecimal.class) {
                return new BigDecimal(text);
            } else if (type == BigInteger.class) {
                return new BigInteger(text);
            } else if (type == Double.class) {
                return Double.valueOf(text);
            } else if (type == Boolean.class) {
                return Boolean.valueOf(text);
            } else if (type == UUID.class) {
                return UUID.fromString(text);
            } else if (type == LocalDate.class) {
                return LocalDate.parse(text);
            } else if (type == LocalDateTime.class) {
                return LocalDateTime.parse(text);
            } else if (type == LocalTime.class) {
                return LocalTime.parse(text);
            } else if (type == Instant.class) {
                return Instant.parse(text);
            } else if (type == OffsetDateTime.class) {
                return OffsetDateTime.parse(text);
            } else if (type == byte[].class) {
                return Base64.getDecoder().decode(text);
            } else if (type.isEnum()) {
                return Enum.valueOf((Class) type, text);
            }
            return text;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The outbox key part '" + text + "' is not a " + type.getSimpleName()
                    + " for column '" + column.table().name() + "." + column.name() + "'", e);
        }
    }
}
