package dev.cairn.schema.sql;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.ColumnType;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.ast.Between;
import dev.cairn.dsl.ast.Comparison;
import dev.cairn.dsl.ast.InList;
import dev.cairn.dsl.ast.Junction;
import dev.cairn.dsl.ast.Like;
import dev.cairn.dsl.ast.Negation;
import dev.cairn.dsl.ast.NullCheck;
import dev.cairn.dsl.ast.Param;
import dev.cairn.schema.Dialect;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DataType;
import org.jooq.Field;
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

    private final Dialect dialect;
    private final boolean qualify;
    private final ValueRenderer values;

    /**
     * @param dialect the target database
     * @param qualify whether column references carry their table name (queries) or not (DDL)
     * @param values  how values are rendered
     */
    public JooqTranslator(Dialect dialect, boolean qualify, ValueRenderer values) {
        this.dialect = dialect;
        this.qualify = qualify;
        this.values = values;
    }

    /** A translator for DDL: unqualified columns, values inlined as literals of their storage type. */
    public static JooqTranslator forDdl(Dialect dialect) {
        return new JooqTranslator(dialect, false, (p, type) ->
                DSL.inline(StorageValues.toStorage(p.type(), p.value(), dialect), type));
    }

    /** The table, by its quoted name. */
    public Table<?> table(dev.cairn.dsl.Table<?> table) {
        return DSL.table(DSL.name(table.name()));
    }

    /** The storage type of a model type in this dialect. */
    @SuppressWarnings("unchecked")
    public DataType<Object> storageType(ColumnType<?> type) {
        return (DataType<Object>) SqlTypes.storage(type, dialect);
    }

    /** A column or value. */
    public Field<Object> field(Expression<?> expression) {
        if (expression instanceof Column<?> c) {
            return qualify ? DSL.field(DSL.name(c.table().name(), c.name()), storageType(c.type()))
                    : DSL.field(DSL.name(c.name()), storageType(c.type()));
        }
        if (expression instanceof Param<?> p) {
            return values.render(p, storageType(p.type()));
        }
        throw new IllegalArgumentException("Cannot translate expression " + expression + " ("
                + expression.getClass().getName() + ")");
    }

    /** A condition. */
    public org.jooq.Condition condition(Condition condition) {
        if (condition instanceof Comparison c) {
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
        if (condition instanceof Junction j) {
            List<org.jooq.Condition> parts = new ArrayList<>(j.parts().size());
            for (Condition part : j.parts()) {
                parts.add(condition(part));
            }
            return j.isAnd() ? DSL.and(parts) : DSL.or(parts);
        }
        if (condition instanceof Negation n) {
            return DSL.not(condition(n.operand()));
        }
        if (condition instanceof NullCheck n) {
            Field<Object> f = field(n.operand());
            return n.negated() ? f.isNotNull() : f.isNull();
        }
        if (condition instanceof InList in) {
            Field<Object> f = field(in.operand());
            if (in.values().isEmpty()) {
                return in.negated() ? DSL.trueCondition() : DSL.falseCondition();
            }
            List<Field<Object>> list = new ArrayList<>(in.values().size());
            for (Param<?> p : in.values()) {
                list.add(field(p));
            }
            return in.negated() ? f.notIn(list) : f.in(list);
        }
        if (condition instanceof Between b) {
            Field<Object> f = field(b.operand());
            return b.negated() ? f.notBetween(field(b.low()), field(b.high()))
                    : f.between(field(b.low()), field(b.high()));
        }
        if (condition instanceof Like l) {
            @SuppressWarnings("unchecked")
            Field<String> f = (Field<String>) (Field<?>) field(l.operand());
            @SuppressWarnings("unchecked")
            Field<String> pattern = (Field<String>) (Field<?>) field(l.pattern());
            if (l.ignoreCase()) {
                return l.negated() ? f.notLikeIgnoreCase(pattern) : f.likeIgnoreCase(pattern);
            }
            return l.negated() ? f.notLike(pattern) : f.like(pattern);
        }
        throw new IllegalArgumentException("Cannot translate condition " + condition + " ("
                + condition.getClass().getName() + ")");
    }

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
