package dev.cairn.benchmarks.model;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** The Cairn model of the benchmark tables (the same columns under two names). */
public final class BenchRows extends Table<BenchRow, Long> {
    public static final BenchRows ROWS = new BenchRows("bench_rows");
    public static final BenchRows INSERTS = new BenchRows("bench_inserts");
    /** {@code bench_rows} again as another table object, which a cache of {@link #ROWS} does not serve. */
    public static final BenchRows ROWS_UNCACHED = new BenchRows("bench_rows");

    public final Column<Long> id = bigint("id").primaryKey();
    public final Column<Integer> a = integer("a").notNull();
    public final Column<Integer> b = integer("b");
    public final Column<String> name = varchar("name", 100).notNull();
    public final Column<LocalDateTime> created = datetime("created").notNull();
    public final Column<BigDecimal> amount = decimal("amount", 12, 2).notNull();
    public final Column<Boolean> active = bool("active").notNull();
    public final Column<String> code = varchar("code", 20).notNull();
    public final Column<Double> score = doublePrecision("score");
    public final Column<LocalDate> day = date("day").notNull();

    private BenchRows(String name) {
        super(name, BenchRow.class);
    }

    /** Row {@code i} of the data set: deterministic, every fifth {@code b} and every seventh {@code score} null. */
    public static BenchRow row(long i) {
        return new BenchRow(i, (int) (i % 1000), i % 5 == 0 ? null : (int) i, "name " + i,
                LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(i * 37), BigDecimal.valueOf(i * 3, 2), i % 2 == 0,
                "C" + (i % 97), i % 7 == 0 ? null : i / 3.0, LocalDate.of(2024, 1, 1).plusDays(i % 365));
    }
}
