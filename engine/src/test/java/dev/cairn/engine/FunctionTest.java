package dev.cairn.engine;

import static dev.cairn.dsl.Expression.DatePart.DAY;
import static dev.cairn.dsl.Expression.DatePart.HOUR;
import static dev.cairn.dsl.Expression.DatePart.MINUTE;
import static dev.cairn.dsl.Expression.DatePart.MONTH;
import static dev.cairn.dsl.Expression.DatePart.WEEK;
import static dev.cairn.dsl.Expression.DatePart.YEAR;
import static dev.cairn.dsl.query.Functions.cast;
import static dev.cairn.dsl.query.Functions.charLength;
import static dev.cairn.dsl.query.Functions.coalesce;
import static dev.cairn.dsl.query.Functions.concat;
import static dev.cairn.dsl.query.Functions.count;
import static dev.cairn.dsl.query.Functions.currentDate;
import static dev.cairn.dsl.query.Functions.date;
import static dev.cairn.dsl.query.Functions.dateAdd;
import static dev.cairn.dsl.query.Functions.dateSub;
import static dev.cairn.dsl.query.Functions.datediff;
import static dev.cairn.dsl.query.Functions.day;
import static dev.cairn.dsl.query.Functions.hour;
import static dev.cairn.dsl.query.Functions.minute;
import static dev.cairn.dsl.query.Functions.month;
import static dev.cairn.dsl.query.Functions.now;
import static dev.cairn.dsl.query.Functions.nullif;
import static dev.cairn.dsl.query.Functions.raw;
import static dev.cairn.dsl.query.Functions.replace;
import static dev.cairn.dsl.query.Functions.second;
import static dev.cairn.dsl.query.Functions.substring;
import static dev.cairn.dsl.query.Functions.sum;
import static dev.cairn.dsl.query.Functions.trim;
import static dev.cairn.dsl.query.Functions.when;
import static dev.cairn.dsl.query.Functions.year;
import static dev.cairn.engine.model.Sales.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.query.Tuple2;
import dev.cairn.dsl.query.Tuple3;
import dev.cairn.dsl.type.ColumnType;
import dev.cairn.engine.model.Sales.Order;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Functions of dates, text and nulls, CASE, CAST and raw typed SQL, in every clause, alike on H2 and MariaDB. */
class FunctionTest {

