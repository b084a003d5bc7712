package dev.cairn.engine;

import static dev.cairn.engine.model.Crew.DEPTS;
import static dev.cairn.engine.model.Crew.MEMBERS;
import static dev.cairn.engine.model.Crew.TASKS;

import dev.cairn.dsl.query.ResultRow;
import dev.cairn.dsl.query.Select;
import dev.cairn.dsl.query.Tuple2;
import dev.cairn.dsl.query.Tuple3;
import dev.cairn.engine.exception.NotFoundException;
import dev.cairn.engine.exception.NotUniqueException;
import dev.cairn.engine.model.Crew;
import dev.cairn.engine.model.Crew.Dept;
import dev.cairn.engine.model.Crew.Member;
import dev.cairn.engine.model.Crew.Task;
import dev.cairn.engine.query.Query;
import dev.cairn.engine.query.QueryGenerator;
import dev.cairn.engine.query.SqlText;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Random queries from the whole query vocabulary (conditions of every kind, joins, GROUP BY and HAVING, ORDER BY
 * on expressions, subqueries, DISTINCT, LIMIT and OFFSET, row locks), each with values in every clause that takes
 * them. On each database every query must compile, bind one value per placeholder, and return what the same query
 * written by hand in SQL returns; so must {@code count()}, {@code exists()}, {@code first()} and {@code one()}.
 *
 * <p>Each query comes from its own seed. A failure names the seed, the Java that builds the query, Cairn's SQL and
 * the SQL written by hand; {@code -Dcairn.randomQuery.seed=N} runs that query alone, and
 * {@code -Dcairn.randomQueries=N} sets how many queries run.
 */
class RandomQueryTest {
    private static final long FIRST_SEED = 20_260_000;
    private static final int CASES = Integer.getInteger("cairn.randomQueries", 800);
    private static final Long ONLY_SEED = Long.getLong("cairn.randomQuery.seed");

    @DatabaseTest
    void randomQueriesReturnWhatTheSameSqlReturns(TestDatabase target) throws Exception {
        List<String> executed = Collections.synchronizedList(new ArrayList<>());
        DatabaseListener listener = new DatabaseListener() {
            @Override
            public void executed(String sql, long nanos) {
                executed.add(sql);
            }
        };
        long start = System.nanoTime();
        Findings findings = new Findings(target.target());
        try (Database db = target.config().schema(Crew.SCHEMA).listener(listener).build();
             Connection jdbc = db.dataSource().getConnection()) {
            db.createMissingTables();
            fill(db);
            boolean mysql = db.dialect().isMySqlFamily();
            int cases = ONLY_SEED != null ? 1 : CASES;
            for (int i = 0; i < cases; i++) {
                long seed = ONLY_SEED != null ? ONLY_SEED : FIRST_SEED + i;
                new Case(seed, db, jdbc, mysql, executed, findings).run();
            }
            findings.ran = cases;
        }
        findings.millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println(findings.summary());
        findings.write(Path.of("target", "random-queries-" + target.target() + ".txt"));
        findings.check();
    }

