package dev.cairn.engine.facet;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Condition.Between;
import dev.cairn.dsl.Condition.CaseSensitive;
import dev.cairn.dsl.Condition.Comparison;
import dev.cairn.dsl.Condition.Exists;
import dev.cairn.dsl.Condition.InList;
import dev.cairn.dsl.Condition.InSelect;
import dev.cairn.dsl.Condition.Junction;
import dev.cairn.dsl.Condition.Like;
import dev.cairn.dsl.Condition.Match;
import dev.cairn.dsl.Condition.Negation;
import dev.cairn.dsl.Condition.NullCheck;
import dev.cairn.dsl.Condition.Operator;
import dev.cairn.dsl.Condition.RawCondition;
import dev.cairn.dsl.Condition.RawExpression;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.Expression.AliasedColumn;
import dev.cairn.dsl.Expression.Arithmetic;
import dev.cairn.dsl.Expression.Call;
import dev.cairn.dsl.Expression.Case;
import dev.cairn.dsl.Expression.Param;
import dev.cairn.dsl.FromItem;
import dev.cairn.dsl.SelectStatement;
import dev.cairn.dsl.SelectStatement.Join;
import dev.cairn.dsl.SelectStatement.Projection;
import dev.cairn.dsl.SortField;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.ColumnType;
import dev.cairn.engine.bind.ValueConverter;
import dev.cairn.engine.exception.ForbiddenException;
import dev.cairn.engine.map.RowLayout;
import dev.cairn.engine.session.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rewrites what a statement reads so that a facet's rules hold: every table reference (the FROM, each join, the
 * tables of IN and EXISTS subqueries at any depth) must be a table of the facet and gets its row filter, bound;
 * every column read must be one the facet reads; raw SQL, which could name any table, is refused. The walks are
 * the DSL's visitors, one method per kind of condition, expression and projection, so a kind added to the DSL does
 * not compile until it is handled here.
 *
 * <p>Two trusted modes walk the facet's own filters: one gathers the names of the columns a filter reads, the other
 * moves a filter's columns to another reference of its table (an alias, or the table read by name).
 */
