package dev.cairn.engine.compile;

import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.render.InsertStatements;
import dev.cairn.dialect.render.Locks;
import dev.cairn.dialect.render.RenderedSql;
import dev.cairn.dialect.render.StatementWalk;
import dev.cairn.dialect.render.UnsupportedSqlException;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Expression.Param;
import dev.cairn.dsl.SelectStatement;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.query.Delete;
import dev.cairn.dsl.query.Select;
import dev.cairn.dsl.query.Update;
import dev.cairn.engine.bind.ValueRules;
import dev.cairn.engine.exception.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles statements to SQL for one dialect, once per shape: the compiled form is kept in a {@link ShapeCache},
 * and a statement whose shape is cached is neither translated nor rendered again. A query is walked once per
 * execution by {@link StatementWalk} for its shape and its values; on a miss, once more to build it, by the same
 * walk, so a placeholder's number is its value's index by construction.
 */
public final class QueryCompiler {
    private final Dialect dialect;
    private final ShapeCache cache;
    private final ValueRules rules;
    // Kept, so that a lookup allocates no function to compile with.
    private final ShapeCache.Build build = this::build;

    public QueryCompiler(Dialect dialect, int cacheCapacity) {
        this.dialect = dialect;
        this.rules = new ValueRules(dialect);
        this.cache = new ShapeCache(cacheCapacity);
    }

    /** A SELECT; its columns are those of the projection, in order. */
    public CompiledQuery select(Select<?> select) {
        return select(select, new ArrayList<>());
    }

    /**
     * A SELECT, with its values added to {@code values} in placeholder-numbering order: the shape key and the values
     * come from one walk of the query, the hot path of every fetch.
     */
    public CompiledQuery select(Select<?> select, List<Param<?>> values) {
        return select('S', select, values);
    }

    /** {@code SELECT count(*) FROM (the select)}: the number of rows the select returns; values as for a select. */
    public CompiledQuery count(Select<?> select, List<Param<?>> values) {
        return select('C', select, values);
    }

    /** {@code SELECT 1 WHERE EXISTS (the select)}: a row when the select returns any; values as for a select. */
    public CompiledQuery exists(Select<?> select, List<Param<?>> values) {
        return select('E', select, values);
    }

    private CompiledQuery select(char kind, Select<?> query, List<Param<?>> values) {
        return cache.get(kind, query.statement(), values, rules, build);
    }

    /** An UPDATE, its values (assignments, then WHERE) added to {@code values}. */
    public CompiledQuery update(Update<?> update, List<Param<?>> values) {
        return cache.get('U', update, values, rules, build);
    }

    /** A DELETE, its values added to {@code values}. */
    public CompiledQuery delete(Delete<?> delete, List<Param<?>> values) {
        return cache.get('D', delete, values, rules, build);
    }

    /** Builds a walked statement on a cache miss, telling {@code tokens} its shape. */
    private CompiledQuery build(ShapeKey.Collector tokens, char kind, Object ast) {
        StatementWalk walk = StatementWalk.building(dialect, tokens);
        if (ast instanceof Update<?> update) {
            return compiled(walk.render(supported(() -> walk.update(update))));
        }
        if (ast instanceof Delete<?> delete) {
            return compiled(walk.render(supported(() -> walk.delete(delete))));
        }
        SelectStatement<?> select = (SelectStatement<?>) ast;
        StatementWalk.Purpose purpose = ShapeKey.purpose(kind);
        if (select.lock() != null && purpose == StatementWalk.Purpose.ROWS) {
            Locks.refusal(dialect, select.lock()).ifPresent(reason -> {
                throw new UnsupportedFeatureException(reason);
            });
        }
        return compiled(walk.render(supported(() -> walk.select(select, purpose))));
    }

    /**
     * An INSERT of one row into {@code columns}, whose placeholders take the row's values in column order; with
     * {@code update} not null, an upsert matched on {@code conflict} that updates those columns.
     */
    public CompiledQuery insert(Table<?, ?> table, List<Column<?>> columns, List<Column<?>> conflict,
                                List<Column<?>> update) {
        return cache.get(ShapeKey.ofInsert(table, columns, conflict, update),
                () -> compiled(InsertStatements.insert(dialect, table, columns, conflict, update)));
    }

    /** {@code INSERT INTO table (columns) SELECT ...}; its values are those {@link QueryValues#of} collects. */
    public CompiledQuery insertSelect(Table<?, ?> table, List<Column<?>> columns, Select<?> select) {
        return cache.get(ShapeKey.ofInsertSelect(dialect, table, columns, select.statement()), () -> compiled(
                supported(() -> InsertStatements.insertSelect(dialect, table, columns, select.statement(),
                        QueryValues.NONE))));
    }

    /** How many times a statement was compiled (cache misses) since this compiler was made. */
    public long compilations() {
        return cache.compilations();
    }

    /** Builds a statement, reporting SQL the database has none for (before anything is sent) in the API's terms. */
    private static <X> X supported(java.util.function.Supplier<X> build) {
        try {
            return build.get();
        } catch (UnsupportedSqlException e) {
            throw new UnsupportedFeatureException(e.getMessage());
        }
    }

    private static CompiledQuery compiled(RenderedSql sql) {
        return new CompiledQuery(sql.sql(), sql.bindOrder(), sql.constants());
    }
}
