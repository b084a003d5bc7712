package dev.cairn.engine.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.Database;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A record's values are read for inserts and updates by a generated class that calls each accessor directly, in
 * column order whatever the order of the components, primitives boxed; a record in a package Cairn cannot define a
 * class in is read through method handles instead.
 */
class RowValuesTest {
    private static final ThreadLocal<String> READER = new ThreadLocal<>();

    /** Components in another order than the columns, every primitive kind, and one column the record lacks. */
    public record Gauge(boolean active, byte level, short zone, int count, long id, float ratio, double reading,
                        String label) {
        @Override
        public String label() {
            READER.set(StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass().getName());
            return label;
        }
    }

    private record PrivateGauge(boolean active, byte level, short zone, int count, long id, float ratio,
                                double reading, String label) {
    }

    static final class Gauges<R> extends Table<R, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> label = varchar("label", 20).notNull();
        final Column<String> note = varchar("note", 20);
        final Column<Double> reading = doublePrecision("reading").notNull();
        final Column<Float> ratio = singlePrecision("ratio").notNull();
        final Column<Integer> count = integer("count").notNull();
        final Column<Short> zone = smallint("zone").notNull();
        final Column<Byte> level = tinyint("level").notNull();
        final Column<Boolean> active = bool("active").notNull();

        Gauges(Class<R> rowType) {
            super("gauges", rowType);
        }
    }

    @Test
    void aRecordsValuesAreReadByAGeneratedClassInColumnOrder() {
        Gauges<Gauge> gauges = new Gauges<>(Gauge.class);
        Schema.of(gauges);
        Object[] values = RowLayout.of(gauges).columnValues(
                new Gauge(true, (byte) -3, (short) 700, 70_000, 9_000_000_000L, 0.5f, -2.25, "north"));

        assertThat(values).containsExactly(9_000_000_000L, "north", null, -2.25, 0.5f, 70_000, (short) 700,
                (byte) -3, true);
        assertThat(Arrays.stream(values).skip(3).map(v -> v.getClass().getSimpleName()))
                .containsExactly("Double", "Float", "Integer", "Short", "Byte", "Boolean");
        assertThat(READER.get()).contains("Gauge$$CairnValues");
    }

    @Test
    void aPrivateRecordIsReadAsWell() {
        Gauges<PrivateGauge> gauges = new Gauges<>(PrivateGauge.class);
        Schema.of(gauges);
        assertThat(RowLayout.of(gauges).columnValues(
                new PrivateGauge(false, (byte) 1, (short) 2, 3, 4L, 5f, 6d, "south")))
                .containsExactly(4L, "south", null, 6d, 5f, 3, (short) 2, (byte) 1, false);
    }

    @DatabaseTest
    void recordsWithPrimitiveComponentsAreInsertedAndReadBack(TestDatabase t) {
        Gauges<Gauge> gauges = new Gauges<>(Gauge.class);
        Database db = t.open(Schema.of(gauges)).createMissingTables();
        List<Gauge> rows = List.of(new Gauge(true, (byte) -3, (short) 700, 70_000, 1L, 0.5f, -2.25, "north"),
                new Gauge(false, Byte.MAX_VALUE, Short.MIN_VALUE, Integer.MAX_VALUE, 2L, -1.5f, 1e300, "south"));

        assertThat(db.insertInto(gauges).rows(rows).execute()).isEqualTo(2);

        assertThat(db.selectFrom(gauges).orderBy(gauges.id.asc()).fetch()).isEqualTo(rows);
    }
}
