package dev.cairn.schema.introspect;

import dev.cairn.schema.shape.ColumnShape;
import dev.cairn.schema.shape.ForeignKeyShape;
import dev.cairn.schema.shape.IndexShape;
import dev.cairn.schema.shape.Normalizer;
import dev.cairn.schema.shape.SchemaShape;
import dev.cairn.schema.shape.TableShape;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/** Reads H2 2.x schemas from {@code INFORMATION_SCHEMA}, a handful of queries for the whole schema. */
final class H2Introspector implements Introspector {
    private static final long UNBOUNDED = 1_000_000_000L;

    @Override
    public SchemaShape read(Connection c) throws SQLException {
        SchemaShape schema = new SchemaShape();
        String where = " WHERE TABLE_SCHEMA = CURRENT_SCHEMA";
        try (ResultSet rs = query(c, "SELECT TABLE_NAME, REMARKS FROM INFORMATION_SCHEMA.TABLES" + where
                + " AND TABLE_TYPE = 'BASE TABLE'")) {
            while (rs.next()) {
                // H2 has one collation for the whole database: tables and columns have none of their own.
                schema.getOrAdd(rs.getString(1)).options(null, null, rs.getString(2) == null ? "" : rs.getString(2));
            }
        }
        Map<String, List<String>> enums = new LinkedHashMap<>();
        try (ResultSet rs = query(c, "SELECT OBJECT_NAME, ENUM_IDENTIFIER, VALUE_NAME FROM INFORMATION_SCHEMA.ENUM_VALUES"
                + " WHERE OBJECT_SCHEMA = CURRENT_SCHEMA AND OBJECT_TYPE = 'TABLE'"
                + " ORDER BY OBJECT_NAME, ENUM_IDENTIFIER, VALUE_ORDINAL")) {
            while (rs.next()) {
                enums.computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2), k -> new ArrayList<>())
                        .add(rs.getString(3));
            }
        }
        try (ResultSet rs = query(c, "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH,"
                + " NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION, IS_NULLABLE, COLUMN_DEFAULT, IS_IDENTITY,"
                + " COLUMN_ON_UPDATE, DTD_IDENTIFIER, REMARKS FROM INFORMATION_SCHEMA.COLUMNS" + where
                + " ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
            while (rs.next()) {
                TableShape t = schema.table(rs.getString(1));
                if (t == null) {
                    continue;
                }
                String type = type(rs.getString(3), rs.getLong(4), rs.getInt(5), rs.getInt(6), rs.getInt(7),
                        enums.get(rs.getString(1) + "\u0000" + rs.getString(12)));
                t.addColumn(new ColumnShape(rs.getString(2), Normalizer.type(type),
                        "YES".equals(rs.getString(8)), Normalizer.defaultValue(rs.getString(9)),
                        "YES".equals(rs.getString(10)), rs.getString(11) != null, null, null,
                        rs.getString(13) == null ? "" : rs.getString(13)));
            }
        }
        Set<String> constraintIndexes = new HashSet<>();
        Map<String, String[]> constraints = new LinkedHashMap<>();
        try (ResultSet rs = query(c, "SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE, INDEX_NAME"
                + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS" + where)) {
            while (rs.next()) {
                constraints.put(rs.getString(2), new String[] {rs.getString(1), rs.getString(3)});
                if (rs.getString(4) != null) {
                    constraintIndexes.add(rs.getString(1) + "\u0000" + rs.getString(4));
                }
                TableShape t = schema.table(rs.getString(1));
                if (t != null && "CHECK".equals(rs.getString(3))) {
                    t.addCheck(rs.getString(2));
                }
            }
        }
        Map<String, List<String>> keyColumns = new LinkedHashMap<>();
        try (ResultSet rs = query(c, "SELECT CONSTRAINT_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE"
                + where + " ORDER BY CONSTRAINT_NAME, ORDINAL_POSITION")) {
            while (rs.next()) {
                keyColumns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2).toLowerCase(Locale.ROOT));
            }
        }
        for (Map.Entry<String, String[]> e : constraints.entrySet()) {
            TableShape t = schema.table(e.getValue()[0]);
            List<String> cols = keyColumns.getOrDefault(e.getKey(), List.of());
            if (t == null) {
                continue;
            }
            if ("PRIMARY KEY".equals(e.getValue()[1])) {
                t.primaryKey(cols);
            } else if ("UNIQUE".equals(e.getValue()[1])) {
                t.addIndex(new IndexShape(e.getKey(), cols, true));
            }
        }
        try (ResultSet rs = query(c, "SELECT CONSTRAINT_NAME, UNIQUE_CONSTRAINT_NAME, DELETE_RULE, UPDATE_RULE"
                + " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = CURRENT_SCHEMA")) {
            while (rs.next()) {
                String[] fk = constraints.get(rs.getString(1));
                String[] target = constraints.get(rs.getString(2));
                TableShape t = fk == null ? null : schema.table(fk[0]);
                if (t == null || target == null) {
                    continue;
                }
                t.addForeignKey(new ForeignKeyShape(rs.getString(1),
                        keyColumns.getOrDefault(rs.getString(1), List.of()), target[0].toLowerCase(Locale.ROOT),
                        keyColumns.getOrDefault(rs.getString(2), List.of()), Normalizer.action(rs.getString(3)),
                        Normalizer.action(rs.getString(4))));
            }
        }
        Map<String, List<String>> indexColumns = new LinkedHashMap<>();
        try (ResultSet rs = query(c, "SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS"
                + where + " ORDER BY TABLE_NAME, INDEX_NAME, ORDINAL_POSITION")) {
            while (rs.next()) {
                indexColumns.computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2), k -> new ArrayList<>())
                        .add(rs.getString(3).toLowerCase(Locale.ROOT));
            }
        }
        try (ResultSet rs = query(c, "SELECT TABLE_NAME, INDEX_NAME, INDEX_TYPE_NAME FROM INFORMATION_SCHEMA.INDEXES" + where)) {
            while (rs.next()) {
                String id = rs.getString(1) + "\u0000" + rs.getString(2);
                TableShape t = schema.table(rs.getString(1));
                // Indexes H2 made for a primary key, unique key or foreign key belong to that constraint.
                if (t == null || constraintIndexes.contains(id) || !"INDEX".equals(rs.getString(3))) {
                    continue;
                }
                t.addIndex(new IndexShape(rs.getString(2), indexColumns.getOrDefault(id, List.of()),
                        false));
            }
        }
        return schema;
    }

    /** The type text of a column from its {@code INFORMATION_SCHEMA.COLUMNS} row, before normalising. */
    static String type(String dataType, long length, int precision, int scale, int timePrecision,
                       List<String> enumLabels) {
        return switch (dataType) {
            case "CHARACTER VARYING" -> length >= UNBOUNDED ? "varchar" : "varchar(" + length + ")";
            case "CHARACTER" -> "char(" + length + ")";
            case "NUMERIC", "DECIMAL" -> "decimal(" + precision + "," + scale + ")";
            case "TIMESTAMP" -> "timestamp(" + timePrecision + ")";
            case "TIMESTAMP WITH TIME ZONE" -> "timestamp(" + timePrecision + ") with time zone";
            case "TIME" -> "time(" + timePrecision + ")";
            case "BINARY" -> "binary(" + length + ")";
            case "BINARY VARYING" -> "varbinary(" + length + ")";
            case "ENUM" -> {
                StringJoiner j = new StringJoiner(",", "enum(", ")");
                for (String label : enumLabels == null ? List.<String>of() : enumLabels) {
                    // Escaped as MySQL writes labels, so that one reading serves both.
                    j.add("'" + label.replace("\\", "\\\\").replace("'", "''") + "'");
                }
                yield j.toString();
            }
            default -> dataType;
        };
    }

    @Override
    public String tableName(Connection c, String name) throws SQLException {
        // H2 keeps unquoted names in upper case and quoted ones as written.
        return TableLookup.matching(c, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA"
                + " AND TABLE_TYPE = 'BASE TABLE' AND LOWER(TABLE_NAME) = LOWER(?)", name);
    }

    private static ResultSet query(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.closeOnCompletion();
        return ps.executeQuery();
    }
}