final class Rewriter implements Condition.Visitor<Condition>, Expression.Visitor<Expression<?>>,
        Projection.Visitor<Projection<?>> {
    private final FacetRules rules;
    private final Engine engine;
    // Collecting: the columns read, nothing checked or added.
    private final Set<String> seen;
    // Substituting: a trusted filter's columns of its table, moved to this reference (an alias, a table by name).
    private final FromItem<?> target;
    private final TableRule targetRule;

    Rewriter(FacetRules rules, Engine engine) {
        this(rules, engine, null, null, null);
    }

    private Rewriter(FacetRules rules, Engine engine, Set<String> seen, FromItem<?> target, TableRule targetRule) {
        this.rules = rules;
        this.engine = engine;
        this.seen = seen;
        this.target = target;
        this.targetRule = targetRule;
    }

    private boolean trusted() {
        return seen != null || target != null;
    }

    /** The lower-case names of the columns of {@code table} that a condition reads, subqueries included. */
    static Set<String> columnsRead(Condition condition, Table<?, ?> table) {
        Set<String> names = new java.util.HashSet<>();
        Set<String> all = new java.util.HashSet<>();
        condition.accept(new Rewriter(null, null, all, null, null));
        for (String qualified : all) {
            int dot = qualified.lastIndexOf('.');
            if (qualified.substring(0, dot).equalsIgnoreCase(table.name())) {
                names.add(qualified.substring(dot + 1));
            }
        }
        return names;
    }

    // ------------------------------------------------------------------------------------ statements

    @SuppressWarnings({"unchecked", "rawtypes"})
    <R> SelectStatement<R> statement(SelectStatement<R> s) {
        if (s.from() == null) {
            throw new IllegalStateException("The query has no FROM: add from(TABLE)");
        }
        Projection<R> projection = (Projection<R>) s.projection().accept(this);
        // References: 0 is the FROM, i the i-th join. Each filter goes where the rows it drops would leave the
        // result: an inner or left join's in its ON (a hidden row matches as a missing one would); the FROM's and a
        // right join's (the kept side) in the ON of the next right join, or else in WHERE.
        int n = s.joins().size();
        Condition[] filters = new Condition[n + 1];
        Join.Kind[] kinds = new Join.Kind[n + 1];
        FromItem<?>[] items = new FromItem<?>[n + 1];
        items[0] = s.from();
        filters[0] = filter(s.from());
        for (int i = 1; i <= n; i++) {
            Join j = s.joins().get(i - 1);
            kinds[i] = j.kind();
            items[i] = j.item();
            filters[i] = filter(j.item());
        }
        Condition[] placed = new Condition[n + 2];
        for (int i = 0; i <= n; i++) {
            if (kinds[i] == Join.Kind.INNER || kinds[i] == Join.Kind.LEFT) {
                placed[i] = Guards.and(placed[i], filters[i]);
            } else {
                int k = nextRight(kinds, i);
                placed[k] = Guards.and(placed[k], filters[i]);
            }
        }
        List<Join> joins = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            Join j = s.joins().get(i - 1);
            int at = i;
            Condition on = Guards.guarded(j.on().accept(this), () -> guard(filters, kinds, items, at));
            joins.add(new Join(j.kind(), j.item(), Guards.and(placed[i], on)));
        }
        Condition userWhere = s.where() == null ? null : s.where().accept(this);
        Condition where = Guards.and(placed[n + 1],
                Guards.guarded(userWhere, () -> guard(filters, kinds, items, n + 1)));
        List<Expression<?>> groupBy = new ArrayList<>();
        for (Expression<?> e : s.groupBy()) {
            groupBy.add(e.accept(this));
        }
        List<SortField> orderBy = new ArrayList<>();
        for (SortField o : s.orderBy()) {
            orderBy.add(new SortField(o.expression().accept(this), o.descending(), o.nulls()));
        }
        Condition having = s.having() == null ? null : s.having().accept(this);
        if (having != null && java.util.Arrays.stream(filters).anyMatch(java.util.Objects::nonNull)) {
            having = Guards.groupGuarded(having);
        }
        return new SelectStatement<>(projection, s.from(), joins, where, groupBy, having, orderBy, s.limit(),
                s.offset(), s.lock(), s.distinct());
    }

    /** The reference of the next right join after {@code i}, or one past the last (WHERE) when there is none. */
    private static int nextRight(Join.Kind[] kinds, int i) {
        for (int k = i + 1; k < kinds.length; k++) {
            if (kinds[k] == Join.Kind.RIGHT) {
                return k;
            }
        }
        return kinds.length;
    }

    /**
     * What must hold before a fallible condition of the ON of reference {@code at} (or of WHERE, past the last) is
     * evaluated: every earlier reference's filter, or its row filled with nulls where a join may have done so; the
     * reference {@code at} itself is a raw row of its table.
     */
    private Condition guard(Condition[] filters, Join.Kind[] kinds, FromItem<?>[] items, int at) {
        Condition guard = null;
        for (int i = 0; i <= Math.min(at, filters.length - 1); i++) {
            if (filters[i] == null) {
                continue;
            }
            boolean mayBeNull = i < at && (kinds[i] == Join.Kind.LEFT || nextRight(kinds, i) < at);
            Condition visible = Guards.visible(items[i], this::filter);
            guard = Guards.and(guard, mayBeNull ? Guards.nullable(items[i], visible) : visible);
        }
        return guard;
    }

    /** The row filter of a table reference, as that reference (alias, or a table reached by name) must read it. */
    Condition filter(FromItem<?> item) {
        if (trusted()) {
            return null;
        }
        TableRule r = rules.of(item.table(), "read");
        if (!r.hasFilter()) {
            return null;
        }
        if (r.eqColumn() != null) {
            Column<?> c = own(item.table(), r.eqColumn().name(), r);
            return new Comparison(reference(item, c), Operator.EQ, param(c, r.eqValue()));
        }
        if (item.alias() == null && item.table() == r.table()) {
            return r.condition();
        }
        // A general condition is written over the model's columns: an alias, or the same table reached by name,
        // reads it through its own (its subqueries keep theirs).
        return r.condition().accept(new Rewriter(null, null, null, item, r));
    }

    static Expression<?> reference(FromItem<?> item, Column<?> c) {
        return item.alias() == null ? c : new AliasedColumn<>(item.alias(), c);
    }

    /** The column of {@code table} named as the rule's: the same table may be a model's or one read by name. */
    static Column<?> own(Table<?, ?> table, String name, TableRule r) {
        Column<?> c = table.column(name);
        if (c == null) {
            throw new ForbiddenException("read", r.name(), name, "the table has no such column for the facet's filter");
        }
        return c;
    }

    @SuppressWarnings("unchecked")
    static Param<?> param(Column<?> c, Object value) {
        return new Param<>((ColumnType<Object>) c.type(), ValueConverter.convert(c, value));
    }

    // ------------------------------------------------------------------------------------ projections

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Projection<?> visit(Projection.Rows<?> rows) {
        if (trusted()) {
            return rows;
        }
        FromItem<?> source = rows.source();
        TableRule r = rules.of(source.table(), "read");
        if (r.readable() == null) {
            return rows;
        }
        // Only the columns the facet reads are selected; the row object holds null for the others.
        Table<?, ?> table = source.table();
        List<Expression<?>> selected = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            if (r.reads(c.name())) {
                selected.add(reference(source, c));
                positions.add(c.position());
            }
        }
        RowLayout layout = engine.layout(table);
        int width = table.columns().size();
        return new Projection.Columns<>(selected, v -> {
            Object[] full = new Object[width];
            for (int i = 0; i < v.length; i++) {
                full[positions.get(i)] = v[i];
            }
            return layout.fromColumnValues(full);
        }, null);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Projection<?> visit(Projection.Single<?> single) {
        return new Projection.Single(single.expression().accept(this));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Projection<?> visit(Projection.Columns<?> columns) {
        return new Projection.Columns(expressions(columns.expressions()), columns.combiner(), columns.recordType());
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Projection<?> visit(Projection.Mapped<?, ?> mapped) {
        return new Projection.Mapped(mapped.inner().accept(this), mapped.mapper());
    }

    private List<Expression<?>> expressions(List<Expression<?>> list) {
        List<Expression<?>> out = new ArrayList<>(list.size());
        for (Expression<?> e : list) {
            out.add(e.accept(this));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------ conditions

    @Override
    public Condition visit(Comparison c) {
        return new Comparison(c.left().accept(this), c.operator(), c.right().accept(this));
    }

    @Override
    public Condition visit(Junction j) {
        List<Condition> parts = new ArrayList<>(j.parts().size());
        for (Condition p : j.parts()) {
            parts.add(p.accept(this));
        }
        return Junction.of(j.isAnd(), parts);
    }

    @Override
    public Condition visit(Negation n) {
        return new Negation(n.operand().accept(this));
    }

    @Override
    public Condition visit(NullCheck n) {
        return new NullCheck(n.operand().accept(this), n.negated());
    }

    @Override
    public Condition visit(InList in) {
        return new InList(in.operand().accept(this), in.values(), in.negated());
    }

    @Override
    public Condition visit(Between b) {
        return new Between(b.operand().accept(this), b.low(), b.high(), b.negated());
    }

    @Override
    public Condition visit(Like l) {
        return new Like(l.operand().accept(this), l.pattern(), l.negated(), l.ignoreCase(), l.escape());
    }

    @Override
    public Condition visit(InSelect in) {
        return new InSelect(in.operand().accept(this), subquery(in.subquery()), in.negated());
    }

    @Override
    public Condition visit(Exists e) {
        return new Exists(subquery(e.subquery()), e.negated());
    }

    private SelectStatement<?> subquery(SelectStatement<?> s) {
        if (target != null) {
            return s;
        }
        if (seen == null) {
            return statement(s);
        }
        s.projection().accept(this);
        for (Join j : s.joins()) {
            j.on().accept(this);
        }
        if (s.where() != null) {
            s.where().accept(this);
        }
        return s;
    }

    @Override
    public Condition visit(RawCondition raw) {
        if (trusted()) {
            return raw;
        }
        throw new ForbiddenException("raw SQL", null, null, "raw SQL could read any table, so a facet refuses it");
    }

    @Override
    public Condition visit(Match match) {
        if (target != null) {
            return match;
        }
        for (Column<?> c : match.columns()) {
            visit(c);
        }
        return match;
    }

    @Override
    public Condition visit(CaseSensitive c) {
        return new CaseSensitive(c.operand().accept(this), c.pattern());
    }

    // ------------------------------------------------------------------------------------ expressions

    @Override
    public Expression<?> visit(Column<?> column) {
        if (target != null) {
            return column.table().name().equalsIgnoreCase(targetRule.name())
                    ? reference(target, own(target.table(), column.name(), targetRule)) : column;
        }
        if (seen != null) {
            seen.add(column.table().name() + "." + TableRule.key(column.name()));
            return column;
        }
        TableRule r = rules.of(column.table(), "read");
        if (!r.reads(column.name())) {
            throw new ForbiddenException("read", r.name(), column.name(), "the facet does not read this column");
        }
        return column;
    }

    @Override
    public Expression<?> visit(AliasedColumn<?> column) {
        if (target != null) {
            return column;
        }
        visit(column.column());
        return column;
    }

    @Override
    public Expression<?> visit(Param<?> param) {
        return param;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Expression<?> visit(Arithmetic<?> a) {
        return new Arithmetic(a.left().accept(this), a.op(), a.right().accept(this));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Expression<?> visit(Expression.Function<?> f) {
        return new Expression.Function(f.name(), f.operand() == null ? null : f.operand().accept(this), f.distinct(),
                f.type());
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Expression<?> visit(Call<?> call) {
        return new Call(call.fn(), expressions(call.operands()), call.unit(), call.type());
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Expression<?> visit(Case<?> c) {
        List<Case.When> whens = new ArrayList<>();
        for (Case.When<?> w : c.whens()) {
            whens.add(new Case.When(w.condition().accept(this), w.result().accept(this)));
        }
        return new Case(whens, c.otherwise() == null ? null : c.otherwise().accept(this), c.type());
    }

    @Override
    public Expression<?> visit(RawExpression<?> raw) {
        if (trusted()) {
            return raw;
        }
        throw new ForbiddenException("raw SQL", null, null, "raw SQL could read any table, so a facet refuses it");
    }

    @Override
    public Expression<?> visit(Match.Relevance relevance) {
        if (target != null) {
            return relevance;
        }
        visit(relevance.match());
        return relevance;
    }
}
