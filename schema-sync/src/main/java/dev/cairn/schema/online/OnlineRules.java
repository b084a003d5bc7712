package dev.cairn.schema.online;

import dev.cairn.schema.OnlineDdl.Algorithm;
import dev.cairn.schema.shape.ColumnShape;
import dev.cairn.schema.shape.IndexShape;
import dev.cairn.schema.shape.TableShape;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documented online-DDL rules of InnoDB, by server family and version: for one ALTER operation on a live table,
 * the cheapest algorithm the server allows and whether it lets other sessions write meanwhile. Where the rule is
 * not certain for a version, the dearer answer is given: an algorithm clause asks for at least that algorithm, so a
 * dearer answer is never refused by the server, only reported as more costly than it is.
 */
final class OnlineRules {
    private static final Pattern LENGTH = Pattern.compile("^(varchar|varbinary|char|binary)\\((\\d+)\\)$");
    private static final Pattern LABELS = Pattern.compile("^(enum|set)\\((.*)\\)$");

    private final ServerVersion server;
    /** MariaDB 10.3.7 brought ALGORITHM=INSTANT and ALGORITHM=NOCOPY. */
    private final boolean mariaInstant;
    /** MySQL 8.0.12 brought ALGORITHM=INSTANT. */
    private final boolean mysqlInstant;

    OnlineRules(ServerVersion server) {
        this.server = server;
        this.mariaInstant = server.isMariaDb() && server.atLeast(10, 3, 7);
        this.mysqlInstant = !server.isMariaDb() && server.atLeast(8, 0, 12);
    }

    /** Changes that only the data dictionary sees, on both families and every version that has them. */
    private Verdict metadata(boolean instantOnMySql, String reason) {
        return mariaInstant || mysqlInstant && instantOnMySql ? Verdict.instant(reason) : Verdict.online(Algorithm.INPLACE, reason);
    }

    /** CREATE, DROP and RENAME TABLE: not ALTER TABLE; only the data dictionary changes. */
    Verdict tableStatement() {
        return Verdict.instant("not an ALTER TABLE: only the data dictionary changes");
    }

    /** Whether the table's engine has online DDL at all; any other engine copies the table with writes blocked. */
    Verdict engine(TableShape have) {
        String engine = have.engine();
        return engine == null || engine.equalsIgnoreCase("InnoDB") ? null
                : Verdict.copy("the " + engine + " engine has no online DDL: the table is copied with writes blocked");
    }

    Verdict addColumn(TableShape have, ColumnShape added) {
        if (added.autoIncrement()) {
            return Verdict.blocking(Algorithm.INPLACE, "adding an auto-increment column rebuilds the table and numbers"
                    + " its rows with writes blocked");
        }
        if (hasFullText(have)) {
            return rebuild(have, "a table with a full-text index is rebuilt to add a column");
        }
        // Cairn adds a column last, the position every version with instant ADD COLUMN allows.
        if (mariaInstant || mysqlInstant) {
            return Verdict.instant(null);
        }
        return rebuild(have, "adding a column rebuilds the table before " + (server.isMariaDb() ? "MariaDB 10.3"
                : "MySQL 8.0.12"));
    }

    Verdict dropColumn(TableShape have, String column) {
        if (column == null || have.primaryKey().contains(TableShape.key(column))) {
            return Verdict.copy("dropping a primary key column drops the key: the table is copied");
        }
        if (hasFullText(have)) {
            return rebuild(have, "a table with a full-text index is rebuilt to drop a column");
        }
        boolean indexed = indexed(have, column);
        if (server.isMariaDb() && server.atLeast(10, 4, 0)) {
            return indexed ? Verdict.online(Algorithm.NOCOPY, "the column's indexes are dropped with it")
                    : Verdict.instant(null);
        }
        if (!server.isMariaDb() && server.atLeast(8, 0, 29) && !indexed) {
            return Verdict.instant(null);
        }
        return rebuild(have, "dropping " + (indexed ? "an indexed column" : "a column") + " rebuilds the table on "
                + server);
    }

    Verdict renameColumn() {
        return mariaInstant || !server.isMariaDb() && server.atLeast(8, 0, 28) ? Verdict.instant(null)
                : Verdict.online(Algorithm.INPLACE, null);
    }

