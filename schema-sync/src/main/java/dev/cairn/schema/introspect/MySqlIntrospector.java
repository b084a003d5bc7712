package dev.cairn.schema.introspect;

import dev.cairn.dialect.Dialect;
import dev.cairn.schema.shape.ColumnShape;
import dev.cairn.schema.shape.ForeignKeyShape;
import dev.cairn.schema.shape.IndexShape;
import dev.cairn.schema.shape.Normalizer;
import dev.cairn.schema.shape.SchemaShape;
import dev.cairn.schema.shape.TableNaming;
import dev.cairn.schema.shape.TableShape;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads MySQL and MariaDB schemas from {@code information_schema}: six queries for the whole database. */
final class MySqlIntrospector extends CatalogIntrospector {
    private final Dialect dialect;

    MySqlIntrospector(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    TableNaming naming(Connection c) throws SQLException {
        try (ResultSet rs = query(c, "SELECT DATABASE(), @@lower_case_table_names", null)) {
            rs.next();
            return TableNaming.mysql(rs.getInt(2), rs.getString(1));
        }
    }

    @Override
    void readSchema(Connection c, SchemaShape.Part schema, String database) throws SQLException {
        try (ResultSet rs = query(c, "SELECT TABLE_NAME, ENGINE, TABLE_COLLATION, TABLE_COMMENT"
                + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'", database)) {
            while (rs.next()) {
                TableShape t = schema.getOrAdd(rs.getString(1));
                t.engine(rs.getString(2));
                String collation = lower(rs.getString(3));
                // Every character set's collations are named after it: utf8mb4_unicode_ci is one of utf8mb4.
                t.options(collation == null ? null : collation.split("_")[0], collation,
                        rs.getString(4) == null ? "" : rs.getString(4));
            }
        }
        try (ResultSet rs = query(c, "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA,"
                + " DATA_TYPE, CHARACTER_SET_NAME, COLLATION_NAME, COLUMN_COMMENT"
                + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION", database)) {
            while (rs.next()) {
                TableShape t = schema.table(rs.getString(1));
                if (t == null) {
                    continue;
                }
                String extra = rs.getString(6) == null ? "" : rs.getString(6).toLowerCase(Locale.ROOT);
                String type = Normalizer.type(rs.getString(3));
                t.addColumn(new ColumnShape(rs.getString(2), type,
                        "YES".equals(rs.getString(4)), Normalizer.defaultValue(defaultText(rs.getString(5), extra,
                        rs.getString(7))), extra.contains("auto_increment"), extra.contains("on update"),
                        lower(rs.getString(8)), lower(rs.getString(9)), rs.getString(10) == null ? "" : rs.getString(10)));
            }
        }
        TableNaming naming = schema.naming();
        Map<String, Map<String, List<String>>> uniques = new LinkedHashMap<>();
        Map<String, Map<String, List<String>>> plain = new LinkedHashMap<>();
        Set<String> fullText = new HashSet<>();
        try (ResultSet rs = query(c, "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, INDEX_TYPE FROM information_schema.STATISTICS"
                + " WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX", database)) {
            while (rs.next()) {
                TableShape t = schema.table(rs.getString(1));
                if (t == null) {
                    continue;
                }
                String index = rs.getString(2);
                String column = rs.getString(4).toLowerCase(Locale.ROOT);
                if (index.equals("PRIMARY")) {
                    List<String> pk = new ArrayList<>(t.primaryKey());
                    pk.add(column);
                    t.primaryKey(pk);
                    continue;
                }
                if ("FULLTEXT".equalsIgnoreCase(rs.getString(5))) {
                    fullText.add(t.name() + "\u0000" + index);
                }
                Map<String, Map<String, List<String>>> target = rs.getInt(3) == 0 ? uniques : plain;
                target.computeIfAbsent(t.name(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(index, k -> new ArrayList<>()).add(column);
            }
        }
        // Two queries joined here, not one JOIN of the two views: the server builds both views in full for each
        // side of such a join, which took seconds at 2,000 tables where the two reads take tens of milliseconds.
        Map<String, String[]> rules = new HashMap<>();
        try (ResultSet rs = query(c, "SELECT TABLE_NAME, CONSTRAINT_NAME, DELETE_RULE, UPDATE_RULE"
                + " FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?", database)) {
            while (rs.next()) {
                rules.put(rs.getString(1) + "\u0000" + rs.getString(2), new String[] {rs.getString(3), rs.getString(4)});
            }
        }
        try (ResultSet rs = query(c, "SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME,"
                + " REFERENCED_COLUMN_NAME, REFERENCED_TABLE_SCHEMA FROM information_schema.KEY_COLUMN_USAGE"
                + " WHERE TABLE_SCHEMA = ? AND REFERENCED_TABLE_NAME IS NOT NULL"
                + " ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION", database)) {
            Map<String, ForeignKeyShape> fks = new LinkedHashMap<>();
            while (rs.next()) {
                TableShape t = schema.table(rs.getString(1));
                String[] rule = rules.get(rs.getString(1) + "\u0000" + rs.getString(2));
                if (t == null || rule == null) {
                    continue;
                }
                String id = t.name() + "." + TableShape.key(rs.getString(2));
                ForeignKeyShape prev = fks.get(id);
                List<String> cols = new ArrayList<>(prev == null ? List.of() : prev.columns());
                List<String> targets = new ArrayList<>(prev == null ? List.of() : prev.targetColumns());
                cols.add(rs.getString(3).toLowerCase(Locale.ROOT));
                targets.add(rs.getString(5).toLowerCase(Locale.ROOT));
                ForeignKeyShape fk = new ForeignKeyShape(rs.getString(2), cols,
                        naming.declared(rs.getString(6), rs.getString(4)), targets, Normalizer.action(rule[0]),
                        Normalizer.action(rule[1]));
                fks.put(id, fk);
                t.addForeignKey(fk);
            }
        }
        for (TableShape t : schema.tables()) {
            for (Map.Entry<String, List<String>> e : uniques.getOrDefault(t.name(), Map.of()).entrySet()) {
                t.addIndex(new IndexShape(e.getKey(), e.getValue(), true));
            }
            for (Map.Entry<String, List<String>> e : plain.getOrDefault(t.name(), Map.of()).entrySet()) {
                // Including the index MySQL/MariaDB made for a foreign key by themselves: the diff knows it by what
                // it serves, for its name may be the foreign key's, its first column's, or a former foreign key's.
                t.addIndex(new IndexShape(e.getKey(), e.getValue(), false,
                        fullText.contains(t.name() + "\u0000" + e.getKey())));
            }
        }
        if (dialect.enforcesChecks()) {
            // MariaDB (10.5.10 on) says whether a check was written in a column's definition; MySQL has no such.
            boolean level = dialect.family() == Dialect.Family.MARIADB && dialect.atLeast(10, 6);
            // MariaDB's CHECK_CONSTRAINTS names the table and holds nothing but checks: no join, which costs much.
            String sql = dialect.family() == Dialect.Family.MARIADB
                    ? "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE" + (level ? ", LEVEL" : ", NULL")
                    + " FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?"
                    : "SELECT t.TABLE_NAME, t.CONSTRAINT_NAME, c.CHECK_CLAUSE, NULL"
                    + " FROM information_schema.TABLE_CONSTRAINTS t JOIN information_schema.CHECK_CONSTRAINTS c"
                    + " ON c.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA AND c.CONSTRAINT_NAME = t.CONSTRAINT_NAME"
                    + " WHERE t.TABLE_SCHEMA = ? AND t.CONSTRAINT_TYPE = 'CHECK'";
            try (ResultSet rs = query(c, sql, database)) {
                while (rs.next()) {
                    TableShape t = schema.table(rs.getString(1));
                    String clause = rs.getString(3) == null ? "" : rs.getString(3).toLowerCase(Locale.ROOT);
                    // MariaDB's JSON is LONGTEXT with a json_valid check of its own, named after the column.
                    if (t == null || clause.startsWith("json_valid(")) {
                        continue;
                    }
                    t.addCheck(rs.getString(2), rs.getString(3), "Column".equalsIgnoreCase(rs.getString(4)));
                }
            }
        }
    }

    @Override
    public String tableName(Connection c, String schema, String name) throws SQLException {
        // Not TABLE_NAME = ?: MySQL and MariaDB then look the name up as a file, which may be case-sensitive.
        return TableLookup.matching(c, "SELECT TABLE_NAME FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_TYPE = 'BASE TABLE'"
                + " AND LOWER(TABLE_NAME) = LOWER(?)", schema, name);
    }

    /**
     * A column default as SQL text. MariaDB reports it so (literal text quoted, expressions as written); MySQL 8
     * reports literal text without quotes and marks expressions DEFAULT_GENERATED, so its literal text is quoted
     * here, that a text default 'uuid()' is not taken for the expression.
     */
    private String defaultText(String reported, String extra, String dataType) {
        if (reported == null || dialect.family() != Dialect.Family.MYSQL || extra.contains("default_generated")) {
            return reported;
        }
        String t = dataType == null ? "" : dataType.toLowerCase(Locale.ROOT);
        boolean text = t.endsWith("char") || t.endsWith("text") || t.equals("enum") || t.equals("set");
        return text ? "'" + reported.replace("\\", "\\\\").replace("'", "''") + "'" : reported;
    }

    private static String lower(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }
}
