package dev.cairn.engine.model;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** Entries with text, decimals (one that rounds) and date-times, for the tests of what values are stored. */
public final class Ledger extends Table<Ledger.Entry, Long> {
    public record Entry(Long id, String code, String note, BigDecimal amount, BigDecimal rounded, BigDecimal big,
                        Instant at, LocalDateTime localAt, LocalTime time) {
        public static Entry of(String code) {
            return new Entry(null, code, null, null, null, null, null, null, null);
        }

        public Entry withNote(String note) {
            return new Entry(id, code, note, amount, rounded, big, at, localAt, time);
        }

        public Entry withAmount(BigDecimal amount) {
            return new Entry(id, code, note, amount, rounded, big, at, localAt, time);
        }

        public Entry withRounded(BigDecimal rounded) {
            return new Entry(id, code, note, amount, rounded, big, at, localAt, time);
        }
    }

    public static final Ledger LEDGER = new Ledger();

    public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
    public final Column<String> code = varchar("code", 20).notNull().unique();
    public final Column<String> note = varchar("note", 50);
    public final Column<BigDecimal> amount = decimal("amount", 10, 2);
    public final Column<BigDecimal> rounded = decimal("rounded", 10, 2).rounding(RoundingMode.HALF_EVEN);
    public final Column<BigDecimal> big = decimal("big", 38, 0);
    public final Column<Instant> at = timestamp("at");
    public final Column<LocalDateTime> localAt = datetime("local_at");
    public final Column<LocalTime> time = time("time");

    private Ledger() {
        super("ledger");
    }
}