    /** Redefining the live column {@code from} as {@code to}. */
    Verdict modifyColumn(TableShape have, ColumnShape from, ColumnShape to) {
        Verdict v = null;
        if (!from.type().equals(to.type())) {
            v = type(from, to);
        }
        if (from.nullable() != to.nullable()) {
            v = rebuild(have, to.nullable() ? "dropping NOT NULL rebuilds the table"
                    : "adding NOT NULL rebuilds the table and checks every row").and(v);
        }
        if (from.autoIncrement() != to.autoIncrement()) {
            v = Verdict.copy("auto-increment changes only with a copy of the table").and(v);
        }
        if (from.onUpdateNow() != to.onUpdateNow()) {
            v = (mariaInstant ? Verdict.instant(null) : Verdict.copy("ON UPDATE changes with a copy of the table"))
                    .and(v);
        }
        if (to.charsetDiffers(from) || to.collationDiffers(from)) {
            v = text(have, from, to).and(v);
        }
        boolean defaultChanged = from.defaultValue() == null ? to.defaultValue() != null
                : !from.defaultValue().equals(to.defaultValue());
        if (defaultChanged) {
            v = metadata(true, null).and(v);
        }
        if (to.comment() != null && !to.comment().equals(from.comment())) {
            v = metadata(false, null).and(v);
        }
        return v != null ? v : Verdict.copy("the column is redefined with a copy of the table");
    }

    /**
     * A new character set or collation. MariaDB 10.4 changes utf8mb3 to utf8mb4, and a collation within one
     * character set, in the metadata (rebuilding the column's indexes for a collation); others convert every row.
     */
    private Verdict text(TableShape have, ColumnShape from, ColumnShape to) {
        if (server.isMariaDb() && server.atLeast(10, 4, 0)) {
            String was = String.valueOf(from.charset()).toLowerCase(Locale.ROOT);
            String now = to.charset() == null ? was : to.charset().toLowerCase(Locale.ROOT);
            if ((was.equals("utf8mb3") || was.equals("utf8")) && now.equals("utf8mb4")) {
                return Verdict.instant(null);
            }
            if (was.equals(now)) {
                return indexed(have, from.name()) ? Verdict.online(Algorithm.NOCOPY, "a new collation rebuilds the"
                        + " column's indexes") : Verdict.instant(null);
            }
        }
        return Verdict.copy("a new character set converts every row with a copy of the table");
    }

    private Verdict type(ColumnShape from, ColumnShape to) {
        Matcher a = LENGTH.matcher(from.type());
        Matcher b = LENGTH.matcher(to.type());
        if (a.matches() && b.matches() && a.group(1).equals(b.group(1)) && a.group(1).startsWith("var")
                && Integer.parseInt(b.group(2)) >= Integer.parseInt(a.group(2))) {
            int perChar = a.group(1).equals("varbinary") ? 1 : bytesPerChar(from.charset());
            long before = (long) Integer.parseInt(a.group(2)) * perChar;
            long after = (long) Integer.parseInt(b.group(2)) * perChar;
            // Past 255 bytes, InnoDB still writes a value under 128 bytes with a 1-byte prefix: MariaDB 10.4 keeps
            // the rows as they are where every stored value is that short.
            boolean samePrefix = (before <= 255) == (after <= 255);
            if (server.isMariaDb() && server.atLeast(10, 4, 0) && (samePrefix || before <= 127)) {
                return Verdict.instant(null);
            }
            if (!samePrefix) {
                return Verdict.copy(from.type() + " -> " + to.type() + " of " + perChar + "-byte characters grows from "
                        + before + " to " + after + " bytes, past the 255 that a 1-byte length prefix holds: every row"
                        + " is rewritten with a copy of the table");
            }
            return Verdict.online(Algorithm.INPLACE, "a longer varchar keeps its length prefix: only metadata changes");
        }
        Matcher x = LABELS.matcher(from.type());
        Matcher y = LABELS.matcher(to.type());
        if (x.matches() && y.matches() && x.group(1).equals(y.group(1))
                && (y.group(2).equals(x.group(2)) || y.group(2).startsWith(x.group(2) + ","))) {
            boolean isEnum = x.group(1).equals("enum");
            if (storageBytes(isEnum, labels(x.group(2))) != storageBytes(isEnum, labels(y.group(2)))) {
                return Verdict.copy("the new labels need more bytes per row: every row is rewritten with a copy of"
                        + " the table");
            }
            return metadata(true, null);
        }
        return Verdict.copy("the column's type changes: every row is converted with a copy of the table");
    }

