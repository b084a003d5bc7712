package dev.cairn.dsl.querystring;

import dev.cairn.dsl.Condition;
import dev.cairn.dsl.SortField;
import dev.cairn.dsl.query.Select;
import java.util.List;

/**
 * What a query string or query object asks for, checked and typed: a condition over the allowed fields (or
 * {@code null} for all rows), the sort, and the page. Apply it to a query of the same table; it adds to what the
 * query already says (the application's own conditions still hold, and a smaller limit stays). Its sort keys come
 * after any the query has: order the query after applying the filter to break the request's ties.
 *
 * @param where  the condition, or {@code null}
 * @param sort   the sort keys, in order
 * @param limit  how many rows at most (never above the fields' {@link QueryLimits#maxLimit()})
 * @param offset how many rows to skip
 */
public record QueryFilter(Condition where, List<SortField> sort, int limit, int offset) {
    public QueryFilter {
        sort = List.copyOf(sort);
    }

    /** {@code select} with this filter's condition, sort and page added. */
    public <T> Select<T> applyTo(Select<T> select) {
        Select<T> s = where == null ? select : select.where(where);
        if (!sort.isEmpty()) {
            s = s.orderBy(sort.toArray(new SortField[0]));
        }
        Integer own = s.statement().limit();
        s = s.limit(own == null ? limit : Math.min(own, limit));
        return offset > 0 ? s.offset(offset) : s;
    }
}
