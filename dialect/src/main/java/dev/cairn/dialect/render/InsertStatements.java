package dev.cairn.dialect.render;

import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.sql.JooqContexts;
import dev.cairn.dialect.sql.SqlTypes;
import dev.cairn.dialect.sql.TableNames;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.SelectStatement;
import dev.cairn.dsl.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** INSERT statements: of rows bound column by column, upserts, and INSERT ... SELECT. */
public final class InsertStatements {
    private InsertStatements() {
    }

    /**
     * An INSERT of one row into {@code columns}, whose placeholders take the row's values in column order; with
     * {@code update} not null, an upsert matched on {@code conflict} that updates those columns.
     */
    public static RenderedSql insert(Dialect dialect, Table<?, ?> table, List<Column<?>> columns,
                                     List<Column<?>> conflict, List<Column<?>> update) {
        DSLContext jooq = JooqContexts.of(dialect);
        var into = DSL.table(TableNames.of(table));
        if (columns.isEmpty()) {
            return Placeholders.render(jooq, jooq.insertInto(into).defaultValues(), 0);
        }
        List<Field<?>> fields = new ArrayList<>();
        List<Field<?>> values = new ArrayList<>();
        for (Column<?> c : columns) {
            fields.add(DSL.field(DSL.name(c.name()), type(c, dialect)));
            values.add(Placeholders.param(values.size(), type(c, dialect)));
        }
        var insert = jooq.insertInto(into, fields).values(values);
        if (update == null) {
            return Placeholders.render(jooq, insert, values.size());
        }
        // Qualified: H2 emulates the upsert with MERGE ... USING (...) "t", where a bare name is ambiguous.
        List<Field<?>> keys = new ArrayList<>();
        for (Column<?> c : conflict) {
            keys.add(DSL.field(TableNames.column(c), type(c, dialect)));
        }
        Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
        for (Column<?> c : update) {
            Field<Object> f = DSL.field(DSL.name(c.name()), type(c, dialect));
            set.put(f, DSL.excluded(f));
        }
        return Placeholders.render(JooqContexts.casting(dialect), insert.onConflict(keys).doUpdate().set(set),
                values.size());
    }

    /** {@code INSERT INTO table (columns) SELECT ...}, the select's values numbered as {@link StatementWalk} does. */
    public static RenderedSql insertSelect(Dialect dialect, Table<?, ?> table, List<Column<?>> columns,
                                           SelectStatement<?> select, StatementWalk.Sink sink) {
        DSLContext jooq = JooqContexts.of(dialect);
        List<Field<?>> fields = new ArrayList<>();
        for (Column<?> c : columns) {
            fields.add(DSL.field(DSL.name(c.name()), type(c, dialect)));
        }
        StatementWalk walk = StatementWalk.building(dialect, sink);
        org.jooq.Select<?> source = walk.select(select, StatementWalk.Purpose.ROWS);
        if (source.getSelect().size() != columns.size()) {
            throw new IllegalArgumentException("INSERT into '" + table.name() + "' names " + columns.size()
                    + " columns but its SELECT returns " + source.getSelect().size());
        }
        return walk.render(jooq.insertInto(DSL.table(TableNames.of(table)), fields).select(source));
    }

    @SuppressWarnings("unchecked")
    private static DataType<Object> type(Column<?> c, Dialect dialect) {
        return (DataType<Object>) SqlTypes.storage(c.type(), dialect);
    }
}
