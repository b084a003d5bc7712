package dev.cairn.schema.probe;

import dev.cairn.schema.probe.ProbeRequest.ColumnValues;
import dev.cairn.schema.probe.ProbeRequest.IsNull;
import dev.cairn.schema.probe.ProbeRequest.LabelNotIn;
import dev.cairn.schema.probe.ProbeRequest.LongerThan;
import dev.cairn.schema.probe.ProbeRequest.MoreBytesThan;
import dev.cairn.schema.probe.ProbeRequest.OutOfRange;
import dev.cairn.schema.probe.ProbeRequest.Rounded;
import dev.cairn.schema.probe.ProbeRequest.SetLabelIn;
import dev.cairn.schema.probe.ProbeRequest.ValueTest;
import dev.cairn.schema.shape.ColumnShape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which values break a column change: NULL where it becomes NOT NULL, and values the narrower type cannot hold (too
 * long, out of range, rounded, a label the new ENUM or SET lacks). A type change to another family, or one that
 * reorders the labels kept, is not for the rows to decide.
 */
public final class ColumnChecks {
    private static final Pattern TYPE = Pattern.compile("^([a-z ]+?)(?:\\((.*)\\))?( unsigned)?( tz)?$");
    private static final List<String> TEXTS = List.of("varchar", "char", "tinytext", "text", "mediumtext", "longtext",
            "clob");
    private static final Map<String, Long> TEXT_BYTES = Map.of("tinytext", 255L, "text", 65_535L,
            "mediumtext", 16_777_215L);
    private static final List<String> INTEGERS = List.of("tinyint", "smallint", "mediumint", "int", "bigint");
    private static final int[] INTEGER_BITS = {8, 16, 24, 32, 64};

    private ColumnChecks() {
    }

    /**
     * The values of {@code from} that {@code to} cannot hold, or {@code null} where the rows cannot decide the change.
     *
     * @param typeNarrows whether the type change may lose values (a widening needs no test)
     */
    public static ColumnValues of(ColumnShape from, ColumnShape to, boolean typeNarrows) {
        List<ValueTest> tests = new ArrayList<>();
        if (from.nullable() && !to.nullable()) {
            tests.add(new IsNull());
        }
        if (typeNarrows) {
            ValueTest type = typeTest(from.type(), to.type());
            if (type == null) {
                return null;
            }
            tests.add(type);
        }
        return tests.isEmpty() ? null : new ColumnValues(from.name(), tests);
    }

    /** The check in words: {@code "rows of note with a value longer than 10 characters"}. */
    public static String describe(ColumnValues values, String newType) {
        List<String> parts = new ArrayList<>();
        for (ValueTest t : values.tests()) {
            parts.add(t instanceof IsNull ? "NULL"
                    : t instanceof LongerThan l ? "a value longer than " + l.chars() + " characters"
                    : t instanceof MoreBytesThan b ? "a value over " + b.bytes() + " bytes"
                    : t instanceof OutOfRange ? "a value out of range for " + newType
                    : t instanceof Rounded ? "a value " + newType + " would round or cannot hold"
                    : t instanceof LabelNotIn ? "a label the new ENUM lacks" : "a label the new SET lacks");
        }
        return "rows of " + values.column() + " with " + String.join(" or ", parts);
    }

    private static ValueTest typeTest(String from, String to) {
        Matcher a = TYPE.matcher(from);
        Matcher b = TYPE.matcher(to);
        if (!a.matches() || !b.matches() || a.group(4) != null || b.group(4) != null) {
            return null;
        }
        String fa = a.group(1).trim();
        String fb = b.group(1).trim();
        String pb = b.group(2);
        // CHAR drops trailing spaces: only a CHAR becomes a CHAR without losing them.
        if (TEXTS.contains(fa) && TEXTS.contains(fb) && (!fb.equals("char") || fa.equals("char"))) {
            if (TEXT_BYTES.containsKey(fb)) {
                return new MoreBytesThan(TEXT_BYTES.get(fb));
            }
            return pb == null ? null : new LongerThan(Long.parseLong(pb.trim()), fa.equals("char"));
        }
        if (INTEGERS.contains(fa) && INTEGERS.contains(fb)) {
            int bits = INTEGER_BITS[INTEGERS.indexOf(fb)];
            BigDecimal span = BigDecimal.valueOf(2).pow(bits);
            return b.group(3) != null ? new OutOfRange(BigDecimal.ZERO, span.subtract(BigDecimal.ONE))
                    : new OutOfRange(span.divide(BigDecimal.valueOf(2)).negate(),
                    span.divide(BigDecimal.valueOf(2)).subtract(BigDecimal.ONE));
        }
        if (fa.equals("decimal") && fb.equals("decimal") && pb != null) {
            String[] ps = pb.split(",");
            int precision = Integer.parseInt(ps[0].trim());
            int scale = ps.length > 1 ? Integer.parseInt(ps[1].trim()) : 0;
            return new Rounded(scale, BigDecimal.TEN.pow(precision - scale));
        }
        if ((fa.equals("enum") || fa.equals("set")) && fa.equals(fb) && a.group(2) != null && pb != null) {
            List<String> old = labels(a.group(2));
            List<String> now = labels(pb);
            List<String> kept = old.stream().filter(now::contains).toList();
            // The labels kept keep their order, or ORDER BY and comparisons change: not for the rows to decide.
            if (!now.stream().filter(old::contains).toList().equals(kept)) {
                return null;
            }
            List<String> removed = old.stream().filter(l -> !now.contains(l)).toList();
            return fa.equals("enum") ? new LabelNotIn(now) : new SetLabelIn(removed);
        }
        return null;
    }

    /** The labels of {@code 'a','b'''}, as the normalised type writes them (a quote doubled, a backslash escape). */
    static List<String> labels(String list) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = null;
        for (int i = 0; i < list.length(); i++) {
            char ch = list.charAt(i);
            if (sb == null) {
                if (ch == '\'') {
                    sb = new StringBuilder();
                }
            } else if (ch == '\\' && i + 1 < list.length()) {
                sb.append(list.charAt(++i));
            } else if (ch == '\'' && i + 1 < list.length() && list.charAt(i + 1) == '\'') {
                sb.append('\'');
                i++;
            } else if (ch == '\'') {
                out.add(sb.toString());
                sb = null;
            } else {
                sb.append(ch);
            }
        }
        return out;
    }
}
