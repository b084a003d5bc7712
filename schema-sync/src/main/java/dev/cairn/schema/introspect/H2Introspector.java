package dev.cairn.schema.introspect;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Reads H2 2.x schemas from {@code INFORMATION_SCHEMA}, a handful of queries for the whole schema. */
final class H2Introspector extends CatalogIntrospector {
    private static final long UNBOUNDED = 1_000_000_000L;

    @Override
    TableNaming naming(Connection c) throws SQLException {
        // Identifiers are compared exactly unless the database was opened with CASE_INSENSITIVE_IDENTIFIERS.
        try (ResultSet rs = query(c, "SELECT CURRENT_SCHEMA, (SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME = 'CASE_INSENSITIVE_IDENTIFIERS')", null)) {
            rs.next();
            return new TableNaming(!"TRUE".equalsIgnoreCase(rs.getString(2)), rs.getString(1));
        }
    }

    @Override
    void readSchema(Connection c, SchemaShape.Part schema, String database) throws SQLException {
        String where = " WHERE TABLE_SCHEMA = ?";
        try (ResultSet rs = query(c, "SELECT TABLE_NAME, REMARKS FROM INFORMATION_SCHEMA.TABLES" + where
                + " AND TABLE_TYPE = 'BASE TABLE'", database)) {
            while (rs.next()) {
                // H2 has one collation for the whole database: tables and columns have none of their own.
                schema.getOrAdd(rs.getString(1)).options(null, null, rs.getString(2) == null ? "" : rs.getString(2));
            }
        }
        Map<String, List<String>> enums = new LinkedHashMap<>();
        try (ResultSet rs = query(c, "SELECT OBJECT_NAME, ENUM_IDENTIFIER, VALUE_NAME FROM INFORMATION_SCHEMA.ENUM_VALUES"
                + " WHERE OBJECT_SCHEMA = ? AND OBJECT_TYPE = 'TABLE'"
                + " ORDER BY OBJECT_NAME, ENUM_IDENTIFIER, VALUE_ORDINAL", database)) {
            while (rs.next()) {
                enums.computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2), k -> new ArrayList<>())
                        .add(rs.getString(3));
            }
        }
        try (ResultSet rs = query(c, "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH,"
                + " NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION, IS_NULLABLE, COLUMN_DEFAULT, IS_IDENTITY,"
                + " COLUMN_ON_UPDATE, DTD_IDENTIFIER, REMARKS FROM INFORMATION_SCHEMA.COLUMNS" + where
                + " ORDER BY TABLE_NAME, ORDINAL_POSITION", database)) {
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
        // Each catalog view is read on its own and joined here: H2 joins its views by nested loops, and with
        // CASE_INSENSITIVE_IDENTIFIERS every comparison in them folds case (200 tables: 185 ms a check instead of 19).
        Map<String, String> checkClauses = new HashMap<>();
        try (ResultSet rs = query(c, "SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = ?", database)) {
            while (rs.next()) {
                checkClauses.put(rs.getString(1), rs.getString(2));
            }
        }
        Map<String, String[]> constraints = constraints(c, database);
        for (Map.Entry<String, String[]> e : constraints.entrySet()) {
            TableShape t = schema.table(e.getValue()[0]);
            if (t != null && "CHECK".equals(e.getValue()[1])) {
                t.addCheck(e.getKey(), checkClauses.get(e.getKey()), false);
            }
        }
        Map<String, List<String>> keyColumns = keyColumns(c, database);
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
        // The referenced key may be in another schema: its table and columns are read where it is.
        Map<String, Map<String, String[]>> targetConstraints = new HashMap<>();
        Map<String, Map<String, List<String>>> targetColumns = new HashMap<>();
        targetConstraints.put(database, constraints);
        targetColumns.put(database, keyColumns);
        try (ResultSet rs = query(c, "SELECT CONSTRAINT_NAME, UNIQUE_CONSTRAINT_SCHEMA, UNIQUE_CONSTRAINT_NAME,"
                + " DELETE_RULE, UPDATE_RULE FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?",
                database)) {
            while (rs.next()) {
                String[] fk = constraints.get(rs.getString(1));
                TableShape t = fk == null ? null : schema.table(fk[0]);
                String targetSchema = rs.getString(2);
                if (!targetConstraints.containsKey(targetSchema)) {
                    targetConstraints.put(targetSchema, constraints(c, targetSchema));
                    targetColumns.put(targetSchema, keyColumns(c, targetSchema));
                }
                String[] target = targetConstraints.get(targetSchema).get(rs.getString(3));
                if (t == null || target == null) {
                    continue;
                }
                t.addForeignKey(new ForeignKeyShape(rs.getString(1), keyColumns.getOrDefault(rs.getString(1), List.of()),
                        schema.naming().declared(targetSchema, target[0]),
                        targetColumns.get(targetSchema).getOrDefault(rs.getString(3), List.of()),
                        Normalizer.action(rs.getString(4)), Normalizer.action(rs.getString(5))));
            }
        }
        Map<String, List<String>> indexColumns = new LinkedHashMap<>();
        try (ResultSet rs = query(c, "SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS"
                + where + " ORDER BY TABLE_NAME, INDEX_NAME, ORDINAL_POSITION", database)) {
            while (rs.next()) {
                indexColumns.computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2), k -> new ArrayList<>())
                        .add(rs.getString(3).toLowerCase(Locale.ROOT));
            }
        }
        try (ResultSet rs = query(c, "SELECT TABLE_NAME, INDEX_NAME, INDEX_TYPE_NAME, IS_GENERATED"
                + " FROM INFORMATION_SCHEMA.INDEXES" + where, database)) {
            while (rs.next()) {
                String id = rs.getString(1) + "\u0000" + rs.getString(2);
                TableShape t = schema.table(rs.getString(1));
                // Indexes H2 made for a primary key, unique key or foreign key belong to that constraint. An index
                // of the user's that a foreign key uses instead of making its own is still the user's.
                if (t == null || rs.getBoolean(4) || !"INDEX".equals(rs.getString(3))) {
                    continue;
                }
                t.addIndex(new IndexShape(rs.getString(2), indexColumns.getOrDefault(id, List.of()),
                        false));
            }
        }
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
    public String tableName(Connection c, String schema, String name) throws SQLException {
        // H2 keeps unquoted names in upper case and quoted ones as written.
        return TableLookup.matching(c, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA = COALESCE(?, CURRENT_SCHEMA) AND TABLE_TYPE = 'BASE TABLE'"
                + " AND LOWER(TABLE_NAME) = LOWER(?)", schema, name);
    }

    /** The constraints of a schema: name to table and type. */
    private static Map<String, String[]> constraints(Connection c, String schema) throws SQLException {
        Map<String, String[]> out = new LinkedHashMap<>();
        try (ResultSet rs = query(c, "SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE"
                + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = ?", schema)) {
            while (rs.next()) {
                out.put(rs.getString(2), new String[] {rs.getString(1), rs.getString(3)});
            }
        }
        return out;
    }

    /** The columns of each key constraint of a schema, in key order and lower case. */
    private static Map<String, List<String>> keyColumns(Connection c, String schema) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (ResultSet rs = query(c, "SELECT CONSTRAINT_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE"
                + " WHERE TABLE_SCHEMA = ? ORDER BY CONSTRAINT_NAME, ORDINAL_POSITION", schema)) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
