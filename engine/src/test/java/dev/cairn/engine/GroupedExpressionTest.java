package dev.cairn.engine;

import static dev.cairn.dsl.Expression.DatePart.MONTH;
import static dev.cairn.dsl.query.Functions.coalesce;
import static dev.cairn.dsl.query.Functions.concat;
import static dev.cairn.dsl.query.Functions.count;
import static dev.cairn.dsl.query.Functions.dateAdd;
import static dev.cairn.dsl.query.Functions.hour;
import static dev.cairn.dsl.query.Functions.max;
import static dev.cairn.dsl.query.Functions.month;
import static dev.cairn.dsl.query.Functions.raw;
import static dev.cairn.dsl.query.Functions.substring;
import static dev.cairn.dsl.query.Functions.sum;
import static dev.cairn.dsl.query.Functions.when;
import static dev.cairn.dsl.query.Functions.year;
import static dev.cairn.engine.model.Sales.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.query.Select;
import dev.cairn.dsl.query.Tuple2;
import dev.cairn.dsl.query.Tuple3;
import dev.cairn.engine.model.Sales.Order;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.engine.testing.DatabaseTest;
import java.math.BigDecimal;
import java.util.List;

/**
 * Queries grouped by expressions that are not plain columns, with and without bound values: the grouped expression
 * selected, ordered by and tested in HAVING (alone or in a larger condition), counted and paged, alike on H2 and
 * MariaDB, with every value bound. Orders (see {@link FunctionTest#seed}): Ann 10.25 at 10h and 5.50 at 23h30 in
 * January 2024, Bob 200.00 at 8h in January 2024 and 1.00 at 0h in March 2025, Cyd 99.99 at 12h in February 2024.
 */
class GroupedExpressionTest {

    private static Expression<String> size(String big, String medium) {
        return when(ORDERS.amount.ge(new BigDecimal(big)), "big").when(ORDERS.amount.ge(new BigDecimal(medium)),
                "medium").otherwise("small");
    }

    @DatabaseTest
    void revenuePerMonthWithHavingOnTheMonth(TestDatabase t) {
        Database db = FunctionTest.seed(t);
        Expression<Integer> y = year(ORDERS.placedAt);
        Expression<Integer> m = month(ORDERS.placedAt);
        assertThat(db.select(y, m, sum(ORDERS.amount)).from(ORDERS).groupBy(y, m).having(m.ge(2))
                .orderBy(y.asc(), m.asc()).fetch()).extracting(Tuple3::first, Tuple3::second, r -> r.third()
                .stripTrailingZeros()).containsExactly(tuple(2024, 2, new BigDecimal("99.99")),
                tuple(2025, 3, BigDecimal.ONE));
        // Inside a larger condition, beside aggregates.
        assertThat(db.select(y, m).from(ORDERS).groupBy(y, m).having(m.ge(2).and(sum(ORDERS.amount)
                .gt(new BigDecimal("50")))).fetch()).containsExactly(new Tuple2<>(2024, 2));
        assertThat(db.select(m, count()).from(ORDERS).groupBy(y, m).having(y.eq(2024).or(count().gt(5L)).not()
                .not()).orderBy(count().desc(), m.desc()).fetch())
                .containsExactly(new Tuple2<>(1, 3L), new Tuple2<>(2, 1L));
    }

    @DatabaseTest
    void havingOnAGroupedFunctionAloneOrInALargerCondition(TestDatabase t) {
        Database db = FunctionTest.seed(t);
        Expression<Integer> h = hour(ORDERS.placedAt);
        assertThat(db.select(h, count()).from(ORDERS).groupBy(h).having(h.ge(12)).orderBy(h.asc()).fetch())
                .containsExactly(new Tuple2<>(12, 1L), new Tuple2<>(23, 1L));
        assertThat(db.select(h, count()).from(ORDERS).groupBy(h).having(hour(ORDERS.placedAt).lt(12)
                .and(count().gt(0L))).orderBy(hour(ORDERS.placedAt).desc()).fetch()).extracting(Tuple2::first)
                .containsExactly(10, 8, 0);
        // Not selected, only tested and ordered by.
        assertThat(db.select(count()).from(ORDERS).groupBy(h).having(h.between(8, 12)).orderBy(h.desc()).fetch())
                .containsExactly(1L, 1L, 1L);
    }

