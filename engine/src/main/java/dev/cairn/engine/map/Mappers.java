package dev.cairn.engine.map;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.SelectStatement.Projection;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.ColumnType;
import dev.cairn.engine.bind.RowMapper;
import dev.cairn.engine.bind.ValueReader;
import dev.cairn.engine.compile.CompiledQuery;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The row mappers of query results. A mapper is built once per result layout and target type and kept with the
 * compiled query shape, so a query of a cached shape looks it up with one field read. Records, mutable classes,
 * single columns and tuples get generated mappers ({@link MapperGenerator}); untyped rows, {@code ResultRow}s and
 * targets the generator cannot reach are read through {@link ValueReader} and reflection instead.
 */
public final class Mappers {
    private static final Logger LOG = LoggerFactory.getLogger(Mappers.class);

    private final Dialect dialect;
    private final ValueReader reader;
    private final ConcurrentHashMap<Table<?, ?>, RowLayout<?>> layouts = new ConcurrentHashMap<>();

    public Mappers(Dialect dialect) {
        this.dialect = dialect;
        this.reader = new ValueReader(dialect);
    }

    /** The layout of a table's row type, checked once. */
    @SuppressWarnings("unchecked")
    public <R> RowLayout<R> layout(Table<R, ?> table) {
        return (RowLayout<R>) layouts.computeIfAbsent(table, RowLayout::of);
    }

    /** The mapper of a projection's rows, taken from (or kept with) the compiled shape when it depends only on it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <R> RowMapper<R> of(Projection<R> projection, CompiledQuery shape) {
        if (projection instanceof Projection.Mapped mapped) {
            RowMapper inner = of(mapped.inner(), shape);
            Function f = mapped.mapper();
            return rs -> (R) f.apply(inner.map(rs));
        }
        if (projection instanceof Projection.Columns<R> cols && cols.recordType() == null) {
            return combined(cols);
        }
        RowMapper<?> cached = shape.mapper();
        if (cached == null) {
            cached = build(projection);
            shape.mapper(cached);
        }
        return (RowMapper<R>) cached;
    }

    private RowMapper<?> build(Projection<?> projection) {
        if (projection instanceof Projection.Rows<?> rows) {
            return forTable(rows.source().table());
        }
        if (projection instanceof Projection.Single<?> single) {
            ColumnType<?> type = single.expression().type();
            RowMapper<?> generated = MapperGenerator.trySingle(
                    new MapperGenerator.Slot(1, type, type.javaType(), null, null, null), dialect);
            return generated != null ? generated : rs -> reader.read(rs, 1, type);
        }
        Projection.Columns<?> cols = (Projection.Columns<?>) projection;
        List<MapperGenerator.Slot> slots = new ArrayList<>();
        for (int i = 0; i < cols.expressions().size(); i++) {
            slots.add(new MapperGenerator.Slot(i + 1, cols.expressions().get(i).type(), Object.class, null, null, null));
        }
        RowMapper<?> generated = MapperGenerator.tryConstructor(cols.recordType(), slots, dialect);
        return generated != null ? generated : combined(cols);
    }

    private <R> RowMapper<R> combined(Projection.Columns<R> cols) {
        ColumnType<?>[] types = cols.expressions().stream().map(Expression::type).toArray(ColumnType<?>[]::new);
        Function<Object[], R> combiner = cols.combiner();
        return rs -> {
            Object[] values = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                values[i] = reader.read(rs, i + 1, types[i]);
            }
            return combiner.apply(values);
        };
    }

    /** The mapper of whole rows of a table, its columns selected in column order. */
    private <R> RowMapper<R> forTable(Table<R, ?> table) {
        RowLayout<R> layout = layout(table);
        RowMapper<?> generated = switch (layout.kind()) {
            case RECORD -> MapperGenerator.tryConstructor(table.rowType(), slots(layout, false), dialect);
            case BEAN -> MapperGenerator.tryFields(table.rowType(), slots(layout, true), dialect);
            case ROW -> null;
        };
        if (generated != null) {
            @SuppressWarnings("unchecked")
            RowMapper<R> typed = (RowMapper<R>) generated;
            return typed;
        }
        if (layout.kind() != RowLayout.Kind.ROW) {
            LOG.debug("Rows of {} are mapped reflectively: {} is not reachable by a generated mapper",
                    table.name(), table.rowType().getName());
        }
        List<Column<?>> columns = table.columns();
        ColumnType<?>[] types = columns.stream().map(Column::type).toArray(ColumnType<?>[]::new);
        return rs -> {
            Object[] values = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                values[i] = reader.read(rs, i + 1, types[i]);
            }
            return layout.fromColumnValues(values);
        };
    }

    private static List<MapperGenerator.Slot> slots(RowLayout<?> layout, boolean bean) {
        Column<?>[] columns = layout.componentColumns();
        Class<?>[] types = layout.componentTypes();
        String[] names = layout.componentNames();
        List<MapperGenerator.Slot> slots = new ArrayList<>(columns.length);
        for (int i = 0; i < columns.length; i++) {
            Method setter = bean ? setter(layout.table().rowType(), names[i], types[i]) : null;
            slots.add(new MapperGenerator.Slot(columns[i].position() + 1, columns[i].type(), types[i],
                    layout.nullIntoPrimitive(i), names[i], setter));
        }
        return slots;
    }

    private static Method setter(Class<?> type, String field, Class<?> fieldType) {
        String name = "set" + field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1);
        try {
            Method m = type.getMethod(name, fieldType);
            return Modifier.isStatic(m.getModifiers()) ? null : m;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