    // NULLs, duplicates, negative numbers, and text with spaces, quotes and the LIKE wildcards and escape.
    private static void fill(Database db) {
        long[] d = new long[7];
        Object[][] depts = {{"Sales", "Oslo", 1000}, {"R&D", "Bergen", -50}, {"Ops", null, null}, {"Legal", "oslo", 0},
            {"HR 50%", "Trondheim", 250}, {"snake_case", "Bergen", 1000}, {"Empty", "Oslo", 5}};
        for (int i = 0; i < depts.length; i++) {
            Object[] v = depts[i];
            d[i] = db.persist(new Dept(null, (String) v[0], (String) v[1], (Integer) v[2])).id();
        }
        Object[][] members = {{0, "Ann", "annie", 31, 100L}, {0, "Bob", null, 25, -3L}, {1, "bob", "Bobby", 25, null},
            {null, "Mary Ann", "M", null, 250L}, {1, "O'Brien", "o'b", 42, 7L}, {2, "100% sure", null, 17, 0L},
            {4, "under_score", "_u_", -1, 999L}, {null, "back\\slash", "\\", 30, -100L}, {3, "a!b", "!", 0, 5L},
            {0, "  lead", " ", 31, 100L}, {5, "Bob", "Bobby", 25, -3L}, {1, "Cy", null, null, null},
            {null, "Zed", "zed", 999, 15L}};
        long[] m = new long[members.length];
        for (int i = 0; i < members.length; i++) {
            Object[] v = members[i];
            Long dept = v[0] == null ? null : d[(Integer) v[0]];
            m[i] = db.persist(new Member(null, dept, (String) v[1], (String) v[2], (Integer) v[3],
                    (Long) v[4])).id();
        }
        Object[][] tasks = {{0, "write docs", 3}, {0, "fix 'bug'", 5}, {1, "write docs", 3}, {2, "review", null},
            {4, "100% done", -2}, {4, "deploy_v2", 8}, {6, "a!b test", 0}, {8, "plan", 17}, {9, "  lead task", 3},
            {10, "fix 'bug'", 5}, {10, "review", 1}, {11, "R&D sync", null}, {0, "plan", 2}, {12, "x", 42}};
        for (Object[] v : tasks) {
            db.persist(new Task(null, m[(Integer) v[0]], (String) v[1], (Integer) v[2]));
        }
    }

    /** One generated query, checked on one database. */
    private static final class Case {
        private final long seed;
        private final Database db;
        private final Connection jdbc;
        private final List<String> executed;
        private final Findings findings;
        private final Query query;
        private final SqlText hand;
        private List<List<String>> expected;
        private String cairnSql;

        Case(long seed, Database db, Connection jdbc, boolean mysql, List<String> executed, Findings findings) {
            this.seed = seed;
            this.db = db;
            this.jdbc = jdbc;
            this.executed = executed;
            this.findings = findings;
            this.query = new QueryGenerator(seed, mysql).query();
            this.hand = new SqlText(mysql);
            query.sql(hand);
        }

        void run() {
            try {
                expected = handWritten();
            } catch (SQLException e) {
                findings.refused(this, e);
                return;
            }
            if (query.locks()) {
                db.transaction(tx -> check(query.cairn(tx)));
            } else {
                check(query.cairn(db));
            }
        }

