package dev.cairn.dsl.querystring;

/**
 * Bounds on what one query string or query object may ask for, so that a request cannot make the database work
 * without limit. Each is checked before any statement exists.
 *
 * @param maxLength  characters of a query string (default 2,000)
 * @param maxTerms   conditions and calls (default 50)
 * @param maxDepth   nesting of parentheses, calls and query objects (default 8)
 * @param maxInList  values of one {@code in}/{@code out} list (default 100)
 * @param maxLimit   rows one query returns: a larger {@code limit} is refused, and a query without one gets this
 *                   limit (default 1,000)
 * @param maxOffset  the largest {@code limit(count,start)} start or {@code skip} (default 100,000: deep offsets are
 *                   slow on every database; page by key instead)
 */
public record QueryLimits(int maxLength, int maxTerms, int maxDepth, int maxInList, int maxLimit, int maxOffset) {
    /** The defaults above. */
    public static final QueryLimits DEFAULT = new QueryLimits(2_000, 50, 8, 100, 1_000, 100_000);

    public QueryLimits {
        if (maxLength < 1 || maxTerms < 1 || maxDepth < 1 || maxInList < 1 || maxLimit < 1 || maxOffset < 0) {
            throw new IllegalArgumentException("Query limits must be positive (maxOffset at least 0)");
        }
    }

    /** These limits with another largest and default row count. */
    public QueryLimits withMaxLimit(int rows) {
        return new QueryLimits(maxLength, maxTerms, maxDepth, maxInList, rows, maxOffset);
    }
}
