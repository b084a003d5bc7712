package dev.cairn.schema.diff;

import dev.cairn.schema.shape.ColumnShape;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether changing a column may lose data: narrowing its type (a shorter varchar, a smaller integer or text or blob
 * type, a lower decimal scale, fewer enum values, fewer bits), changing its type to another family or its
 * signedness, or making it NOT NULL. Widening, a new default and dropping NOT NULL lose nothing. Some changes lose
 * no data but change what the database does with it ({@link #changesBehaviour}); they are destructive too.
 */
final class TypeChanges {
    private static final Pattern TYPE = Pattern.compile("^([a-z ]+?)(?:\\((.*)\\))?( unsigned)?( tz)?$");
    private static final List<String> INTEGERS = List.of("tinyint", "smallint", "mediumint", "int", "bigint");
    private static final List<String> TEXTS = List.of("varchar", "tinytext", "text", "mediumtext", "longtext", "clob");
    private static final List<String> BLOBS = List.of("tinyblob", "blob", "mediumblob", "longblob");
    private static final long[] BLOB_BYTES = {255, 65_535, 16_777_215, 4_294_967_295L};

    private TypeChanges() {
    }

    static boolean loses(ColumnShape from, ColumnShape to) {
        if (from.nullable() && !to.nullable()) {
            return true;
        }
        return !from.type().equals(to.type()) && !widens(from.type(), to.type());
    }

    /**
     * Whether the change alters what the database does with the data, though it loses none of it: a live default
     * removed or changed (inserts then store something else), a new character set (which may not hold every stored
     * character), or a new collation on a primary or unique key column (rows unique before may be duplicates after).
     */
    static boolean changesBehaviour(ColumnShape from, ColumnShape to, boolean keyColumn) {
        return from.defaultValue() != null && !from.defaultValue().equals(to.defaultValue())
                || to.charsetDiffers(from) || keyColumn && to.collationDiffers(from);
    }

    static boolean widens(String from, String to) {
        Matcher a = TYPE.matcher(from);
        Matcher b = TYPE.matcher(to);
        if (!a.matches() || !b.matches() || !eq(a.group(3), b.group(3)) || !eq(a.group(4), b.group(4))) {
            return false;
        }
        String fa = a.group(1).trim();
        String fb = b.group(1).trim();
        String pa = a.group(2);
        String pb = b.group(2);
        if (INTEGERS.contains(fa) && INTEGERS.contains(fb)) {
            return INTEGERS.indexOf(fb) >= INTEGERS.indexOf(fa);
        }
        if (TEXTS.contains(fa) && TEXTS.contains(fb)) {
            // A tinytext of 255 bytes may hold 255 characters, and surely holds 63 (of 4 bytes each).
            int la = fa.equals("tinytext") ? 255 : textSize(fa, pa);
            int lb = fb.equals("tinytext") ? 63 : textSize(fb, pb);
            return lb >= la;
        }
        if (BLOBS.contains(fb) && (BLOBS.contains(fa) || fa.equals("varbinary"))) {
            long la = fa.equals("varbinary") ? Long.parseLong(pa) : BLOB_BYTES[BLOBS.indexOf(fa)];
            return BLOB_BYTES[BLOBS.indexOf(fb)] >= la;
        }
        if (fa.equals("varbinary") && fb.equals("varbinary")) {
            return Integer.parseInt(pb) >= Integer.parseInt(pa);
        }
        if (fa.equals("bit") && fb.equals("bit") && pa != null && pb != null) {
            return Integer.parseInt(pb) >= Integer.parseInt(pa);
        }
        if (fa.equals("float") && fb.equals("double")) {
            return true;  // every float is a double
        }
        if (fa.equals("decimal") && fb.equals("decimal") && pa != null && pb != null) {
            int[] x = Arrays.stream(pa.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
            int[] y = Arrays.stream(pb.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
            int sx = x.length > 1 ? x[1] : 0;
            int sy = y.length > 1 ? y[1] : 0;
            return sy >= sx && y[0] - sy >= x[0] - sx;
        }
        if ((fa.equals("enum") || fa.equals("set")) && fa.equals(fb) && pa != null && pb != null) {
            return pb.startsWith(pa);  // values appended at the end keep every stored value and its order
        }
        if (fa.equals(fb) && (fa.equals("timestamp") || fa.equals("datetime") || fa.equals("time"))) {
            return pa != null && pb != null && Integer.parseInt(pb) >= Integer.parseInt(pa);
        }
        return false;
    }

    // Text sizes in characters, an unbounded varchar or text type counting as larger than any varchar(n).
    private static int textSize(String family, String length) {
        return switch (family) {
            case "varchar" -> length == null ? Integer.MAX_VALUE - 2 : Integer.parseInt(length);
            case "text" -> 65_535;
            case "mediumtext" -> 16_777_215;
            default -> Integer.MAX_VALUE - 1;
        };
    }

    private static boolean eq(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