    private static List<Object> values(dev.cairn.dsl.query.ResultRow row) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            out.add(row.get(i));
        }
        return out;
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    // Order 3 is placed late on 31 January in UTC: on the next day east of UTC, so a month taken in any zone but UTC
    // would count it in February.
    static Database seed(TestDatabase t) {
        Database db = t.open(Schema.of(ORDERS)).createMissingTables();
        db.insertInto(ORDERS).rows(List.of(
                new Order(null, "Ann", "AB", at("2024-01-05T10:15:30Z"), LocalDate.of(2024, 1, 5),
                        LocalDateTime.of(2024, 1, 5, 10, 15, 30), new BigDecimal("10.25"), 1, "  first  "),
                new Order(null, "Bob", "XYZ", at("2024-01-20T08:00:00Z"), LocalDate.of(2024, 1, 20),
                        LocalDateTime.of(2024, 1, 20, 8, 0), new BigDecimal("200.00"), 0, null),
                new Order(null, "Ann", "AB", at("2024-01-31T23:30:00Z"), LocalDate.of(2024, 1, 31),
                        LocalDateTime.of(2024, 1, 31, 23, 30), new BigDecimal("5.50"), 2, "late"),
                new Order(null, "Cyd", "Q", at("2024-02-29T12:00:00Z"), LocalDate.of(2024, 2, 29),
                        LocalDateTime.of(2024, 2, 29, 12, 0), new BigDecimal("99.99"), 3, "leap"),
                new Order(null, "Bob", "XYZ", at("2025-03-01T00:00:00Z"), LocalDate.of(2025, 3, 1),
                        LocalDateTime.of(2025, 3, 1, 0, 0), new BigDecimal("1.00"), 5, "next year"))).execute();
        return db;
    }

    @DatabaseTest
    void revenuePerMonth(TestDatabase t) {
        Database db = seed(t);
        Expression<Integer> y = year(ORDERS.placedAt);
        Expression<Integer> m = month(ORDERS.placedAt);
        List<Tuple3<Integer, Integer, BigDecimal>> revenue = db.select(y, m, sum(ORDERS.amount)).from(ORDERS)
                .groupBy(y, m).orderBy(y.asc(), m.asc()).fetch();
        assertThat(revenue).extracting(Tuple3::first, Tuple3::second).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2024, 1), org.assertj.core.groups.Tuple.tuple(2024, 2),
                org.assertj.core.groups.Tuple.tuple(2025, 3));
        assertThat(revenue).extracting(r -> r.third().stripTrailingZeros())
                .containsExactly(new BigDecimal("215.75"), new BigDecimal("99.99"), BigDecimal.ONE);
        assertThat(revenue.get(0).first()).isInstanceOf(Integer.class);

        // HAVING on the aggregate, ORDER BY the revenue, and the months of one year only.
        List<Tuple2<Integer, BigDecimal>> big = db.select(m, sum(ORDERS.amount)).from(ORDERS)
                .where(y.eq(2024)).groupBy(m).having(sum(ORDERS.amount).gt(new BigDecimal("100")))
                .orderBy(sum(ORDERS.amount).desc()).fetch();
        assertThat(big).extracting(Tuple2::first).containsExactly(1);
    }

    @DatabaseTest
    void datePartsOfEveryDateType(TestDatabase t) {
        Database db = seed(t);
        Long first = db.select(ORDERS.id).from(ORDERS).orderBy(ORDERS.id.asc()).limit(1).one();
        Condition one = ORDERS.id.eq(first);
        assertThat(db.select(List.of(year(ORDERS.placedOn), month(ORDERS.localAt), day(ORDERS.placedAt),
                hour(ORDERS.placedAt), minute(ORDERS.localAt), second(ORDERS.placedAt))).from(ORDERS).where(one).map(
                FunctionTest::values).one()).containsExactly(2024, 1, 5, 10, 15, 30);
        assertThat(db.select(date(ORDERS.placedAt), date(ORDERS.localAt), date(ORDERS.placedOn)).from(ORDERS)
                .where(one).one()).isEqualTo(new Tuple3<>(LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 5),
                LocalDate.of(2024, 1, 5)));

        // The date of an instant is its UTC date, whatever the JVM's zone.
        assertThat(db.select(ORDERS.customer).from(ORDERS).where(date(ORDERS.placedAt).eq(LocalDate.of(2024, 1, 31)))
                .fetch()).containsExactly("Ann");
        assertThat(db.select(day(ORDERS.placedAt)).from(ORDERS).where(ORDERS.note.eq("late")).one()).isEqualTo(31);
        // In WHERE, GROUP BY, HAVING and ORDER BY.
        assertThat(db.select(day(ORDERS.placedOn), count()).from(ORDERS).where(hour(ORDERS.localAt).lt(23)
                .and(day(ORDERS.placedOn).gt(1))).groupBy(day(ORDERS.placedOn)).having(count().ge(1L))
                .orderBy(day(ORDERS.placedOn).desc()).fetch()).extracting(Tuple2::first).containsExactly(29, 20, 5);
        // HAVING over a grouped function (see GroupedExpressionTest).
        Expression<Integer> hourOf = hour(ORDERS.placedAt);
        assertThat(db.select(hourOf, count()).from(ORDERS).groupBy(hourOf).having(hourOf.ge(12))
                .orderBy(hourOf.asc()).fetch()).extracting(Tuple2::first).containsExactly(12, 23);
    }

    @DatabaseTest
    void datesMoveByBoundAmountsOfEachUnit(TestDatabase t) {
        Database db = seed(t);
        Condition jan31 = ORDERS.note.eq("late");
        assertThat(db.select(dateAdd(ORDERS.placedOn, 1, MONTH), dateSub(ORDERS.placedOn, 1, YEAR),
                dateAdd(ORDERS.placedOn, 2, WEEK)).from(ORDERS).where(jan31).one())
                .isEqualTo(new Tuple3<>(LocalDate.of(2024, 2, 29), LocalDate.of(2023, 1, 31), LocalDate.of(2024, 2, 14)));
        assertThat(db.select(dateAdd(ORDERS.placedAt, 1, HOUR), dateSub(ORDERS.localAt, 90, MINUTE)).from(ORDERS)
                .where(jan31).one()).isEqualTo(new Tuple2<>(at("2024-02-01T00:30:00Z"),
                LocalDateTime.of(2024, 1, 31, 22, 0)));
        // An amount from a column, and a moved date in WHERE and ORDER BY.
        assertThat(db.select(ORDERS.customer).from(ORDERS)
                .where(dateAdd(ORDERS.placedOn, ORDERS.qty, DAY).ge(LocalDate.of(2024, 2, 1)))
                .orderBy(dateSub(ORDERS.placedAt, ORDERS.qty, DAY).desc()).fetch())
                .containsExactly("Bob", "Cyd", "Ann");
        assertThat(db.select(datediff(ORDERS.placedOn, ORDERS.localAt), datediff(ORDERS.placedAt,
                dateSub(ORDERS.placedOn, 40, DAY))).from(ORDERS).where(jan31).one()).isEqualTo(new Tuple2<>(0, 40));
        assertThat(db.select(ORDERS.customer).from(ORDERS).where(datediff(ORDERS.placedOn,
                dateSub(ORDERS.placedOn, ORDERS.qty, DAY)).gt(2)).orderBy(ORDERS.qty.asc()).fetch())
                .containsExactly("Cyd", "Bob");
        assertThatThrownBy(() -> dateAdd(ORDERS.placedOn, 1, HOUR)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a date moves by days");

        String sql = db.select(dateAdd(ORDERS.placedOn, 7, DAY)).from(ORDERS).sql();
        assertThat(sql).contains("?").doesNotContain("7");
    }

    @DatabaseTest
    void nowAndTodayAreTheDatabasesInUtc(TestDatabase t) {
        Database db = seed(t);
        LocalDate before = LocalDate.now(ZoneOffset.UTC);
        Tuple2<Instant, LocalDate> now = db.select(now(), currentDate()).from(ORDERS).limit(1).one();
        assertThat(now.second()).isBetween(before, LocalDate.now(ZoneOffset.UTC));
        assertThat(Duration.between(now.first(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
        assertThat(db.select(ORDERS.customer).from(ORDERS).where(ORDERS.placedAt.gt(dateSub(now(), 3650, DAY))
                .and(ORDERS.placedOn.lt(currentDate()))).orderBy(ORDERS.id.asc()).fetch()).hasSize(5);
    }

    @DatabaseTest
    void textFunctions(TestDatabase t) {
        Database db = seed(t);
        Condition first = ORDERS.note.eq("  first  ");
        assertThat(db.select(List.of(concat(ORDERS.customer, "-", ORDERS.qty), substring(ORDERS.customer, 2),
                substring(ORDERS.customer, 1, 2), charLength(ORDERS.code), trim(ORDERS.note), replace(ORDERS.customer,
                        "n", "N"), ORDERS.customer.upper(), concat(ORDERS.code, ORDERS.customer))).from(ORDERS)
                .where(first).map(FunctionTest::values).one())
                .containsExactly("Ann-1", "nn", "An", 2, "first", "ANN", "ANN", "ABAnn");
        // Like MySQL's CONCAT, a null part makes the whole null on H2 too.
        assertThat(db.select(concat(ORDERS.customer, ORDERS.note)).from(ORDERS).where(ORDERS.note.isNull()).one())
                .isNull();
        // In WHERE, GROUP BY, HAVING and ORDER BY.
        assertThat(db.select(substring(ORDERS.code, 1, 1), count()).from(ORDERS)
                .where(charLength(ORDERS.customer).eq(3).and(trim(ORDERS.note).ne("leap")))
                .groupBy(substring(ORDERS.code, 1, 1)).having(count().ge(1L))
                .orderBy(substring(ORDERS.code, 1, 1).desc()).fetch())
                .containsExactly(new Tuple2<>("X", 1L), new Tuple2<>("A", 2L));
        assertThat(db.select(ORDERS.customer).from(ORDERS).where(concat(ORDERS.customer, "/", ORDERS.code)
                .eq("Bob/XYZ")).orderBy(charLength(concat(ORDERS.note, "!")).desc(), ORDERS.id.asc()).fetch())
                .containsExactly("Bob", "Bob");
        assertThatThrownBy(() -> substring(ORDERS.customer, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the first character is 1");

        String sql = db.select(replace(ORDERS.customer, "Zq", "Wv")).from(ORDERS).sql();
        assertThat(sql).doesNotContain("Zq").doesNotContain("Wv");
    }

    @DatabaseTest
    void nullsCaseAndCast(TestDatabase t) {
        Database db = seed(t);
        List<String> notes = db.select(coalesce(ORDERS.note, "none")).from(ORDERS).orderBy(ORDERS.id.asc()).fetch();
        assertThat(notes).containsExactly("  first  ", "none", "late", "leap", "next year");
        assertThat(db.select(coalesce(ORDERS.note, ORDERS.customer)).from(ORDERS).where(ORDERS.note.isNull()).one())
                .isEqualTo("Bob");
        assertThat(db.select(ORDERS.customer).from(ORDERS).where(nullif(ORDERS.qty, 0).isNull()).fetch())
                .containsExactly("Bob");

        Expression<String> size = when(ORDERS.amount.ge(new BigDecimal("100")), "big")
                .when(ORDERS.amount.ge(new BigDecimal("10")), "medium").otherwise("small");
        assertThat(db.select(count(), sum(ORDERS.amount)).from(ORDERS).groupBy(size).orderBy(sum(ORDERS.amount).desc())
                .fetch()).extracting(Tuple2::first).containsExactly(1L, 2L, 2L);
        assertThat(db.select(size, count()).from(ORDERS).groupBy(size).orderBy(size.asc()).fetch())
                .containsExactly(new Tuple2<>("big", 1L), new Tuple2<>("medium", 2L), new Tuple2<>("small", 2L));
        assertThat(db.select(ORDERS.customer).from(ORDERS).where(size.eq("big")).fetch()).containsExactly("Bob");
        Expression<BigDecimal> early = when(month(ORDERS.placedAt).eq(1), ORDERS.amount).otherwise(BigDecimal.ZERO);
        assertThat(db.select(sum(early)).from(ORDERS).one()).isEqualByComparingTo("215.75");
        assertThat(db.select(when(ORDERS.qty.gt(2), ORDERS.customer).end()).from(ORDERS).orderBy(ORDERS.id.asc())
                .fetch()).containsExactly(null, null, null, "Cyd", "Bob");
        assertThat(db.select(ORDERS.customer).from(ORDERS).orderBy(when(ORDERS.customer.eq("Cyd"), 0).otherwise(1)
                .asc(), ORDERS.id.asc()).limit(2).fetch()).containsExactly("Cyd", "Ann");

        Tuple3<Integer, String, BigDecimal> cast = db.select(cast(ORDERS.amount, ColumnType.integer()),
                cast(ORDERS.qty, ColumnType.varchar(10)), cast(ORDERS.qty, ColumnType.decimal(10, 2)))
                .from(ORDERS).where(ORDERS.note.eq("leap")).one();
        assertThat(cast).isEqualTo(new Tuple3<>(100, "3", new BigDecimal("3.00")));
        assertThat(db.select(cast(ORDERS.placedOn, ColumnType.datetime(6)), cast(ORDERS.qty, ColumnType.doublePrecision()),
                cast(ORDERS.amount, ColumnType.bigint())).from(ORDERS).where(ORDERS.note.eq("leap")).one())
                .isEqualTo(new Tuple3<>(LocalDateTime.of(2024, 2, 29, 0, 0), 3.0, 100L));
        assertThat(db.select(ORDERS.customer).from(ORDERS).where(cast(ORDERS.qty, ColumnType.varchar(5)).eq("5"))
                .fetch()).containsExactly("Bob");
        assertThatThrownBy(() -> cast(ORDERS.qty, ColumnType.timestamp(6))).isInstanceOf(IllegalArgumentException.class);
    }

    @DatabaseTest
    void rawTypedExpressionsAndRawSqlNameColumnsAlikeEverywhere(TestDatabase t) throws Exception {
        Database db = seed(t);
        Expression<Integer> len = raw(Integer.class, "char_length(customer) + 10");
        assertThat(db.select(len, count()).from(ORDERS).where(raw(Integer.class, "qty * ?", 2).ge(2))
                .groupBy(len).having(raw(Long.class, "count(*)").ge(1L)).orderBy(len.desc()).fetch())
                .containsExactly(new Tuple2<>(13, 4L));
        // Unquoted names in any case, as MySQL/MariaDB resolve them, work on H2 too: in Cairn's conditions...
        assertThat(db.selectFrom(ORDERS).where(Condition.raw("char_length(Customer) > ?", 2)
                .and(Condition.raw("CUSTOMER <> ?", "Bob"))).orderBy(ORDERS.id.asc()).map(Order::customer).fetch())
                .containsExactly("Ann", "Ann", "Cyd");
        // ... and in plain JDBC on the transaction's connection.
        List<String> found = db.transactionResult(tx -> {
            List<String> out = new ArrayList<>();
            Connection c = tx.connection();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT o.customer FROM ex_orders o WHERE char_length(o.Customer) > ? ORDER BY o.ID")) {
                ps.setInt(1, 2);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString("customer"));
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return out;
        });
        assertThat(found).containsExactly("Ann", "Bob", "Ann", "Cyd", "Bob");
    }

    @DatabaseTest
    void eachFunctionIsAShapeOfItsOwnAndValuesStayBound(TestDatabase t) {
        Database db = seed(t);
        Condition leap = ORDERS.note.eq("leap");
        long before = db.compilations();
        assertThat(db.select(year(ORDERS.placedAt)).from(ORDERS).where(leap).one()).isEqualTo(2024);
        assertThat(db.select(month(ORDERS.placedAt)).from(ORDERS).where(leap).one()).isEqualTo(2);
        assertThat(db.select(day(ORDERS.placedAt)).from(ORDERS).where(leap).one()).isEqualTo(29);
        assertThat(db.select(dateAdd(ORDERS.placedOn, 1, DAY)).from(ORDERS).where(leap).one())
                .isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(db.select(dateAdd(ORDERS.placedOn, 1, MONTH)).from(ORDERS).where(leap).one())
                .isEqualTo(LocalDate.of(2024, 3, 29));
        assertThat(db.select(cast(ORDERS.amount, ColumnType.decimal(10, 1))).from(ORDERS).where(leap).one())
                .isEqualByComparingTo("100.0");
        assertThat(db.select(cast(ORDERS.amount, ColumnType.decimal(10, 3))).from(ORDERS).where(leap).one())
                .isEqualByComparingTo("99.990");
        assertThat(db.compilations() - before).isEqualTo(7);
        // The same shapes with other values: no new compilation, other results.
        assertThat(db.select(dateAdd(ORDERS.placedOn, 3, MONTH)).from(ORDERS).where(ORDERS.note.eq("late")).one())
                .isEqualTo(LocalDate.of(2024, 4, 30));
        assertThat(db.compilations() - before).isEqualTo(7);
    }

    @Test
    void functionsRefuseOperandsOfTheWrongKind() {
        assertThatThrownBy(() -> hour(ORDERS.placedOn)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hour(ex_orders.placed_on) needs [datetime, timestamp, time]");
        assertThatThrownBy(() -> raw(Map.class, "1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No SQL type for java.util.Map");
        assertThatThrownBy(() -> raw(Integer.class, "? + ?", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 '?' but 1 parameters");
        assertThatThrownBy(() -> concat(ORDERS.customer, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not java.lang.Integer");
    }
}
