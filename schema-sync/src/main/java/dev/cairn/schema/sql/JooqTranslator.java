package dev.cairn.schema.sql;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Condition.Between;
import dev.cairn.dsl.Condition.Comparison;
import dev.cairn.dsl.Condition.Exists;
import dev.cairn.dsl.Condition.InList;
import dev.cairn.dsl.Condition.InSelect;
import dev.cairn.dsl.Condition.Junction;
import dev.cairn.dsl.Condition.Like;
import dev.cairn.dsl.Condition.Negation;
import dev.cairn.dsl.Condition.NullCheck;
import dev.cairn.dsl.Condition.RawCondition;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.Expression.AliasedColumn;
import dev.cairn.dsl.Expression.Arithmetic;
import dev.cairn.dsl.Expression.Function;
import dev.cairn.dsl.Expression.Param;
import dev.cairn.dsl.FromItem;
import dev.cairn.dsl.SelectStatement;
import dev.cairn.dsl.type.ColumnType;
import dev.cairn.schema.Dialect;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Translates the model's tables, columns, conditions and sort keys into jOOQ query parts. Values become what the
 * {@link ValueRenderer} makes of them: bind parameters for queries, inlined literals for DDL (check constraints,
 * from the model only). This is the one place where the model's expressions meet jOOQ.
 */
public final class JooqTranslator {

    /** Turns a model value into a jOOQ field: a bind parameter or an inlined literal. */
    @FunctionalInterface
    public interface ValueRenderer {
        Field<Object> render(Param<?> param, DataType<Object> storageType);
    }

    /** Translates a subquery (of an IN or EXISTS) with the same value numbering as the enclosing query. */
    @FunctionalInterface
    public interface SubqueryTranslator {
        org.jooq.Select<?> translate(SelectStatement<?> subquery);
    }

    private final Dialect dialect;
    private final boolean qualify;
    private final ValueRenderer values;
    private final SubqueryTranslator subqueries;

    /**
     * @param dialect    the target database
     * @param qualify    whether column references carry their table name (queries) or not (DDL)
     * @param values     how values are rendered
     * @param subqueries how subqueries are translated; {@code null} where they are not allowed (DDL)
     */
    public JooqTranslator(Dialect dialect, boolean qualify, ValueRenderer values, SubqueryTranslator subqueries) {
        this.dialect = dialect;
        this.qualify = qualify;
        this.values = values;
        this.subqueries = subqueries;
    }

    /** A translator for DDL: unqualified columns, values inlined as literals of their storage type. */
    public static JooqTranslator forDdl(Dialect dialect) {
        return new JooqTranslator(dialect, false, (p, type) ->
                DSL.inline(StorageValues.toStorage(p.type(), p.value(), dialect), type), null);
    }

    /**
     * The number of parameters an IN list of {@code n} values is rendered with: the next power of two up to 1,024,
     * then the next multiple of 1,024. The last value fills the padding, which matches nothing new; in exchange,
     * lists of any length share a few query shapes instead of one each.
     */
    public static int paddedInListSize(int n) {
        if (n <= 1) {
            return n;
        }
        if (n <= 1024) {
            return Integer.highestOneBit(n - 1) << 1;
        }
        return (n + 1023) / 1024 * 1024;
    }

    /** The table, by its quoted name. */
    public Table<?> table(dev.cairn.dsl.Table<?> table) {
        return DSL.table(DSL.name(table.name()));
    }

    /** A table or an aliased table. */
    public Table<?> table(FromItem<?> item) {
        Table<?> t = table(item.table());
        return item.alias() == null ? t : t.as(DSL.name(item.alias()));
    }

    /** The storage type of a model type in this dialect. */
    @SuppressWarnings("unchecked")
    public DataType<Object> storageType(ColumnType<?> type) {
        return (DataType<Object>) SqlTypes.storage(type, dialect);
    }

    /** A column or value. */
    public Field<Object> field(Expression<?> expression) {
        return expression.accept(fields);
    }

    private final Expression.Visitor<Field<Object>> fields = new Expression.Visitor<>() {
        @Override
        public Field<Object> visit(Column<?> c) {
            return qualify ? DSL.field(DSL.name(c.table().name(), c.name()), storageType(c.type()))
                    : DSL.field(DSL.name(c.name()), storageType(c.type()));
        }

        @Override
        public Field<Object> visit(AliasedColumn<?> a) {
            return DSL.field(DSL.name(a.alias(), a.column().name()), storageType(a.type()));
        }

        @Override
        public Field<Object> visit(Param<?> p) {
            return values.render(p, storageType(p.type()));
        }

        @Override
        public Field<Object> visit(Arithmetic<?> a) {
            Field<Object> left = field(a.left());
            Field<Object> right = field(a.right());
            return switch (a.op()) {
                case PLUS -> left.plus(right);
                case MINUS -> left.minus(right);
                case TIMES -> left.times(number(right));
                case DIVIDE -> left.divide(number(right));
            };
        }

        @Override
        public Field<Object> visit(Function<?> f) {
            return function(f);
        }
    };

