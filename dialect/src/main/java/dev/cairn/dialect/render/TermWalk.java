package dev.cairn.dialect.render;

import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.sql.SqlTypes;
import dev.cairn.dialect.sql.TableNames;
import dev.cairn.dialect.sql.ValueArray;
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
import dev.cairn.dsl.Condition.RawCondition;
import dev.cairn.dsl.Condition.RawExpression;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.Expression.AliasedColumn;
import dev.cairn.dsl.Expression.Arithmetic;
import dev.cairn.dsl.Expression.Call;
import dev.cairn.dsl.Expression.Case;
import dev.cairn.dsl.Expression.Function;
import dev.cairn.dsl.Expression.Param;
import dev.cairn.dsl.SelectStatement;
import dev.cairn.dsl.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import org.jooq.CaseConditionStep;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.Record1;
import org.jooq.impl.DSL;

/**
 * The part of {@link StatementWalk} that walks conditions and expressions: it tells the sink their tokens and values
 * and, when building, returns their jOOQ forms, numbering each value's placeholder with its index.
 */
final class TermWalk {
    /** Walks a subquery of an IN or EXISTS, with the same sink and numbering. */
    interface Subqueries {
        org.jooq.Select<? extends Record1<Object>> nested(SelectStatement<?> select);
    }

    private final StatementWalk.Sink sink;
    private final Dialect dialect;
    private final boolean building;
    private final boolean ddl;
    private final Subqueries subqueries;
    private final ConditionWalk conditions = new ConditionWalk();
    private final ExpressionWalk expressions = new ExpressionWalk();
    private int placeholders;
    // What the values met next are compared with.
    private Object subject;
    // Where columns and grouping keys stand for a grouped query's derived table, else null (see Grouping).
    private Grouping scope;

    TermWalk(StatementWalk.Sink sink, Dialect dialect, boolean building, boolean ddl, Subqueries subqueries) {
        this.sink = sink;
        this.dialect = dialect;
        this.building = building;
        this.ddl = ddl;
        this.subqueries = subqueries;
    }

    /** Starts a statement: no placeholders numbered yet, no subject. */
    void reset() {
        placeholders = 0;
        subject = null;
        scope = null;
    }

    /** Sets the scope the terms met next are walked in (null: as they are), and returns the one it replaces. */
    Grouping scope(Grouping next) {
        Grouping before = scope;
        scope = next;
        return before;
    }

    int placeholders() {
        return placeholders;
    }

    /** Sets what the values met next are compared with, or stored in. */
    void subject(Object subject) {
        this.subject = subject;
    }

    /** A condition: its tokens and values, and its jOOQ form when building. */
    org.jooq.Condition condition(Condition c) {
        return c.accept(conditions);
    }

    /** The walk of each kind of condition; a kind the model adds does not compile until it is walked here. */
    private final class ConditionWalk implements Condition.Visitor<org.jooq.Condition> {
        @Override
        public org.jooq.Condition visit(Comparison cmp) {
            subject = cmp.left() instanceof Param<?> ? cmp.right() : cmp.left();
            sink.token("(");
            Field<Object> left = field(cmp.left());
            sink.token(cmp.operator().symbol());
            Field<Object> right = field(cmp.right());
            sink.token(")");
            return !building ? null : JooqParts.compare(left, cmp.operator(), right);
        }

        @Override
        public org.jooq.Condition visit(Junction j) {
            sink.token(j.isAnd() ? "AND(" : "OR(");
            List<org.jooq.Condition> parts = new ArrayList<>(j.parts().size());
            for (Condition part : j.parts()) {
                parts.add(condition(part));
                sink.token(",");
            }
            sink.token(")");
            return !building ? null : j.isAnd() ? DSL.and(parts) : DSL.or(parts);
        }

        @Override
        public org.jooq.Condition visit(Negation n) {
            sink.token("NOT(");
            org.jooq.Condition inner = condition(n.operand());
            sink.token(")");
            return !building ? null : DSL.not(inner);
        }

