package dev.cairn.schema.shape;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.ForeignKey;
import dev.cairn.dsl.type.ColumnType;
import java.math.BigInteger;
import java.util.Locale;

/**
 * An integer type PostgreSQL does not have (TINYINT, MEDIUMINT and the unsigned forms): stored in the next wider
 * type PostgreSQL has, with a CHECK of the narrower type's range, so that no client can write a value outside it.
 * Introspection reads a column of that wider type with exactly that CHECK as the narrower type (see
 * {@code docs/adr/0021-postgresql.md}).
 *
 * @param type    the narrower type as schema sync compares it ({@code tinyint unsigned})
 * @param storage the type PostgreSQL stores it in, as introspection normalises it ({@code smallint})
 * @param min     the least value
 * @param max     the greatest value
 */
public record IntegerRange(String type, String storage, BigInteger min, BigInteger max) {
    private static final IntegerRange[] ALL = {
        of("tinyint", "smallint", -128, 127),
        of("tinyint unsigned", "smallint", 0, 255),
        of("smallint unsigned", "int", 0, 65_535),
        of("mediumint", "int", -8_388_608, 8_388_607),
        of("mediumint unsigned", "int", 0, 16_777_215),
        of("int unsigned", "bigint", 0, 4_294_967_295L),
        new IntegerRange("bigint unsigned", "decimal(20,0)", BigInteger.ZERO, new BigInteger("18446744073709551615")),
        // An identity column is an integer type: an auto-increment bigint unsigned is a bigint of its non-negative
        // values, which the sequence never leaves; so is a column that refers to one, for a foreign key needs
        // columns of one type.
        of("bigint unsigned", "bigint", 0, Long.MAX_VALUE),
    };

    private static IntegerRange of(String type, String storage, long min, long max) {
        return new IntegerRange(type, storage, BigInteger.valueOf(min), BigInteger.valueOf(max));
    }

    /** The range of a column whose type PostgreSQL stores in a wider one, or {@code null} for another column. */
    public static IntegerRange of(Column<?> column) {
        return switch (column.type().kind()) {
            case TINYINT -> ALL[0];
            case TINYINT_UNSIGNED -> ALL[1];
            case SMALLINT_UNSIGNED -> ALL[2];
            case MEDIUMINT -> ALL[3];
            case MEDIUMINT_UNSIGNED -> ALL[4];
            case INT_UNSIGNED -> ALL[5];
            case BIGINT_UNSIGNED -> identityOrItsReference(column, 0) ? ALL[7] : ALL[6];
            default -> null;
        };
    }

    /** Whether PostgreSQL stores the column as a {@code bigint}: a BIGINT UNSIGNED identity, or one referring to it. */
    public static boolean storedAsBigint(Column<?> column) {
        return IntegerRange.of(column) == ALL[7];
    }

    // Whether the column is auto-increment, or a foreign key column whose target is (through a chain of a few).
    private static boolean identityOrItsReference(Column<?> column, int depth) {
        if (column.isAutoIncrement()) {
            return true;
        }
        if (depth > 8) {
            return false;
        }
        for (ForeignKey fk : column.table().foreignKeys()) {
            int i = fk.columns().indexOf(column);
            if (i >= 0 && fk.targetColumns().get(i).type().kind() == ColumnType.Kind.BIGINT_UNSIGNED
                    && identityOrItsReference(fk.targetColumns().get(i), depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The narrower type whose range a live column of normalised type {@code storage} is checked to, from
     * {@code min} to {@code max}; {@code null} when there is none (the CHECK is then an ordinary one).
     */
    public static IntegerRange matching(String storage, BigInteger min, BigInteger max) {
        for (IntegerRange r : ALL) {
            if (r.storage.equals(storage) && r.min.equals(min) && r.max.equals(max)) {
                return r;
            }
        }
        return null;
    }

    /** Whether {@code type} (as schema sync compares it) is one PostgreSQL stores with a range CHECK. */
    public static boolean isRanged(String type) {
        for (IntegerRange r : ALL) {
            if (r.type.equals(type)) {
                return true;
            }
        }
        return false;
    }

    /** The name of the CHECK on column {@code column} of table {@code table}: {@code <table>_<column>_range}. */
    public static String checkName(String table, String column) {
        return (table + "_" + column + "_range").toLowerCase(Locale.ROOT);
    }
}
