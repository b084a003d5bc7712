package dev.cairn.dialect.render;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.Expression.AliasedColumn;
import dev.cairn.dsl.FromItem;
import dev.cairn.dsl.SelectStatement.Projection;
import dev.cairn.dsl.type.ColumnType;
import java.util.List;
import java.util.function.Function;
import org.jooq.Field;

/** The SELECT list of a {@link StatementWalk}: its tokens, and the fields it selects when building. */
final class ProjectionWalk implements Projection.Visitor<Void> {
    private final StatementWalk.Sink sink;
    private final TermWalk terms;
    // Both null when the walk does not build.
    private final Dialect building;
    private final Function<FromItem<?>, ?> from;
    private final List<Field<?>> out;
    private final boolean read;
    private final Grouping scope;

    /**
     * {@code from} tells the tokens of a table or alias; {@code read} is whether rows are read from the fields (the
     * SELECT list of a whole statement); {@code scope} the columns' scope, or null.
     */
    ProjectionWalk(StatementWalk.Sink sink, TermWalk terms, Dialect building, Function<FromItem<?>, ?> from,
                   List<Field<?>> out, boolean read, Grouping scope) {
        this.sink = sink;
        this.terms = terms;
        this.building = building;
        this.from = from;
        this.out = out;
        this.read = read;
        this.scope = scope;
    }

    // Only the SELECT list rows are read from: a subquery compares the values themselves.
    private Field<?> read(Field<Object> f, ColumnType<?> type) {
        return read && f != null ? JooqParts.readable(f, type, building) : f;
    }

    @Override
    public Void visit(Projection.Rows<?> rows) {
        sink.token("ROWS ");
        from.apply(rows.source());
        if (building != null) {
            FromItem<?> source = rows.source();
            for (Column<?> c : source.table().columns()) {
                Field<Object> f = source.alias() == null ? Grouping.in(scope, c, terms.field(c, true))
                        : Grouping.in(scope, new AliasedColumn<>(source.alias(), c), terms.aliased(source.alias(), c));
                out.add(read(f, c.type()));
            }
        }
        return null;
    }

    @Override
    public Void visit(Projection.Single<?> single) {
        sink.token("ONE ");
        Field<Object> f = terms.field(single.expression());
        if (out != null) {
            out.add(read(f, single.expression().type()));
        }
        return null;
    }

    @Override
    public Void visit(Projection.Columns<?> cols) {
        sink.token(cols.recordType() == null ? "COLS" : cols.recordType().getName());
        sink.token(" ");
        for (Expression<?> e : cols.expressions()) {
            Field<Object> f = terms.field(e);
            if (out != null) {
                out.add(read(f, e.type()));
            }
            sink.token(",");
        }
        return null;
    }

    @Override
    public Void visit(Projection.Mapped<?, ?> m) {
        return m.inner().accept(this);
    }

    /** Whether the projection selects columns only (or a table's rows): each selected name is a column's own. */
    static boolean columnsOnly(Projection<?> p) {
        if (p instanceof Projection.Mapped<?, ?> m) {
            return columnsOnly(m.inner());
        }
        if (p instanceof Projection.Rows<?>) {
            return true;
        }
        if (p instanceof Projection.Single<?> one) {
            return one.expression() instanceof Column<?>;
        }
        return p instanceof Projection.Columns<?> cols
                && cols.expressions().stream().allMatch(e -> e instanceof Column<?>);
    }
}