        @Override
        public org.jooq.Condition visit(NullCheck n) {
            Field<Object> f = field(n.operand());
            sink.token(n.negated() ? " NOTNULL" : " ISNULL");
            return !building ? null : n.negated() ? f.isNotNull() : f.isNull();
        }

        @Override
        public org.jooq.Condition visit(InList in) {
            return inList(in);
        }

        @Override
        public org.jooq.Condition visit(Between b) {
            Field<Object> f = field(b.operand());
            sink.token(b.negated() ? " NOTBETWEEN " : " BETWEEN ");
            subject = b.operand();
            Field<Object> low = value(b.low(), subject, null);
            Field<Object> high = value(b.high(), subject, null);
            return !building ? null : b.negated() ? f.notBetween(low, high) : f.between(low, high);
        }

        @Override
        public org.jooq.Condition visit(Like l) {
            Field<Object> f = text(l.operand());
            sink.token(l.negated() ? " NOTLIKE" : " LIKE");
            sink.token(l.ignoreCase() ? "I" : "_");
            sink.token(l.escape() == null ? " " : l.escape() == '!' ? "E! " : "E" + l.escape() + " ");
            Field<Object> pattern = value(l.pattern(), l.operand(), null);
            if (building && l.ignoreCase() && dialect.isMySqlFamily()) {
                // Lower case on both sides, compared in a binary collation: accents count, as they do on H2, where
                // a utf8mb4_general_ci column would take 'é' for 'e'.
                pattern = JooqParts.collated(pattern, "utf8mb4_bin");
            }
            // PostgreSQL: ILIKE, its own ignore-case LIKE, which like H2's lower-case comparison counts accents.
            return !building ? null : JooqParts.like(f, l, pattern, dialect.isPostgres());
        }

        @Override
        public org.jooq.Condition visit(InSelect in) {
            Field<Object> f = field(in.operand());
            sink.token(in.negated() ? " NOTIN(" : " IN(");
            var sub = subqueries.nested(in.subquery());
            sink.token(")");
            return !building ? null : in.negated() ? f.notIn(sub) : f.in(sub);
        }

        @Override
        public org.jooq.Condition visit(Exists e) {
            sink.token(e.negated() ? "NOTEXISTS(" : "EXISTS(");
            var sub = subqueries.nested(e.subquery());
            sink.token(")");
            return !building ? null : e.negated() ? DSL.notExists(sub) : DSL.exists(sub);
        }

        @Override
        public org.jooq.Condition visit(RawCondition raw) {
            sink.token("RAW{");
            sink.token(raw.sql());
            sink.token("}");
            Object[] bindings = new Object[raw.params().size()];
            for (int i = 0; i < bindings.length; i++) {
                bindings[i] = value(raw.params().get(i), null, null);
            }
            return !building ? null : DSL.condition("(" + raw.sql() + ")", bindings);
        }

        @Override
        public org.jooq.Condition visit(Match m) {
            sink.token("MATCH ");
            QueryPart[] parts = match(m);
            return !building ? null : DSL.condition(CallSql.match(dialect, m), parts);
        }

        @Override
        public org.jooq.Condition visit(CaseSensitive cs) {
            sink.token(" CSLIKE(");
            Field<Object> f = text(cs.operand());
            Field<Object> pattern = value(cs.pattern(), cs.operand(), null);
            if (!dialect.isMySqlFamily()) {
                // H2 compares text by code point, whatever the column (Cairn never sets a database collation);
                // PostgreSQL's LIKE is case-sensitive in every deterministic collation.
                sink.token(")");
                return !building ? null : JooqParts.likeExactly(f, pattern, null);
            }
            // The column's collation is usually case-insensitive: its own LIKE, which an index can serve, narrows
            // the rows, and the same LIKE in a binary collation decides. LIKE never pads, so trailing spaces count.
            sink.token(",");
            Field<Object> f2 = text(cs.operand());
            Field<Object> pattern2 = value(cs.pattern(), cs.operand(), null);
            sink.token(")");
            return !building ? null
                    : JooqParts.likeExactly(f, pattern, null).and(JooqParts.likeExactly(f2, pattern2, "utf8mb4_bin"));
        }
    }