        private List<List<String>> handWritten() throws SQLException {
            try (PreparedStatement ps = jdbc.prepareStatement(hand.sql())) {
                for (int i = 0; i < hand.params().size(); i++) {
                    ps.setObject(i + 1, hand.params().get(i));
                }
                List<List<String>> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    int width = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        List<String> row = new ArrayList<>(width);
                        for (int i = 1; i <= width; i++) {
                            row.add(normal(rs.getObject(i)));
                        }
                        rows.add(row);
                    }
                }
                return rows;
            }
        }

        private void check(Select<?> select) {
            try {
                cairnSql = select.sql();
            } catch (RuntimeException e) {
                cairnSql = "(does not compile: " + e.getMessage() + ")";
            }
            List<List<String>> rows = attempt("fetch", () -> {
                executed.clear();
                List<List<String>> fetched = select.fetch().stream().map(this::row).toList();
                if (!executed.isEmpty()) {
                    cairnSql = executed.get(executed.size() - 1);
                }
                return fetched;
            });
            if (rows != null) {
                if (!sameRows(expected, rows)) {
                    fail("fetch: rows differ", "expected " + shown(expected) + "\n  but got " + shown(rows));
                }
                long marks = cairnSql.chars().filter(ch -> ch == '?').count();
                if (marks != hand.cairnPlaceholders()) {
                    fail("fetch: placeholders", "Cairn's SQL has " + marks + " placeholders for "
                            + hand.cairnPlaceholders() + " values");
                }
            }
            Long count = attempt("count", select::count);
            if (count != null && count != expected.size()) {
                fail("count: wrong number", "count() = " + count + " for " + expected.size() + " rows");
            }
            Boolean exists = attempt("exists", select::exists);
            if (exists != null && exists == expected.isEmpty()) {
                fail("exists: wrong answer", "exists() = " + exists + " for " + expected.size() + " rows");
            }
            executed.clear();
            Optional<?> first = attempt("first", select::first);
            if (first != null) {
                checkFirst(first);
                placeholders("first", query.limited() ? 0 : 1);
            }
            executed.clear();
            checkOne(select);
            placeholders("one", query.limited() ? 0 : 1);
        }

        // first() and one() add a LIMIT (one more value) where the query has none.
        private void placeholders(String operation, int added) {
            if (executed.isEmpty()) {
                return;
            }
            String sql = executed.get(executed.size() - 1);
            long marks = sql.chars().filter(ch -> ch == '?').count();
            if (marks != hand.cairnPlaceholders() + added) {
                fail(operation + ": placeholders", "Cairn's SQL has " + marks + " placeholders for "
                        + (hand.cairnPlaceholders() + added) + " values: " + sql);
            }
        }

        private static boolean isSingleNull(List<String> row) {
            return row.size() == 1 && row.get(0) == null;
        }

        private void checkFirst(Optional<?> first) {
            if (expected.isEmpty() && first.isPresent()) {
                fail("first: a row where the query returns none", "first() = " + row(first.get()));
            } else if (!expected.isEmpty() && first.isEmpty()) {
                // Documented: a first row whose one value is NULL gives an empty Optional, as no row does.
                boolean nullValue = query.fullyOrdered() ? isSingleNull(expected.get(0))
                        : expected.stream().anyMatch(r -> isSingleNull(r));
                if (!nullValue) {
                    fail("first: empty", "first() is empty for " + shown(expected));
                }
            } else if (first.isPresent()) {
                List<String> row = row(first.get());
                boolean right = query.fullyOrdered() ? row.equals(expected.get(0)) : expected.contains(row);
                if (!right) {
                    fail("first: wrong row", "first() = " + row + ", expected "
                            + (query.fullyOrdered() ? expected.get(0) : "one of " + shown(expected)));
                }
            }
        }

        private void checkOne(Select<?> select) {
            try {
                List<String> row = row(select.one());
                if (expected.size() != 1 || !row.equals(expected.get(0))) {
                    fail("one: wrong answer", "one() = " + row + " for " + shown(expected));
                }
            } catch (NotFoundException e) {
                if (!expected.isEmpty()) {
                    fail("one: wrong answer", "one() found none for " + shown(expected));
                }
            } catch (NotUniqueException e) {
                if (expected.size() < 2) {
                    fail("one: wrong answer", "one() found several for " + shown(expected));
                }
            } catch (RuntimeException e) {
                error("one", e);
            }
        }

        private <T> T attempt(String operation, Supplier<T> action) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                error(operation, e);
                return null;
            }
        }

        private void error(String operation, RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            int colon = message.indexOf(": ");
            String kind = (colon < 0 ? message : message.substring(0, colon)).replaceAll("\\d+", "#")
                    .replaceAll("\"[^\"]*\"", "\"…\"");
            if (kind.length() > 100) {
                kind = kind.substring(0, 100);
            }
            fail(operation + ": " + e.getClass().getSimpleName() + ": " + kind, message);
        }

        private void fail(String kind, String detail) {
            findings.add(kind, "seed " + seed + ": " + detail + "\n  query: " + query.dsl() + "\n  Cairn: " + cairnSql
                    + "\n  by hand: " + hand.sql() + "\n  values: " + hand.params());
        }

        private List<String> row(Object result) {
            List<Object> values = new ArrayList<>();
            if (query.wholeRows()) {
                for (RecordComponent c : result.getClass().getRecordComponents()) {
                    try {
                        values.add(c.getAccessor().invoke(result));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            } else if (result instanceof ResultRow r) {
                for (int i = 0; i < r.size(); i++) {
                    values.add(r.get(i));
                }
            } else if (result instanceof Tuple3<?, ?, ?> t) {
                values.addAll(Arrays.asList(t.first(), t.second(), t.third()));
            } else if (result instanceof Tuple2<?, ?> t) {
                values.addAll(Arrays.asList(t.first(), t.second()));
            } else {
                values.add(result);
            }
            return values.stream().map(RandomQueryTest::normal).toList();
        }
    }

    /** A value as text that is the same whichever type a driver or mapper chose for it: 3, 3L and 3.00 are "3". */
    private static String normal(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Double || v instanceof Float) {
            return normal(BigDecimal.valueOf(((Number) v).doubleValue()));
        }
        if (v instanceof Number n) {
            BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }

    private static boolean sameRows(List<List<String>> expected, List<List<String>> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        Comparator<List<String>> byText = Comparator.comparing(String::valueOf);
        List<List<String>> a = new ArrayList<>(expected);
        List<List<String>> b = new ArrayList<>(actual);
        a.sort(byText);
        b.sort(byText);
        return a.equals(b);
    }

    private static String shown(List<List<String>> rows) {
        return rows.size() <= 12 ? rows.toString() : rows.subList(0, 12) + " and " + (rows.size() - 12) + " more";
    }

    /** What went wrong, by kind, with the shortest query of each kind as its example. */
    private static final class Findings {
        private final String target;
        private final Map<String, List<String>> failures = new LinkedHashMap<>();
        private final List<String> refused = new ArrayList<>();
        private int ran;
        private long millis;

        Findings(String target) {
            this.target = target;
        }

        void add(String kind, String example) {
            failures.computeIfAbsent(kind, k -> new ArrayList<>()).add(example);
        }

        void refused(Case c, SQLException e) {
            refused.add("seed " + c.seed + ": " + e.getMessage() + "\n  query: " + c.query.dsl() + "\n  by hand: "
                    + c.hand.sql());
        }

        String summary() {
            int failed = failures.values().stream().mapToInt(List::size).sum();
            return "RandomQueryTest [" + target + "]: " + ran + " queries in " + millis + " ms, " + refused.size()
                    + " refused by the database as written by hand, " + failed + " failures of " + failures.size()
                    + " kinds";
        }

        /** Every failure and refusal, for a closer look than the assertion's shortest examples. */
        void write(Path file) throws IOException {
            StringBuilder b = new StringBuilder(summary()).append("\n");
            failures.forEach((kind, examples) -> {
                b.append("\n== ").append(kind).append(" (").append(examples.size()).append(")\n");
                examples.forEach(e -> b.append(e).append("\n"));
            });
            refused.forEach(r -> b.append("\n== refused\n").append(r).append("\n"));
            Files.writeString(file, b);
        }

        void check() {
            StringBuilder b = new StringBuilder();
            // A hand-written query the database refuses is a fault of the generator; a few are tolerated.
            if (refused.size() * 50 > Math.max(ran, 1)) {
                b.append("Too many hand-written queries refused (").append(refused.size()).append("), such as:\n");
                refused.stream().limit(5).forEach(r -> b.append(r).append('\n'));
            }
            failures.forEach((kind, examples) -> {
                String shortest = examples.stream().min(Comparator.comparingInt(String::length)).orElseThrow();
                b.append("\n[").append(target).append("] ").append(kind).append(" (").append(examples.size())
                        .append(" queries), shortest:\n").append(shortest).append('\n');
            });
            if (b.length() > 0) {
                throw new AssertionError(summary() + "\n" + b);
            }
        }
    }
}