    /**
     * A text operand of LIKE, LOWER or UPPER. H2 keeps a CHAR(n) value padded with spaces where MySQL drops them,
     * so "ends with 'abc'" would miss 'abc' in a CHAR(8); on H2 such a column is read without its padding.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Field<Object> text(Expression<?> operand) {
        Field<Object> f = field(operand);
        if (dialect.family() == Dialect.Family.H2 && operand.type().kind() == ColumnType.Kind.CHAR
                && (operand instanceof Column<?> || operand instanceof AliasedColumn<?>)) {
            return (Field) DSL.rtrim((Field<String>) (Field) f);
        }
        return f;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Field<? extends Number> number(Field<Object> f) {
        return (Field<? extends Number>) (Field) f;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Field<Object> function(Function<?> f) {
        if (f.operand() == null) {
            return (Field) DSL.count();
        }
        Field<Object> operand = field(f.operand());
        Field<?> result = switch (f.name()) {
            case COUNT -> f.distinct() ? DSL.countDistinct(operand) : DSL.count(operand);
            case SUM -> DSL.sum((Field<? extends Number>) (Field) operand);
            case AVG -> DSL.avg((Field<? extends Number>) (Field) operand);
            case MIN -> DSL.min(operand);
            case MAX -> DSL.max(operand);
            case LOWER -> DSL.lower((Field<String>) (Field) text(f.operand()));
            case UPPER -> DSL.upper((Field<String>) (Field) text(f.operand()));
        };
        return (Field<Object>) result;
    }

    @SuppressWarnings("unchecked")
    private org.jooq.Select<? extends Record1<Object>> subquery(SelectStatement<?> select) {
        if (subqueries == null) {
            throw new IllegalArgumentException("Subqueries are not allowed here: " + select);
        }
        return (org.jooq.Select<? extends Record1<Object>>) subqueries.translate(select);
    }

    /** A condition. */
    public org.jooq.Condition condition(Condition condition) {
        return condition.accept(conditions);
    }

    private final Condition.Visitor<org.jooq.Condition> conditions = new Condition.Visitor<>() {
        @Override
        public org.jooq.Condition visit(Comparison c) {
            Field<Object> left = field(c.left());
            Field<Object> right = field(c.right());
            return switch (c.operator()) {
                case EQ -> left.eq(right);
                case NE -> left.ne(right);
                case GT -> left.gt(right);
                case LT -> left.lt(right);
                case GE -> left.ge(right);
                case LE -> left.le(right);
            };
        }

        @Override
        public org.jooq.Condition visit(Junction j) {
            List<org.jooq.Condition> parts = new ArrayList<>(j.parts().size());
            for (Condition part : j.parts()) {
                parts.add(condition(part));
            }
            return j.isAnd() ? DSL.and(parts) : DSL.or(parts);
        }

        @Override
        public org.jooq.Condition visit(Negation n) {
            return DSL.not(condition(n.operand()));
        }

        @Override
        public org.jooq.Condition visit(NullCheck n) {
            Field<Object> f = field(n.operand());
            return n.negated() ? f.isNotNull() : f.isNull();
        }

        @Override
        public org.jooq.Condition visit(InList in) {
            Field<Object> f = field(in.operand());
            if (in.values().isEmpty()) {
                return in.negated() ? DSL.trueCondition() : DSL.falseCondition();
            }
            int padded = paddedInListSize(in.values().size());
            List<Field<Object>> list = new ArrayList<>(padded);
            for (Param<?> p : in.values()) {
                list.add(field(p));
            }
            Param<?> last = in.values().get(in.values().size() - 1);
            while (list.size() < padded) {
                list.add(field(last));
            }
            return in.negated() ? f.notIn(list) : f.in(list);
        }

        @Override
        public org.jooq.Condition visit(Between b) {
            Field<Object> f = field(b.operand());
            return b.negated() ? f.notBetween(field(b.low()), field(b.high()))
                    : f.between(field(b.low()), field(b.high()));
        }

        @Override
        @SuppressWarnings("unchecked")
        public org.jooq.Condition visit(Like l) {
            Field<String> f = (Field<String>) (Field<?>) text(l.operand());
            Field<String> pattern = (Field<String>) (Field<?>) field(l.pattern());
            if (l.escape() != null) {
                char e = l.escape();
                if (l.ignoreCase()) {
                    return l.negated() ? f.notLikeIgnoreCase(pattern, e) : f.likeIgnoreCase(pattern, e);
                }
                return l.negated() ? f.notLike(pattern, e) : f.like(pattern, e);
            }
            if (l.ignoreCase()) {
                return l.negated() ? f.notLikeIgnoreCase(pattern) : f.likeIgnoreCase(pattern);
            }
            return l.negated() ? f.notLike(pattern) : f.like(pattern);
        }

        @Override
        public org.jooq.Condition visit(InSelect in) {
            Field<Object> f = field(in.operand());
            var sub = subquery(in.subquery());
            return in.negated() ? f.notIn(sub) : f.in(sub);
        }

        @Override
        public org.jooq.Condition visit(Exists e) {
            var sub = subquery(e.subquery());
            return e.negated() ? DSL.notExists(sub) : DSL.exists(sub);
        }

        @Override
        public org.jooq.Condition visit(RawCondition raw) {
            Object[] bindings = new Object[raw.params().size()];
            for (int i = 0; i < bindings.length; i++) {
                bindings[i] = field(raw.params().get(i));
            }
            return DSL.condition("(" + raw.sql() + ")", bindings);
        }
    };

    /** A sort key. */
    public SortField<Object> sort(dev.cairn.dsl.SortField key) {
        Field<Object> f = field(key.expression());
        SortField<Object> s = key.descending() ? f.desc() : f.asc();
        return switch (key.nulls()) {
            case DEFAULT -> s;
            case FIRST -> s.nullsFirst();
            case LAST -> s.nullsLast();
        };
    }
}