    /** The columns and the text of a full-text search: their tokens and values, and their jOOQ parts. */
    private QueryPart[] match(Match m) {
        sink.token(m.mode().name());
        sink.token("(");
        QueryPart[] parts = new QueryPart[m.columns().size() + 1];
        for (int i = 0; i < m.columns().size(); i++) {
            parts[i] = field(m.columns().get(i));
            sink.token(",");
        }
        parts[parts.length - 1] = value(m.text(), m.columns().get(0), null);
        sink.token(")");
        return parts;
    }

    private org.jooq.Condition inList(InList in) {
        int size = in.values().size();
        if (size == 0) {
            // Nothing is in an empty list: the operand (and any value in it) is left out.
            sink.token(in.negated() ? " NOTIN0" : " IN0");
            return !building ? null : in.negated() ? DSL.trueCondition() : DSL.falseCondition();
        }
        Field<Object> f = field(in.operand());
        subject = in.operand();
        if (dialect.isPostgres() && !ddl && size > ValueArray.LISTS_OVER) {
            return anyOfArray(in, f);
        }
        int padded = InListPadding.padded(size);
        sink.token(in.negated() ? " NOTIN" : " IN");
        sink.token(padded);
        sink.token("(");
        // Told in one go, building or not (both walks give one shape); the last value pads: it matches nothing new.
        sink.values(in.values(), padded, subject);
        if (!building) {
            sink.token(")");
            return null;
        }
        List<Field<Object>> list = new ArrayList<>(padded);
        for (int i = 0; i < padded; i++) {
            list.add(bound(in.values().get(Math.min(i, size - 1))));
        }
        sink.token(")");
        return in.negated() ? f.notIn(list) : f.in(list);
    }

    /** A long IN list on PostgreSQL: one array parameter for any length (see {@link ValueArray}). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private org.jooq.Condition anyOfArray(InList in, Field<Object> f) {
        ColumnType<?> type = in.values().get(0).type();
        ValueArray array = ValueArray.of(type, in.values(), dialect);
        sink.token(in.negated() ? " <>ALL" : " =ANY");
        sink.token(type.kind());
        Field<Object> p = value(new Param(type, array), subject, null);
        return building ? ValueArray.condition(f, p, type, in.negated()) : null;
    }

    /** An expression: its tokens and values, and its jOOQ field when building. */
    Field<Object> field(Expression<?> e) {
        int key = scope == null ? -1 : scope.key(e);
        if (key < 0) {
            return e.accept(expressions);
        }
        sink.token("KEY#");
        sink.token(key);
        return !building ? null : Grouping.keyField(key, storageType(e.type()));
    }

    /** The walk of each kind of expression; a kind the model adds does not compile until it is walked here. */
    private final class ExpressionWalk implements Expression.Visitor<Field<Object>> {
        @Override
        public Field<Object> visit(Column<?> col) {
            sink.token(col);
            return !building ? null : Grouping.in(scope, col, field(col, !ddl));
        }

        @Override
        public Field<Object> visit(AliasedColumn<?> a) {
            sink.token(a.alias());
            sink.token(a.column());
            return !building ? null : Grouping.in(scope, a, aliased(a.alias(), a.column()));
        }

        @Override
        public Field<Object> visit(Param<?> p) {
            return value(p, subject, null);
        }

        @Override
        public Field<Object> visit(Arithmetic<?> a) {
            sink.token("(");
            Field<Object> left = field(a.left());
            sink.token(a.op().symbol());
            Field<Object> right = field(a.right());
            sink.token(")");
            return !building ? null : JooqParts.arithmetic(left, a.op(), right);
        }

        @Override
        public Field<Object> visit(Function<?> f) {
            sink.token(f.name().name());
            sink.token(f.distinct() ? "(D " : "(");
            Field<Object> operand = null;
            if (f.operand() == null) {
                sink.token("*");
            } else {
                operand = f.name() == Function.Name.LOWER || f.name() == Function.Name.UPPER
                        ? text(f.operand()) : field(f.operand());
            }
            sink.token(")");
            return !building ? null : JooqParts.function(f, operand);
        }

