package dev.cairn.schema.online;

import dev.cairn.schema.OnlineDdl.Algorithm;

/**
 * The {@code ALGORITHM=} and {@code LOCK=NONE} clauses written into a statement, and the reading of the identifiers
 * Cairn's own DDL names. The clauses make the classification a demand: a server that cannot run the statement so
 * refuses it (errors 1845/1846) instead of falling back to a copy of the table.
 */
final class Clauses {
    private Clauses() {
    }

    /**
     * The statement demanding {@code verdict}'s algorithm, and no blocking where the verdict says writes go on. A
     * COPY verdict adds nothing: the server's default is never dearer. MySQL allows no LOCK clause with INSTANT,
     * which takes no lock anyway.
     */
    static String append(String sql, Verdict verdict) {
        Algorithm algorithm = verdict.algorithm();
        if (algorithm == Algorithm.COPY) {
            return sql;
        }
        boolean lockNone = !verdict.blocksWrites() && algorithm != Algorithm.INSTANT;
        if (sql.startsWith("ALTER TABLE ")) {
            return sql + ", ALGORITHM=" + algorithm + (lockNone ? ", LOCK=NONE" : "");
        }
        // MariaDB's DROP INDEX ... ON takes no algorithm: it is left as it is.
        if (sql.startsWith("CREATE INDEX ") || sql.startsWith("CREATE UNIQUE INDEX ")
                || sql.startsWith("CREATE FULLTEXT INDEX ")) {
            return sql + " ALGORITHM=" + algorithm + (lockNone ? " LOCK=NONE" : "");
        }
        return sql;
    }

    /** The backquoted identifier right after {@code marker} in {@code sql}, unquoted; or {@code null}. */
    static String identifierAfter(String sql, String marker) {
        int at = sql.indexOf(marker);
        if (at < 0 || at + marker.length() >= sql.length() || sql.charAt(at + marker.length()) != '`') {
            return null;
        }
        StringBuilder name = new StringBuilder();
        for (int i = at + marker.length() + 1; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (ch == '`') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '`') {
                    name.append('`');
                    i++;
                } else {
                    return name.toString();
                }
            } else {
                name.append(ch);
            }
        }
        return null;
    }
}
