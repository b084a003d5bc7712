package dev.cairn.dialect.render;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.Condition.Like;
import dev.cairn.dsl.Condition.Operator;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.Expression.Arithmetic;
import dev.cairn.dsl.Expression.Function;
import dev.cairn.dsl.SelectStatement.Join;
import dev.cairn.dsl.type.ColumnType;
import org.jooq.Field;
import org.jooq.JoinType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The jOOQ form of one node of the model, given the jOOQ forms of its operands. */
final class JooqParts {
    private JooqParts() {
    }

    /**
     * A selected field as the driver reads it exactly. MySQL/MariaDB write a FLOAT in the text protocol with 6
     * significant digits (16777217 comes back as 16777200); selected as a double, its exact value comes back and
     * converts back to the same float.
     */
    static Field<?> readable(Field<Object> f, ColumnType<?> type, Dialect dialect) {
        if (type.kind() == ColumnType.Kind.FLOAT && dialect.isMySqlFamily()) {
            return DSL.field("({0} + 0e0)", SQLDataType.DOUBLE, f);
        }
        return f;
    }

    static org.jooq.Condition compare(Field<Object> left, Operator operator, Field<Object> right) {
        return switch (operator) {
            case EQ -> left.eq(right);
            case NE -> left.ne(right);
            case GT -> left.gt(right);
            case LT -> left.lt(right);
            case GE -> left.ge(right);
            case LE -> left.le(right);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static org.jooq.Condition like(Field<Object> operand, Like l, Field<Object> patternField, boolean ilike) {
        Field<String> f = (Field<String>) (Field) operand;
        Field<String> pattern = (Field<String>) (Field) patternField;
        if (l.ignoreCase() && ilike) {
            if (l.escape() != null) {
                char e = l.escape();
                return l.negated() ? f.notLikeIgnoreCase(pattern, e) : f.likeIgnoreCase(pattern, e);
            }
            return l.negated() ? f.notLikeIgnoreCase(pattern) : f.likeIgnoreCase(pattern);
        }
        if (l.ignoreCase()) {
            // Written out rather than H2's ILIKE, which fails to bind an empty pattern inside a derived table.
            f = DSL.lower(f);
            pattern = DSL.lower(pattern);
        }
        if (l.escape() != null) {
            char e = l.escape();
            return l.negated() ? f.notLike(pattern, e) : f.like(pattern, e);
        }
        return l.negated() ? f.notLike(pattern) : f.like(pattern);
    }

    /** {@code operand LIKE pattern ESCAPE '!'}, the pattern in {@code collation} when it is not null. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static org.jooq.Condition likeExactly(Field<Object> operand, Field<Object> pattern, String collation) {
        return ((Field<String>) (Field) operand).like((Field<String>) (Field) (collation == null ? pattern
                : collated(pattern, collation)), Expression.LIKE_ESCAPE);
    }

    /**
     * {@code CONVERT(f USING utf8mb4) COLLATE collation}. The conversion is for Connector/J, which under
     * NO_BACKSLASH_ESCAPES sends text holding a quote or backslash as a binary hex literal, which no text collation
     * applies to.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Field<Object> collated(Field<Object> f, String collation) {
        return (Field) DSL.field("convert({0} using utf8mb4)", String.class, f).collate(collation);
    }

    static Field<Object> arithmetic(Field<Object> left, Arithmetic.Op op, Field<Object> right) {
        return switch (op) {
            case PLUS -> left.plus(right);
            case MINUS -> left.minus(right);
            case TIMES -> left.times(number(right));
            case DIVIDE -> left.divide(number(right));
        };
    }

    /** A function of an operand already translated ({@code null} for {@code count(*)}). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Field<Object> function(Function<?> f, Field<Object> operand) {
        if (operand == null) {
            return (Field) DSL.count();
        }
        Field<?> result = switch (f.name()) {
            case COUNT -> f.distinct() ? DSL.countDistinct(operand) : DSL.count(operand);
            case SUM -> DSL.sum(number(operand));
            case AVG -> DSL.avg(number(operand));
            case MIN -> DSL.min(operand);
            case MAX -> DSL.max(operand);
            case LOWER -> DSL.lower((Field<String>) (Field) operand);
            case UPPER -> DSL.upper((Field<String>) (Field) operand);
        };
        return (Field<Object>) result;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Field<? extends Number> number(Field<Object> f) {
        return (Field<? extends Number>) (Field) f;
    }

    static JoinType joinType(Join.Kind kind) {
        return switch (kind) {
            case INNER -> JoinType.JOIN;
            case LEFT -> JoinType.LEFT_OUTER_JOIN;
            case RIGHT -> JoinType.RIGHT_OUTER_JOIN;
        };
    }
}