        @Override
        public Field<Object> visit(Call<?> c) {
            Object outer = subject;
            subject = c;
            sink.token(c.fn());
            if (c.unit() != null) {
                sink.token(c.unit());
            }
            if (c.fn() == Call.Fn.CAST) {
                sink.token(c.type().toString());
            }
            sink.token("(");
            List<Field<Object>> operands = new ArrayList<>(c.operands().size());
            for (int i = 0; i < c.operands().size(); i++) {
                Expression<?> o = c.operands().get(i);
                operands.add(CallSql.isText(c, i) ? text(o) : field(o));
                sink.token(",");
            }
            sink.token(")");
            subject = outer;
            return !building ? null : CallSql.call(dialect, c, operands, storageType(c.type()));
        }

        @Override
        public Field<Object> visit(Case<?> c) {
            Object outer = subject;
            sink.token("CASE(");
            CaseConditionStep<Object> when = null;
            for (Case.When<?> w : c.whens()) {
                sink.token(" WHEN ");
                org.jooq.Condition condition = condition(w.condition());
                sink.token(" THEN ");
                subject = c;
                Field<Object> result = field(w.result());
                if (building) {
                    when = when == null ? DSL.when(condition, result) : when.when(condition, result);
                }
            }
            Field<Object> otherwise = null;
            if (c.otherwise() != null) {
                sink.token(" ELSE ");
                subject = c;
                otherwise = field(c.otherwise());
            }
            sink.token(" END)");
            subject = outer;
            return !building ? null : otherwise == null ? when : when.otherwise(otherwise);
        }

        @Override
        public Field<Object> visit(RawExpression<?> raw) {
            sink.token("RAWX{");
            sink.token(raw.type().toString());
            sink.token(raw.sql());
            sink.token("}");
            Object[] bindings = new Object[raw.params().size()];
            for (int i = 0; i < bindings.length; i++) {
                bindings[i] = value(raw.params().get(i), null, null);
            }
            return !building ? null : DSL.field("(" + raw.sql() + ")", storageType(raw.type()), bindings);
        }

        @Override
        public Field<Object> visit(Match.Relevance r) {
            sink.token("RELEVANCE ");
            QueryPart[] parts = match(r.match());
            return !building ? null : DSL.field(CallSql.match(dialect, r.match()), storageType(r.type()), parts);
        }
    }

    /**
     * A text operand of LIKE, LOWER or UPPER. H2 keeps a CHAR(n) value padded where MySQL drops it (PostgreSQL's
     * LIKE sees it), so "ends with 'abc'" would miss 'abc' in a CHAR(8); there the column is read without it.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Field<Object> text(Expression<?> operand) {
        Field<Object> f = field(operand);
        if (building && (dialect.family() == Dialect.Family.H2 || dialect.isPostgres()) && operand.type().kind()
                == ColumnType.Kind.CHAR && (operand instanceof Column<?> || operand instanceof AliasedColumn<?>)) {
            return (Field) DSL.rtrim((Field<String>) (Field) f);
        }
        return f;
    }

    /** The next value: told to the sink, and in the jOOQ parts a placeholder numbered with its index. */
    Field<Object> value(Param<?> p, Object comparedWith, Column<?> storedIn) {
        sink.value(p, comparedWith, storedIn);
        return building ? bound(p) : null;
    }

    /** The value's placeholder (inlined in DDL), the sink already told. */
    private Field<Object> bound(Param<?> p) {
        return ddl ? SqlTypes.literal(p.type(), p.value(), dialect)
                : Placeholders.param(placeholders++, storageType(p.type()));
    }

    Field<Object> field(Column<?> c, boolean qualified) {
        return qualified ? DSL.field(TableNames.column(c), storageType(c.type()))
                : DSL.field(DSL.name(c.name()), storageType(c.type()));
    }

    Field<Object> aliased(String alias, Column<?> c) {
        return DSL.field(DSL.name(alias, c.name()), storageType(c.type()));
    }

    @SuppressWarnings("unchecked")
    DataType<Object> storageType(ColumnType<?> type) {
        return (DataType<Object>) SqlTypes.storage(type, dialect);
    }
}
