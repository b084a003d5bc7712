package dev.cairn.dialect.render;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectQuery;
import org.jooq.impl.DSL;

/**
 * Counts and existence tests of a select, built around the select without its order, LIMIT and OFFSET in a
 * derived table; LIMIT and OFFSET are applied outside it, where every database does what they say.
 */
final class Counting {
    private Counting() {
    }

    /** {@code least(max(count - offset, 0), limit)} rows; offset and limit may be null. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static org.jooq.Select<?> count(DSLContext jooq, SelectQuery<Record> inner, Field<Object> offset,
                                    Field<Object> offsetAgain, Field<Object> limit) {
        Field<Long> all = (Field) DSL.count();
        Field<Long> counted = all;
        if (offset != null) {
            counted = DSL.when(all.gt((Field) offset), all.minus((Field) offsetAgain)).otherwise(DSL.inline(0L));
        }
        if (limit != null) {
            counted = DSL.least(counted, (Field) limit);
        }
        return jooq.select(counted).from(inner.asTable("q"));
    }

    /** A row when the select, with its offset and limit (either may be null), returns any. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static org.jooq.Select<?> exists(DSLContext jooq, SelectQuery<Record> inner, Field<Object> offset,
                                     Field<Object> limit) {
        if (offset == null && limit == null) {
            return jooq.selectOne().whereExists(inner);
        }
        SelectQuery<Record> q = jooq.selectQuery();
        q.addSelect(DSL.inline(1));
        q.addFrom(inner.asTable("q"));
        if (limit != null) {
            q.addConditions(((Field) limit).gt(DSL.inline(0)));
        }
        if (offset != null) {
            q.addLimit((Field<Integer>) (Field) offset, DSL.inline(1));
        } else {
            q.addLimit(DSL.inline(1));
        }
        return q;
    }
}