    @DatabaseTest
    void caseBucketsWithValuesGroupedSelectedAndOrdered(TestDatabase t) {
        Database db = FunctionTest.seed(t);
        // Each use is an expression of its own, equal to the key: the same function of the same values.
        assertThat(db.select(size("100", "10"), count(), sum(ORDERS.amount)).from(ORDERS).groupBy(size("100", "10"))
                .orderBy(size("100", "10").desc()).fetch()).extracting(Tuple3::first, Tuple3::second)
                .containsExactly(tuple("small", 2L), tuple("medium", 2L), tuple("big", 1L));
        Expression<String> size = size("100", "10");
        assertThat(db.select(size, count()).from(ORDERS).groupBy(size).having(size.ne("medium"))
                .orderBy(count().desc(), size.asc()).fetch())
                .containsExactly(new Tuple2<>("small", 2L), new Tuple2<>("big", 1L));
        // The same shape with other values: no new compilation, other buckets.
        long before = db.compilations();
        Expression<String> other = size("50", "5");
        assertThat(db.select(other, count()).from(ORDERS).groupBy(other).having(other.ne("x"))
                .orderBy(count().desc(), other.asc()).fetch())
                .containsExactly(new Tuple2<>("big", 2L), new Tuple2<>("medium", 2L), new Tuple2<>("small", 1L));
        assertThat(db.compilations()).isEqualTo(before);

        String sql = db.select(size, count()).from(ORDERS).groupBy(size).having(size.ne("medium")).sql();
        assertThat(sql).doesNotContain("big").doesNotContain("100").doesNotContain("medium");
        // The key is computed once, in the derived table; grouping by columns only is written as before.
        assertThat(sql.toLowerCase().split("case", -1)).hasSize(2);
        assertThat(db.select(ORDERS.customer, count()).from(ORDERS).groupBy(ORDERS.customer).sql())
                .doesNotContain("cairn_g");
    }

    @DatabaseTest
    void rawExpressionsWithPlaceholdersGrouped(TestDatabase t) {
        Database db = FunctionTest.seed(t);
        // Quantities 1, 0, 2, 3, 5.
        Expression<Integer> parity = raw(Integer.class, "mod(qty, ?)", 2);
        assertThat(db.select(parity, count()).from(ORDERS).groupBy(parity).having(parity.ge(0))
                .orderBy(parity.desc()).fetch()).containsExactly(new Tuple2<>(1, 3L), new Tuple2<>(0, 2L));
        assertThat(db.select(raw(Integer.class, "mod(qty, ?)", 3), count()).from(ORDERS)
                .groupBy(raw(Integer.class, "mod(qty, ?)", 3)).orderBy(raw(Integer.class, "mod(qty, ?)", 3).asc())
                .fetch()).containsExactly(new Tuple2<>(0, 2L), new Tuple2<>(1, 1L), new Tuple2<>(2, 2L));
        String sql = db.select(parity, count()).from(ORDERS).groupBy(parity).having(parity.ge(0)).sql();
        assertThat(sql.split("mod\\(qty", -1)).hasSize(2);
    }

    @DatabaseTest
    void functionsOfBoundArgumentsGrouped(TestDatabase t) {
        Database db = FunctionTest.seed(t);
        Expression<String> named = concat(ORDERS.customer, "!");
        assertThat(db.select(named, count()).from(ORDERS).groupBy(named).orderBy(named.asc()).fetch())
                .containsExactly(new Tuple2<>("Ann!", 2L), new Tuple2<>("Bob!", 2L), new Tuple2<>("Cyd!", 1L));
        Expression<String> initial = substring(ORDERS.customer, 1, 1);
        assertThat(db.select(initial, max(ORDERS.qty)).from(ORDERS).groupBy(initial).having(initial.ne("C"))
                .orderBy(initial.desc()).fetch()).containsExactly(new Tuple2<>("B", 5), new Tuple2<>("A", 2));
        // A month later: 5, 20 and 31 (29) January come in February, 29 February in March, 1 March 2025 in April.
        Expression<Integer> due = month(dateAdd(ORDERS.placedOn, 1, MONTH));
        assertThat(db.select(due, count()).from(ORDERS).groupBy(due).having(due.le(3)).orderBy(due.asc()).fetch())
                .containsExactly(new Tuple2<>(2, 3L), new Tuple2<>(3, 1L));
        Expression<String> note = coalesce(ORDERS.note, "none");
        assertThat(db.select(note, max(ORDERS.customer)).from(ORDERS).groupBy(note).having(note.eq("none")).one())
                .isEqualTo(new Tuple2<>("none", "Bob"));
        // A function of a key and a value, of a grouped column beside it, and the grouped column itself.
        assertThat(db.select(concat(named, "?"), ORDERS.customer, count()).from(ORDERS).groupBy(ORDERS.customer, named)
                .orderBy(ORDERS.customer.desc()).limit(1).one()).isEqualTo(new Tuple3<>("Cyd!?", "Cyd", 1L));
    }

