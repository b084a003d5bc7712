package dev.cairn.schema;

/**
 * How MySQL/MariaDB runs one change, known before it runs: the algorithm, whether other sessions can write the table
 * meanwhile, and the table's approximate size (the server's estimate, {@code information_schema.TABLES.TABLE_ROWS}).
 *
 * @param algorithm       the cheapest algorithm the server allows for the change
 * @param blocksWrites    whether writes to the table wait until the change is done
 * @param approximateRows the server's estimate of the table's rows, or -1 where not known
 * @param reason          why, in words, where the algorithm is not the obvious one; or {@code null}
 */
public record OnlineDdl(Algorithm algorithm, boolean blocksWrites, long approximateRows, String reason) {

    /** The ALTER TABLE algorithms, cheapest first. */
    public enum Algorithm {
        /** Only metadata changes: no rows are read or written. */
        INSTANT,
        /** MariaDB's in-place change that rebuilds nothing (for example adding a secondary index's metadata). */
        NOCOPY,
        /** Changed in place; may rebuild the table, without copying it through the SQL layer. */
        INPLACE,
        /** The table is copied row by row; writes wait. */
        COPY
    }

    /** {@code INPLACE, ~1.2M rows} or {@code COPY, blocks writes, ~5400 rows}: for a plan line. */
    @Override
    public String toString() {
        return algorithm + (blocksWrites ? ", blocks writes" : "")
                + (approximateRows >= 0 ? ", ~" + rows(approximateRows) + (approximateRows == 1 ? " row" : " rows") : "");
    }

    // Estimates, so rounded: 10k and above to thousands, 1M and above to a tenth of a million.
    private static String rows(long n) {
        if (n >= 1_000_000) {
            long tenths = Math.round(n / 100_000.0);
            return tenths % 10 == 0 ? tenths / 10 + "M" : tenths / 10 + "." + tenths % 10 + "M";
        }
        return n >= 10_000 ? Math.round(n / 1000.0) + "k" : Long.toString(n);
    }
}
