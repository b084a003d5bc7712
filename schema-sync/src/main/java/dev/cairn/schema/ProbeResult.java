package dev.cairn.schema;

import java.util.List;

/**
 * What a bounded query over the rows found for a change the data decides (a unique key, NOT NULL, a narrower type,
 * a foreign key, fewer ENUM or SET labels): how many rows the change would break, and the keys of a few of them.
 * Never the values: a plan is logged, and the values may be private.
 *
 * @param check      what was counted, in words ({@code "rows with duplicate (email)"})
 * @param violations how many rows break the change (at most the probe's bound when {@code capped})
 * @param sampleKeys the primary keys of up to five of those rows ({@code "id=4"}, {@code "(a=1, b=2)"}); none where
 *                   the table has no primary key, or where its key holds the values checked
 * @param capped     whether counting stopped at the bound, so that there are at least {@code violations}
 */
public record ProbeResult(String check, long violations, List<String> sampleKeys, boolean capped) {
    public ProbeResult {
        sampleKeys = List.copyOf(sampleKeys);
    }

    /** Whether no row breaks the change. */
    public boolean passed() {
        return violations == 0;
    }

    @Override
    public String toString() {
        if (violations == 0) {
            return "probe: 0 " + check;
        }
        return "probe: " + (capped ? "at least " : "") + violations + " " + check
                + (sampleKeys.isEmpty() ? "" : " (" + String.join(", ", sampleKeys) + ")");
    }
}