    Verdict addIndex(TableShape have, boolean fullText) {
        if (fullText) {
            if (hasFullText(have)) {
                return Verdict.blocking(mariaInstant ? Algorithm.NOCOPY : Algorithm.INPLACE, "a full-text index is"
                        + " built with writes blocked");
            }
            return Verdict.blocking(Algorithm.INPLACE, "the table's first full-text index rebuilds it (adding the"
                    + " hidden FTS_DOC_ID column) with writes blocked");
        }
        return Verdict.online(mariaInstant ? Algorithm.NOCOPY : Algorithm.INPLACE, null);
    }

    Verdict dropIndex() {
        return Verdict.online(mariaInstant ? Algorithm.NOCOPY : Algorithm.INPLACE, null);
    }

    Verdict renameIndex() {
        return server.isMariaDb() && server.atLeast(10, 5, 2) ? Verdict.instant(null)
                : Verdict.online(Algorithm.INPLACE, null);
    }

    Verdict addForeignKey() {
        return Verdict.copy("with foreign_key_checks on, adding a foreign key checks every row with a copy of the"
                + " table");
    }

    Verdict dropForeignKey() {
        return metadata(false, null);
    }

    Verdict addCheck() {
        return Verdict.copy("adding a check reads every row with a copy of the table");
    }

    Verdict dropCheck() {
        return metadata(false, null);
    }

    Verdict dropPrimaryKey() {
        return Verdict.copy("dropping a primary key without adding one in the same statement copies the table");
    }

    Verdict addPrimaryKey(TableShape have) {
        return rebuild(have, "a new primary key rebuilds the table");
    }

    /** The table's comment, default character set or collation (which convert no column). */
    Verdict tableOptions(boolean charsetOrCollation) {
        if (charsetOrCollation && !server.isMariaDb()) {
            return Verdict.copy("a new default character set is applied with a copy of the table");
        }
        return metadata(false, null);
    }

    // A rebuild lets writes through, except on a table with a full-text index.
    private Verdict rebuild(TableShape have, String reason) {
        return hasFullText(have) ? Verdict.blocking(Algorithm.INPLACE, reason + "; with a full-text index, writes"
                + " are blocked") : Verdict.online(Algorithm.INPLACE, reason);
    }

    private static boolean indexed(TableShape have, String column) {
        String key = TableShape.key(column);
        return have.indexes().values().stream().anyMatch(ix -> ix.columns().contains(key));
    }

    static boolean hasFullText(TableShape have) {
        return have.indexes().values().stream().anyMatch(IndexShape::fullText);
    }

    /** The most bytes a character of the character set takes; 4 for one not known, the dearer assumption. */
    static int bytesPerChar(String charset) {
        String cs = charset == null ? "" : charset.toLowerCase(Locale.ROOT);
        return switch (cs) {
            case "latin1", "latin2", "latin5", "latin7", "ascii", "binary", "cp1250", "cp1251", "cp1256", "cp1257",
                 "cp850", "cp852", "cp866", "dec8", "greek", "hebrew", "hp8", "keybcs2", "koi8r", "koi8u", "macce",
                 "macroman", "swe7", "tis620", "armscii8", "geostd8", "armscii" -> 1;
            case "ucs2", "gbk", "big5", "sjis", "cp932", "euckr", "gb2312" -> 2;
            case "utf8", "utf8mb3", "ujis", "eucjpms" -> 3;
            default -> 4;
        };
    }

    private static int labels(String list) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '\'') {
                if (quoted && i + 1 < list.length() && list.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    quoted = !quoted;
                    count += quoted ? 1 : 0;
                }
            }
        }
        return count;
    }

    private static int storageBytes(boolean isEnum, int labels) {
        if (isEnum) {
            return labels <= 255 ? 1 : 2;
        }
        return labels <= 8 ? 1 : labels <= 16 ? 2 : labels <= 24 ? 3 : labels <= 32 ? 4 : 8;
    }
}
