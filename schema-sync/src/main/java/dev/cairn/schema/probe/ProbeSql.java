package dev.cairn.schema.probe;

import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.sql.ServerSql;
import dev.cairn.dialect.sql.TableNames;
import dev.cairn.schema.probe.ProbeRequest.ColumnValues;
import dev.cairn.schema.probe.ProbeRequest.Condition;
import dev.cairn.schema.probe.ProbeRequest.Duplicates;
import dev.cairn.schema.probe.ProbeRequest.IsNull;
import dev.cairn.schema.probe.ProbeRequest.LabelNotIn;
import dev.cairn.schema.probe.ProbeRequest.LongerThan;
import dev.cairn.schema.probe.ProbeRequest.MoreBytesThan;
import dev.cairn.schema.probe.ProbeRequest.Orphans;
import dev.cairn.schema.probe.ProbeRequest.OutOfRange;
import dev.cairn.schema.probe.ProbeRequest.Rounded;
import dev.cairn.schema.probe.ProbeRequest.SetLabelIn;
import dev.cairn.schema.probe.ProbeRequest.SetLabelNotIn;
import dev.cairn.schema.probe.ProbeRequest.ValueTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The bounded queries of a probe: {@code SELECT COUNT(*) FROM (SELECT 1 FROM t x WHERE ... LIMIT 1001) n}, and the
 * primary keys of the first few offending rows. Names come from the live schema, quoted; values (lengths, limits,
 * labels) are bound. The server stops the statement after a time limit where it has one (MariaDB's
 * {@code max_statement_time}, MySQL's {@code MAX_EXECUTION_TIME}); on H2 the statement's query timeout does.
 */
final class ProbeSql {
    /** Counting stops here: a probe reports "at least 1001" rather than read a large table to the end. */
    static final int BOUND = 1001;
    /** How many offending rows a probe names. */
    static final int SAMPLE = 5;

    /** A statement and its parameters, in order. */
    record Sql(String text, List<Object> binds) {
    }

    private final Dialect dialect;
    private final int seconds;

    ProbeSql(Dialect dialect, int seconds) {
        this.dialect = dialect;
        this.seconds = seconds;
    }

    Sql count(ProbeRequest r) {
        List<Object> binds = new ArrayList<>();
        String rows = "SELECT 1 AS " + q("one") + from(r, binds) + " LIMIT " + BOUND;
        return new Sql(limited("COUNT(*) FROM (" + rows + ") n"), binds);
    }

    Sql sample(ProbeRequest r) {
        List<Object> binds = new ArrayList<>();
        String keys = r.rowKey().stream().map(k -> "x." + q(k)).collect(Collectors.joining(", "));
        return new Sql(limited(keys + from(r, binds) + " ORDER BY " + keys + " LIMIT " + SAMPLE), binds);
    }

    // SELECT <rest>, with the server's time limit.
    private String limited(String rest) {
        return switch (dialect.family()) {
            case MARIADB -> "SET STATEMENT max_statement_time=" + seconds + " FOR SELECT " + rest;
            case MYSQL -> "SELECT /*+ MAX_EXECUTION_TIME(" + seconds * 1000L + ") */ " + rest;
            default -> "SELECT " + rest;
        };
    }

    private String from(ProbeRequest r, List<Object> binds) {
        String table = TableNames.quoted(dialect, r.table());
        Condition c = r.condition();
        if (c instanceof ColumnValues v) {
            List<String> tests = new ArrayList<>();
            for (ValueTest t : v.tests()) {
                tests.add(test("x." + q(v.column()), t, binds));
            }
            return " FROM " + table + " x WHERE " + String.join(" OR ", tests);
        }
        if (c instanceof Duplicates d) {
            String cols = d.columns().stream().map(this::q).collect(Collectors.joining(", "));
            String notNull = d.columns().stream().map(k -> q(k) + " IS NOT NULL").collect(Collectors.joining(" AND "));
            String on = d.columns().stream().map(k -> "x." + q(k) + " = d." + q(k)).collect(Collectors.joining(" AND "));
            String where = "d." + q(d.columns().get(0)) + " IS NOT NULL" + (d.nullsBreak() ? d.columns().stream()
                    .map(k -> " OR x." + q(k) + " IS NULL").collect(Collectors.joining()) : "");
            return " FROM " + table + " x LEFT JOIN (SELECT " + cols + " FROM " + table + " WHERE " + notNull
                    + " GROUP BY " + cols + " HAVING COUNT(*) > 1) d ON " + on + " WHERE " + where;
        }
        Orphans o = (Orphans) c;
        String notNull = o.columns().stream().map(k -> "x." + q(k) + " IS NOT NULL").collect(Collectors.joining(" AND "));
        if (o.parent() == null) {
            return " FROM " + table + " x WHERE " + notNull;
        }
        List<String> match = new ArrayList<>();
        for (int i = 0; i < o.columns().size(); i++) {
            match.add("p." + q(o.parentColumns().get(i)) + " = x." + q(o.columns().get(i)));
        }
        return " FROM " + table + " x WHERE " + notNull + " AND NOT EXISTS (SELECT 1 FROM "
                + TableNames.quoted(dialect, o.parent()) + " p WHERE " + String.join(" AND ", match) + ")";
    }

    private String test(String col, ValueTest t, List<Object> binds) {
        if (t instanceof IsNull) {
            return col + " IS NULL";
        }
        if (t instanceof LongerThan l) {
            binds.add(l.chars());
            return "CHAR_LENGTH(" + (l.padded() ? "RTRIM(" + col + ")" : col) + ") > ?";
        }
        if (t instanceof MoreBytesThan b) {
            binds.add(b.bytes());
            return "OCTET_LENGTH(" + col + ") > ?";
        }
        if (t instanceof OutOfRange r) {
            binds.add(r.min());
            binds.add(r.max());
            return "(" + col + " < ? OR " + col + " > ?)";
        }
        if (t instanceof Rounded r) {
            binds.add(r.limit());
            // The scale is a number from the model, written as DDL writes it.
            return "(" + col + " <> ROUND(" + col + ", " + r.scale() + ") OR ABS(" + col + ") >= ?)";
        }
        if (t instanceof LabelNotIn l) {
            binds.addAll(l.labels());
            // H2 would read each label as a value of the live ENUM, which may not have it: compare text.
            String value = dialect.isMySqlFamily() ? col : "CAST(" + col + " AS VARCHAR)";
            return value + " NOT IN (" + String.join(", ", Collections.nCopies(l.labels().size(), "?")) + ")";
        }
        if (t instanceof SetLabelNotIn n) {
            if (n.labels().isEmpty()) {
                return col + " <> ''";
            }
            binds.addAll(n.labels());
            // The empty set is '', which splits into no label.
            return "NOT (string_to_array(" + col + ", ',') <@ ARRAY["
                    + String.join(", ", Collections.nCopies(n.labels().size(), "CAST(? AS text)")) + "])";
        }
        SetLabelIn s = (SetLabelIn) t;
        if (s.labels().isEmpty()) {
            return "1 = 0";
        }
        binds.addAll(s.labels());
        return "(" + s.labels().stream().map(x -> "FIND_IN_SET(?, " + col + ") > 0").collect(Collectors.joining(" OR "))
                + ")";
    }

    private String q(String name) {
        return ServerSql.quote(dialect, name);
    }
}
