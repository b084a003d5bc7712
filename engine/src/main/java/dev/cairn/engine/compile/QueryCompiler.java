package dev.cairn.engine.compile;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Select;
import dev.cairn.dsl.SortField;
import dev.cairn.dsl.Table;
import dev.cairn.schema.Dialect;
import dev.cairn.schema.sql.JooqContexts;
import dev.cairn.schema.sql.JooqTranslator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.SelectQuery;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Compiles queries to SQL for one dialect through jOOQ, once per shape: the compiled form is kept in a
 * {@link ShapeCache}, and a query whose shape is cached is neither translated nor rendered again.
 */
public final class QueryCompiler {
    private final Dialect dialect;
    private final DSLContext jooq;
    private final ShapeCache cache;

    public QueryCompiler(Dialect dialect, int cacheCapacity) {
        this.dialect = dialect;
        this.jooq = JooqContexts.of(dialect);
        this.cache = new ShapeCache(cacheCapacity);
    }

    /** The compiled form of a SELECT of all columns of its table, in column order. */
    public CompiledQuery select(Select<?> select) {
        return cache.get(ShapeKey.of(select), () -> compileSelect(select));
    }

    /** The compiled form of an INSERT of one row into the given columns, in that order. */
    public CompiledQuery insert(Table<?> table, List<Column<?>> columns) {
        return cache.get(ShapeKey.ofInsert(table, columns), () -> compileInsert(table, columns));
    }

    /** How many times a query was compiled (cache misses) since this compiler was made. */
    public long compilations() {
        return cache.compilations();
    }

    /** How many compiled shapes are cached now. */
    public int cachedShapes() {
        return cache.size();
    }

    private CompiledQuery compileSelect(Select<?> select) {
        Numbering numbering = new Numbering();
        JooqTranslator tr = new JooqTranslator(dialect, true, (p, type) -> numbering.next(type));
        List<Field<?>> fields = new ArrayList<>();
        for (Column<?> c : select.table().columns()) {
            fields.add(tr.field(c));
        }
        SelectQuery<Record> q = jooq.selectQuery();
        q.addSelect(fields);
        q.addFrom(tr.table(select.table()));
        if (select.where() != null) {
            q.addConditions(tr.condition(select.where()));
        }
        for (SortField key : select.orderBy()) {
            q.addOrderBy(tr.sort(key));
        }
        if (select.limit() != null && select.offset() != null) {
            Param<Integer> limit = numbering.nextInt();
            Param<Integer> offset = numbering.nextInt();
            q.addLimit(offset, limit);
        } else if (select.limit() != null) {
            q.addLimit(numbering.nextInt());
        } else if (select.offset() != null) {
            q.addOffset(numbering.nextInt());
        }
        return render(q, numbering);
    }

    private CompiledQuery compileInsert(Table<?> table, List<Column<?>> columns) {
        Numbering numbering = new Numbering();
        JooqTranslator tr = new JooqTranslator(dialect, false, (p, type) -> numbering.next(type));
        List<Field<?>> fields = new ArrayList<>();
        List<Field<?>> values = new ArrayList<>();
        for (Column<?> c : columns) {
            fields.add(tr.field(c));
            values.add(numbering.next(tr.storageType(c.type())));
        }
        if (columns.isEmpty()) {
            return render(jooq.insertInto(tr.table(table)).defaultValues(), numbering);
        }
        InsertValuesStepN<?> insert = jooq.insertInto(tr.table(table), fields).values(values);
        return render(insert, numbering);
    }

    private CompiledQuery render(Query query, Numbering numbering) {
        String sql = jooq.render(query);
        // jOOQ lists named parameters in the order their placeholders appear in the SQL it rendered.
        Map<String, Param<?>> params = jooq.extractParams(query);
        List<Object> constants = new ArrayList<>();
        int placeholders = (int) params.values().stream().filter(p -> !p.isInline()).count();
        int[] order = new int[placeholders];
        int k = 0;
        int ours = 0;
        for (Map.Entry<String, Param<?>> e : params.entrySet()) {
            if (e.getValue().isInline()) {
                continue;
            }
            int index = numbering.indexOf(e.getKey());
            if (index >= 0) {
                ours++;
                order[k++] = index;
            } else {
                constants.add(e.getValue().getValue());
                order[k++] = -constants.size();
            }
        }
        if (ours != numbering.count) {
            throw new IllegalStateException("Rendered " + ours + " parameters for " + numbering.count + " values: " + sql);
        }
        return new CompiledQuery(sql, order, constants.toArray());
    }

    /** Names parameters {@code p0, p1, ...} in the order the translator meets the query's values. */
    private static final class Numbering {
        private int count;

        Field<Object> next(org.jooq.DataType<Object> type) {
            return DSL.param("p" + count++, type);
        }

        Param<Integer> nextInt() {
            return DSL.param("p" + count++, SQLDataType.INTEGER);
        }

        /** The value index of one of our parameters, or -1 for a parameter jOOQ made itself. */
        int indexOf(String name) {
            if (name.length() < 2 || name.charAt(0) != 'p') {
                return -1;
            }
            for (int i = 1; i < name.length(); i++) {
                if (!Character.isDigit(name.charAt(i))) {
                    return -1;
                }
            }
            return Integer.parseInt(name.substring(1));
        }
    }
}
