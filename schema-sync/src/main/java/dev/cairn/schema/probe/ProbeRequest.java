package dev.cairn.schema.probe;

import java.math.BigDecimal;
import java.util.List;

/**
 * What to count before a change the data decides: the rows of a live table that would break it. Every name is a live
 * one (the table and columns as they are before the plan runs), so that the probe reads what the database holds.
 *
 * @param table     the live table, qualified by its schema where it has one
 * @param rowKey    the live table's primary-key columns, which name the offending rows (empty where it has none)
 * @param check     what is counted, in words, for the plan ({@code "rows with duplicate (email)"})
 * @param condition the rows counted, or {@code null} where the rows cannot decide the change (it stays destructive
 *                  when the table has rows)
 */
public record ProbeRequest(String table, List<String> rowKey, String check, Condition condition) {
    public ProbeRequest {
        rowKey = List.copyOf(rowKey);
    }

    /** A change the rows cannot decide, though it may break on them: destructive where the table has rows. */
    public static ProbeRequest undecided(String table, String why) {
        return new ProbeRequest(table, List.of(), why, null);
    }

    /** The rows a change breaks. */
    public sealed interface Condition permits ColumnValues, Duplicates, Orphans {
        /** The live columns whose values are checked (their values are never shown). */
        List<String> columns();
    }

    /** Rows whose value of {@code column} fails any of {@code tests}. */
    public record ColumnValues(String column, List<ValueTest> tests) implements Condition {
        public ColumnValues {
            tests = List.copyOf(tests);
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }
    }

    /**
     * Rows sharing their values of {@code columns} with another row; a NULL never collides. With {@code nullsBreak}
     * (a primary key) a NULL in any of the columns breaks the change too.
     */
    public record Duplicates(List<String> columns, boolean nullsBreak) implements Condition {
        public Duplicates {
            columns = List.copyOf(columns);
        }
    }

    /**
     * Rows whose {@code columns} are all non-null and match no row of {@code parent} on {@code parentColumns};
     * {@code parent} is {@code null} where the parent table does not exist yet (then it has no row).
     */
    public record Orphans(List<String> columns, String parent, List<String> parentColumns) implements Condition {
        public Orphans {
            columns = List.copyOf(columns);
            parentColumns = List.copyOf(parentColumns);
        }
    }

    /** One test of a value: true where the value breaks the change. */
    public sealed interface ValueTest permits IsNull, LongerThan, MoreBytesThan, OutOfRange, Rounded, LabelNotIn,
            SetLabelIn, SetLabelNotIn {
    }

    /** NULL, where the column becomes NOT NULL. */
    public record IsNull() implements ValueTest {
    }

    /** More than {@code chars} characters; of a CHAR ({@code padded}), without the trailing spaces CHAR pads with. */
    public record LongerThan(long chars, boolean padded) implements ValueTest {
    }

    /** More than {@code bytes} bytes (MySQL's TINYTEXT, TEXT and MEDIUMTEXT hold bytes, not characters). */
    public record MoreBytesThan(long bytes) implements ValueTest {
    }

    /** Below {@code min} or above {@code max}. */
    public record OutOfRange(BigDecimal min, BigDecimal max) implements ValueTest {
    }

    /** Changed by rounding to {@code scale} digits, or not below {@code limit} in magnitude. */
    public record Rounded(int scale, BigDecimal limit) implements ValueTest {
    }

    /** An ENUM label not among {@code labels}. */
    public record LabelNotIn(List<String> labels) implements ValueTest {
        public LabelNotIn {
            labels = List.copyOf(labels);
        }
    }

    /**
     * A SET value stored as its labels joined by commas (PostgreSQL's text), holding a label not among
     * {@code labels}: the live column's type does not tell which labels it had.
     */
    public record SetLabelNotIn(List<String> labels) implements ValueTest {
        public SetLabelNotIn {
            labels = List.copyOf(labels);
        }
    }

    /** A SET value holding one of {@code labels}. */
    public record SetLabelIn(List<String> labels) implements ValueTest {
        public SetLabelIn {
            labels = List.copyOf(labels);
        }
    }
}
