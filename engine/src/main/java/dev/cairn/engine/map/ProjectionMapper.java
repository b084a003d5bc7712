package dev.cairn.engine.map;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.ColumnType;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.ast.Projection;
import dev.cairn.engine.bind.ValueReader;
import java.util.List;
import java.util.function.Function;

/** Builds the {@link RowMapper} of a projection: typed readers per column, resolved once per query. */
public final class ProjectionMapper {
    private ProjectionMapper() {
    }

    /** The mapper of the result columns of {@code projection}, which start at column 1. */
    public static <R> RowMapper<R> of(Projection<R> projection, ValueReader reader,
                                      Function<Table<?>, RowLayout<?>> layouts) {
        return build(projection, reader, layouts);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <R> RowMapper<R> build(Projection<R> projection, ValueReader reader,
                                          Function<Table<?>, RowLayout<?>> layouts) {
        if (projection instanceof Projection.Rows<R> rows) {
            RowLayout<R> layout = (RowLayout<R>) layouts.apply(rows.source().table());
            List<Column<?>> columns = rows.source().table().columns();
            ColumnType<?>[] types = columns.stream().map(Column::type).toArray(ColumnType<?>[]::new);
            return rs -> layout.fromColumnValues(readAll(rs, reader, types));
        }
        if (projection instanceof Projection.Columns<R> cols) {
            ColumnType<?>[] types = cols.expressions().stream().map(Expression::type).toArray(ColumnType<?>[]::new);
            Function<Object[], R> combiner = cols.combiner();
            return rs -> combiner.apply(readAll(rs, reader, types));
        }
        Projection.Mapped mapped = (Projection.Mapped) projection;
        RowMapper inner = build(mapped.inner(), reader, layouts);
        Function f = mapped.mapper();
        return rs -> (R) f.apply(inner.map(rs));
    }

    private static Object[] readAll(java.sql.ResultSet rs, ValueReader reader, ColumnType<?>[] types)
            throws java.sql.SQLException {
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            values[i] = reader.read(rs, i + 1, types[i]);
        }
        return values;
    }
}