    @DatabaseTest
    void countExistsFirstLimitAndOffsetOfGroupedQueries(TestDatabase t) {
        Database db = FunctionTest.seed(t);
        Expression<Integer> h = hour(ORDERS.placedAt);
        // Hours 0, 8, 10, 12 and 23: four from 8 on.
        Select<Tuple2<Integer, Long>> late = db.select(h, count()).from(ORDERS).groupBy(h).having(h.ge(8));
        assertThat(late.count()).isEqualTo(4);
        assertThat(late.exists()).isTrue();
        assertThat(db.select(h, count()).from(ORDERS).groupBy(h).having(h.ge(24)).exists()).isFalse();
        assertThat(db.select(h, count()).from(ORDERS).groupBy(h).having(h.ge(24)).count()).isZero();
        assertThat(late.orderBy(h.asc()).first()).contains(new Tuple2<>(8, 1L));
        assertThat(late.orderBy(h.asc()).limit(2).offset(1).fetch()).extracting(Tuple2::first).containsExactly(10, 12);
        assertThat(late.orderBy(h.asc()).limit(2).offset(1).count()).isEqualTo(2);
        assertThat(late.orderBy(h.asc()).offset(3).count()).isEqualTo(1);
        assertThat(late.orderBy(h.asc()).offset(4).exists()).isFalse();
        assertThat(late.orderBy(h.asc()).offset(3).exists()).isTrue();
        Expression<String> size = size("100", "10");
        assertThat(db.select(size, count()).from(ORDERS).groupBy(size).count()).isEqualTo(3);
        assertThat(db.select(size, count()).from(ORDERS).groupBy(size).having(size.eq("big")).exists()).isTrue();
        assertThat(db.select(size).from(ORDERS).groupBy(size).having(size.eq("huge")).exists()).isFalse();
        assertThat(db.select(size).from(ORDERS).groupBy(size).distinct().count()).isEqualTo(3);
    }

    @DatabaseTest
    void aShapeTellsWhichExpressionsAreKeys(TestDatabase t) {
        Database db = FunctionTest.seed(t);
        // The same statement structure, where "-" makes the selected expression the key and "+" does not.
        for (String sep : List.of("-", "+", "-")) {
            assertThat(db.select(concat(ORDERS.customer, sep), count()).from(ORDERS)
                    .groupBy(ORDERS.customer, concat(ORDERS.customer, "-")).orderBy(ORDERS.customer.asc()).fetch())
                    .extracting(Tuple2::first).containsExactly("Ann" + sep, "Bob" + sep, "Cyd" + sep);
        }
    }

    @DatabaseTest
    void joinsAndSubqueries(TestDatabase t) {
        Database db = FunctionTest.seed(t);
        Table.Alias<Order> other = ORDERS.as("o2");
        Expression<Integer> h = hour(ORDERS.placedAt);
        // Two tables' columns of the same names.
        Expression<String> pair = concat(ORDERS.customer, "/", other.get(ORDERS.customer));
        assertThat(db.select(pair, count(), max(ORDERS.qty)).from(ORDERS).join(other)
                .on(other.get(ORDERS.customer).eq(ORDERS.customer)).groupBy(pair).having(pair.ne("Cyd/Cyd"))
                .orderBy(pair.asc()).fetch()).containsExactly(new Tuple3<>("Ann/Ann", 4L, 2),
                new Tuple3<>("Bob/Bob", 4L, 5));
        // A grouped subquery with HAVING on its key.
        assertThat(db.select(ORDERS.customer).from(ORDERS).where(ORDERS.customer.in(db.select(ORDERS.customer)
                .from(ORDERS).groupBy(ORDERS.customer, h).having(h.ge(12)))).orderBy(ORDERS.customer.asc())
                .distinct().fetch()).containsExactly("Ann", "Cyd");
        // A subquery in HAVING that names the grouped query's column.
        assertThat(db.select(ORDERS.customer, year(ORDERS.placedAt)).from(ORDERS)
                .groupBy(ORDERS.customer, year(ORDERS.placedAt)).having(Condition.exists(db.select(other.get(ORDERS.id))
                        .from(other).where(other.get(ORDERS.customer).eq(ORDERS.customer)
                                .and(other.get(ORDERS.qty).ge(3))))).orderBy(ORDERS.customer.asc(),
                        year(ORDERS.placedAt).asc()).fetch())
                .containsExactly(new Tuple2<>("Bob", 2024), new Tuple2<>("Bob", 2025), new Tuple2<>("Cyd", 2024));
        // ... or an expression equal to its key.
        assertThat(db.select(h).from(ORDERS).groupBy(h).having(Condition.exists(db.select(other.get(ORDERS.id))
                .from(other).where(hour(other.get(ORDERS.placedAt)).eq(hour(ORDERS.placedAt))
                        .and(other.get(ORDERS.qty).ge(3))))).orderBy(h.asc()).fetch()).containsExactly(0, 12);
        // A grouped subquery that names the enclosing query's columns stays in place (a derived table could not).
        Expression<Integer> otherHour = hour(other.get(ORDERS.placedAt));
        assertThat(db.select(ORDERS.customer).from(ORDERS).where(Condition.exists(db.select(otherHour).from(other)
                .where(other.get(ORDERS.customer).eq(ORDERS.customer)).groupBy(otherHour).having(count().ge(1L))
                .limit(1)).and(ORDERS.qty.ge(3))).orderBy(ORDERS.customer.asc()).fetch())
                .containsExactly("Bob", "Cyd");
    }
}
