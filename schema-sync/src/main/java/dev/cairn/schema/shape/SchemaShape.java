package dev.cairn.schema.shape;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables of a database schema (or of a model), found by name as the server finds them ({@link TableNaming}):
 * those of the connection's own schema, and those of the other schemas that were asked for.
 */
public final class SchemaShape {
    private final TableNaming naming;
    private final Map<String, TableShape> tables = new LinkedHashMap<>();
    private final Set<String> missingSchemas = new LinkedHashSet<>();

    /** Table names compared regardless of case. */
    public SchemaShape() {
        this(TableNaming.IGNORING_CASE);
    }

    public SchemaShape(TableNaming naming) {
        this.naming = naming;
    }

    /** How table names are compared. */
    public TableNaming naming() {
        return naming;
    }

    public void add(TableShape table) {
        tables.put(key(table), table);
    }

    /** The table of the connection's own schema. */
    public TableShape table(String name) {
        return table(null, name);
    }

    /** The table of {@code schema} ({@code null}: the connection's own). */
    public TableShape table(String schema, String name) {
        return tables.get(naming.key(schema, name));
    }

    public TableShape getOrAdd(String name) {
        return getOrAdd(null, name);
    }

    public TableShape getOrAdd(String schema, String name) {
        String s = naming.isCurrent(schema) ? null : schema;
        return tables.computeIfAbsent(naming.key(s, name), k -> new TableShape(s, name));
    }

    /** The key the table is found under: equal keys are one table for the server. */
    public String key(TableShape table) {
        return naming.key(table.schema(), table.name());
    }

    public Collection<TableShape> tables() {
        return tables.values();
    }

    /** Records that a schema asked for does not exist. */
    public void missingSchema(String schema) {
        missingSchemas.add(schema);
    }

    /** The schemas asked for that do not exist on the server. */
    public Set<String> missingSchemas() {
        return missingSchemas;
    }

    /** The tables of one schema ({@code null}: the connection's own), as one schema's catalog read fills them. */
    public Part in(String schema) {
        return new Part(naming.isCurrent(schema) ? null : schema);
    }

    /** The tables of one schema of a {@link SchemaShape}. */
    public final class Part {
        private final String schema;

        private Part(String schema) {
            this.schema = schema;
        }

        public TableNaming naming() {
            return naming;
        }

        public TableShape table(String name) {
            return SchemaShape.this.table(schema, name);
        }

        public TableShape getOrAdd(String name) {
            return SchemaShape.this.getOrAdd(schema, name);
        }

        public List<TableShape> tables() {
            List<TableShape> out = new ArrayList<>();
            for (TableShape t : SchemaShape.this.tables()) {
                if (naming.isCurrent(schema) ? t.schema() == null : schema.equals(t.schema())) {
                    out.add(t);
                }
            }
            return out;
        }
    }
}
