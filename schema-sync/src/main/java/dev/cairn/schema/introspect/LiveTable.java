package dev.cairn.schema.introspect;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.ColumnType;
import dev.cairn.dsl.type.DefaultValue;
import dev.cairn.schema.shape.ColumnShape;
import dev.cairn.schema.shape.IndexShape;
import dev.cairn.schema.shape.TableShape;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table of {@link Row}s declared from the live database rather than from code: its columns, types, nullability,
 * auto-increment, defaults, primary key and unique keys as the database reports them. ENUM and SET columns are
 * {@code String} columns (a varchar as long as the longest value, so that they keep their default) whose
 * {@link #labels labels} are kept. Foreign keys, indexes and checks are left out: the
 * table is for reading and writing rows, not for schema sync.
 */
public final class LiveTable extends Table<Row, Object> {
    private static final Pattern SIZED = Pattern.compile("^([a-z ]+)\\((\\d+)(?:,(\\d+))?\\)(.*)$");
    /** The longest part of a caller's name that messages repeat. */
    private static final int SHOWN = 64;

    private static final int POSTGRES_LARGEST = (1 << 30) - 1;
    private final Map<Column<?>, List<String>> labels = new HashMap<>();
    private final Set<Column<?>> sets = new HashSet<>();

    // Package-private so that the mapping of each reported type can be tested without a database.
    LiveTable(TableShape shape, boolean mySql) {
        super(shape.qualifiedName(), Row.class);
        Set<String> keyed = new HashSet<>(shape.primaryKey());
        shape.indexes().values().stream().filter(IndexShape::unique).forEach(i -> keyed.addAll(i.columns()));
        List<Column<?>> byPosition = new ArrayList<>();
        for (ColumnShape c : shape.columns()) {
            byPosition.add(column(c, mySql, !mySql && keyed.contains(c.name())));
        }
        if (!shape.primaryKey().isEmpty()) {
            primaryKey(columnsNamed(byPosition, shape.primaryKey()));
        }
        for (IndexShape index : shape.indexes().values()) {
            if (index.unique()) {
                unique(index.name(), columnsNamed(byPosition, index.columns()));
            }
        }
    }

    /**
     * The live table {@code name} (in any case) of the connection's current database, or {@code schema.name} of
     * another schema; throws when there is none. The name is looked up by itself first, so a name that is not a
     * table costs one query, not a schema read.
     */
    public static LiveTable read(Connection connection, Dialect dialect, String name) throws SQLException {
        String stored = storedName(connection, dialect, name);
        int dot = stored.indexOf('.');
        String schema = dot < 0 ? null : stored.substring(0, dot);
        TableShape shape = Introspector.of(dialect)
                .read(connection, schema == null ? List.of() : List.of(schema)).table(schema, stored.substring(dot + 1));
        if (shape == null) {
            throw new IllegalArgumentException("The database has no table '" + shown(name) + "'");
        }
        return new LiveTable(shape, dialect.isMySqlFamily());
    }

    /**
     * The name the database stores the table {@code name} under ({@code schema.table} for a table of another
     * schema): the one spelt alike, else the one equal ignoring case. One query. Throws
     * {@link IllegalArgumentException} when there is no such table.
     */
    public static String storedName(Connection connection, Dialect dialect, String name) throws SQLException {
        int dot = name.indexOf('.');
        String schema = dot < 0 ? null : name.substring(0, dot);
        String stored = Introspector.of(dialect).tableName(connection, schema, name.substring(dot + 1));
        if (stored == null) {
            throw new IllegalArgumentException("The database has no table '" + shown(name) + "'");
        }
        return schema == null ? stored : schema + "." + stored;
    }

    /**
     * A name as messages show it: whole up to 64 characters; longer, its first 64 and its length
     * ({@code "abc... (10000 characters)"}), so that a name from outside cannot make a message of any size.
     */
    public static String shown(String name) {
        if (name.length() <= SHOWN) {
            return name;
        }
        int cut = Character.isHighSurrogate(name.charAt(SHOWN - 1)) ? SHOWN - 1 : SHOWN;
        return name.substring(0, cut) + "... (" + name.length() + " characters)";
    }

    /**
     * The labels of an ENUM or SET column, in the column's order; empty for other columns. (Cairn stores a SET as
     * VARCHAR on H2, where it is a plain text column.) MySQL and MariaDB report a character of four UTF-8 bytes, such
     * as an emoji, as {@code ?}.
     */
    public List<String> labels(Column<?> column) {
        return labels.getOrDefault(column, List.of());
    }

    /** Whether the column is a SET: its value is any number of its labels, joined with commas. */
    public boolean isSet(Column<?> column) {
        return sets.contains(column);
    }

    private static Column<?>[] columnsNamed(List<Column<?>> columns, List<String> names) {
        return names.stream().map(n -> columns.stream().filter(c -> c.name().equalsIgnoreCase(n)).findFirst()
                .orElseThrow()).toArray(Column<?>[]::new);
    }

    /**
     * The column {@code c} reports. A key's column on PostgreSQL ({@code keyed}) may be text or bytea, which a model may
     * not key (MySQL and H2 cannot index them whole): it is read as the varchar or varbinary of PostgreSQL's largest
     * value (1 GiB); a key's values are far shorter anyway, since a B-tree entry holds about 2,700 bytes.
     */
    private Column<?> column(ColumnShape c, boolean mySql, boolean keyed) {
        String type = c.type();
        Matcher m = SIZED.matcher(type);
        String head = m.matches() ? m.group(1).trim() : type.trim();
        int size = m.matches() ? Integer.parseInt(m.group(2)) : -1;
        int scale = m.matches() && m.group(3) != null ? Integer.parseInt(m.group(3)) : 0;
        boolean zoned = type.endsWith(" tz");
        String name = c.name();
        List<String> choices = labelsOf(type);
        Column<?> col = choices != null ? varchar(name, longest(choices, type.startsWith("set(")))
                : keyed && head.equals("text") ? varchar(name, POSTGRES_LARGEST)
                : keyed && head.equals("bytea") ? varbinary(name, POSTGRES_LARGEST)
                : switch (head.replace(" tz", "").replace(" zerofill", "")) {
            case "varchar" -> size > 0 ? varchar(name, size) : text(name);
            case "char" -> size > 0 && size <= 255 ? fixedChar(name, size) : text(name);
            case "tinytext" -> tinyText(name);
            case "text", "clob" -> text(name);
            case "mediumtext" -> mediumText(name);
            case "longtext", "json", "jsonb" -> longText(name);
            case "tinyint" -> tinyint(name);
            case "tinyint unsigned" -> tinyintUnsigned(name);
            case "smallint" -> smallint(name);
            case "smallint unsigned" -> smallintUnsigned(name);
            case "mediumint" -> mediumint(name);
            case "mediumint unsigned" -> mediumintUnsigned(name);
            case "int" -> integer(name);
            case "int unsigned" -> integerUnsigned(name);
            case "bigint" -> bigint(name);
            case "bigint unsigned" -> bigintUnsigned(name);
            case "decimal" -> decimal(name, size > 0 ? size : 10, scale);
            // MySQL reports REAL as double; H2's REAL is a 4-byte float.
            case "float", "real" -> singlePrecision(name);
            case "double", "decfloat" -> doublePrecision(name);
            case "year" -> year(name);
            // BIT(1) is how many schemas store a flag; wider BITs are bit fields.
            case "bit" -> size > 1 ? bit(name, size) : bool(name);
            case "boolean" -> bool(name);
            case "date" -> date(name);
            case "datetime" -> precise(datetime(name), size);
            // MySQL's TIMESTAMP is a point in time (kept in UTC); H2's without time zone is a local date-time.
            case "timestamp" -> zoned || mySql ? precise(timestamp(name), size) : precise(datetime(name), size);
            case "time" -> precise(time(name), size);
            case "uuid" -> uuid(name);
            case "binary" -> size > 0 && size <= 255 ? binary(name, size) : blob(name);
            case "varbinary" -> size > 0 ? varbinary(name, size) : blob(name);
            case "tinyblob" -> tinyBlob(name);
            case "blob" -> blob(name);
            case "mediumblob" -> mediumBlob(name);
            case "longblob" -> longBlob(name);
            case "bytea" -> blob(name);  // PostgreSQL
            default -> throw new IllegalArgumentException("Column " + name() + "." + name + " has type " + type
                    + ", which Cairn does not map");
        };
        if (choices != null) {
            labels.put(col, List.copyOf(choices));
            if (type.startsWith("set(")) {
                sets.add(col);
            }
        }
        if (!c.nullable()) {
            col.notNull();
        }
        if (c.autoIncrement()) {
            col.autoIncrement();
        }
        if (c.defaultValue() != null) {
            declareDefault(col, c.defaultValue());
        }
        return col;
    }

    /**
     * The labels of a normalised {@code enum('a','b')} or {@code set(...)} type, or null for another type. Inside
     * the quotes {@code ''} is a quote and a backslash escapes the next character, as MySQL writes them.
     */
    private static List<String> labelsOf(String type) {
        if (!(type.startsWith("enum(") || type.startsWith("set(")) || !type.endsWith(")")) {
            return null;
        }
        List<String> out = new ArrayList<>();
        StringBuilder label = null;
        String list = type.substring(type.indexOf('(') + 1, type.length() - 1);
        for (int i = 0; i < list.length(); i++) {
            char ch = list.charAt(i);
            if (label == null) {
                if (ch == '\'') {
                    label = new StringBuilder();
                }
            } else if (ch == '\\' && i + 1 < list.length()) {
                char next = list.charAt(++i);
                label.append(switch (next) {
                    case '0' -> '\0';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case 'Z' -> '\u001a';
                    default -> next;
                });
            } else if (ch == '\'' && i + 1 < list.length() && list.charAt(i + 1) == '\'') {
                label.append('\'');
                i++;
            } else if (ch == '\'') {
                out.add(label.toString());
                label = null;
            } else {
                label.append(ch);
            }
        }
        return out;
    }

    // The longest value of an ENUM (one label) or a SET (all labels, joined by commas), in characters.
    private static int longest(List<String> labels, boolean set) {
        int longest = 1;
        int all = -1;
        for (String l : labels) {
            longest = Math.max(longest, l.codePointCount(0, l.length()));
            all += l.codePointCount(0, l.length()) + 1;
        }
        return set ? Math.max(all, 1) : longest;
    }

    private static Column<?> precise(Column<?> c, int digits) {
        return digits >= 0 && digits <= 6 ? c.precision(digits) : c;
    }

    @SuppressWarnings("unchecked")
    private static void declareDefault(Column<?> col, String value) {
        Class<?> type = col.type().javaType();
        boolean quoted = value.length() >= 2 && value.startsWith("'") && value.endsWith("'");
        // Normalised, a number, date or time starts with a digit or a sign; an expression (uuid()) does not.
        boolean expression = !quoted && DefaultValue.problemWithExpression(value) == null
                && (Character.isLetter(value.charAt(0)) || value.startsWith("("));
        try {
            if (value.equals("now") && col.type().kind().isDateTime()) {
                col.defaultNow();
            } else if (type == String.class && quoted) {
                ((Column<String>) col).defaultValue(value.substring(1, value.length() - 1).replace("''", "'"));
            } else if (type == String.class && expression) {
                col.defaultExpression(value);
            } else if (col.type().kind() == ColumnType.Kind.BIT && !expression) {
                // A bit(64) default above Long.MAX_VALUE is its bits in a negative long.
                java.math.BigInteger bits = new java.math.BigInteger(value);
                if (bits.signum() < 0 || bits.bitLength() > 64) {
                    throw new NumberFormatException(value);
                }
                ((Column<Long>) col).defaultValue(bits.longValue());
            } else if (type == Long.class) {
                ((Column<Long>) col).defaultValue(Long.parseLong(value));
            } else if (type == Integer.class) {
                ((Column<Integer>) col).defaultValue(Integer.parseInt(value));
            } else if (type == Short.class) {
                ((Column<Short>) col).defaultValue(Short.parseShort(value));
            } else if (type == Byte.class) {
                ((Column<Byte>) col).defaultValue(Byte.parseByte(value));
            } else if (type == java.math.BigInteger.class) {
                ((Column<java.math.BigInteger>) col).defaultValue(new java.math.BigInteger(value));
            } else if (type == Float.class) {
                ((Column<Float>) col).defaultValue(Float.parseFloat(value));
            } else if (type == java.time.Year.class) {
                ((Column<java.time.Year>) col).defaultValue(java.time.Year.of(Integer.parseInt(value)));
            } else if (type == BigDecimal.class) {
                ((Column<BigDecimal>) col).defaultValue(new BigDecimal(value));
            } else if (type == Double.class) {
                ((Column<Double>) col).defaultValue(Double.parseDouble(value));
            } else if (type == Boolean.class) {
                ((Column<Boolean>) col).defaultValue(!value.equals("0") && !value.toLowerCase(Locale.ROOT).equals("false"));
            } else if (expression) {
                col.defaultExpression(value);
            }
        } catch (RuntimeException e) {
            // An expression (uuid(), curdate()), or a value Cairn reads in another type: still the database's
            // default, which inserts that leave the value null get.
            if (expression) {
                col.defaultExpression(value);
            }
        }
    }
}
