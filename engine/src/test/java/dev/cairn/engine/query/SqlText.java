package dev.cairn.engine.query;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL written by hand, the way a person would write the query, for one database: its text with a {@code ?} for each
 * value and the values in order. It knows nothing of Cairn's compiler; only the IN-list padding is mirrored, to
 * predict how many placeholders Cairn's own SQL has.
 */
public final class SqlText {
    private final boolean mysql;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();
    private int cairnPlaceholders;
    // While the outer parts of a query grouped over a derived table are written: its keys, else null.
    private List<Ex> keys;

    public SqlText(boolean mysql) {
        this.mysql = mysql;
    }

    /** Whether the text is for MySQL/MariaDB (backticks, LIMIT before OFFSET) rather than H2 or PostgreSQL. */
    public boolean mysql() {
        return mysql;
    }

    public SqlText add(String text) {
        sql.append(text);
        return this;
    }

    /** A quoted identifier: Cairn creates lower-case names, which H2 folds to upper case unless quoted. */
    public SqlText ident(String name) {
        return add(mysql ? "`" + name + "`" : "\"" + name + "\"");
    }

    /** A bound value. */
    public SqlText value(Object v) {
        sql.append('?');
        params.add(v);
        cairnPlaceholders++;
        return this;
    }

    /** A list of bound values, such as an IN list of {@code values.size()} placeholders. */
    public SqlText values(List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
            params.add(values.get(i));
        }
        // Cairn pads IN lists to a power of two (repeating the last value) so that lists share a few shapes.
        cairnPlaceholders += padded(values.size());
        return this;
    }

    private static int padded(int n) {
        if (n <= 1) {
            return n;
        }
        return n <= 1024 ? Integer.highestOneBit(n - 1) << 1 : (n + 1023) / 1024 * 1024;
    }

    /**
     * Starts (a list of keys) or ends (null) the outer parts of a query grouped over a derived table {@code t} that
     * holds each key as {@code k<n>} and each column as {@code <table or alias>__<column>}.
     */
    void grouped(List<Ex> keys) {
        this.keys = keys;
    }

    /** Writes {@code e} as the derived table's column, if it is a key or a column there; else does nothing. */
    boolean derived(Ex e) {
        if (keys == null) {
            return false;
        }
        int key = keys.indexOf(e);
        if (key >= 0) {
            add("t.").ident("k" + key);
            return true;
        }
        if (e instanceof Ex.Col c) {
            add("t.").ident(c.src().qualifier() + "__" + c.column().name());
            return true;
        }
        return false;
    }

    public String sql() {
        return sql.toString();
    }

    public List<Object> params() {
        return params;
    }

    /** How many placeholders Cairn's SQL for the same query should have. */
    public int cairnPlaceholders() {
        return cairnPlaceholders;
    }

    @Override
    public String toString() {
        return sql + "  " + params;
    }
}
