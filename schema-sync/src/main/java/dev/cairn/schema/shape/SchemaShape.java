package dev.cairn.schema.shape;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tables of a database schema (or of a model), by lower-case name. */
public final class SchemaShape {
    private final Map<String, TableShape> tables = new LinkedHashMap<>();

    public void add(TableShape table) {
        tables.put(TableShape.key(table.name()), table);
    }

    public TableShape table(String name) {
        return tables.get(TableShape.key(name));
    }

    public TableShape getOrAdd(String name) {
        return tables.computeIfAbsent(TableShape.key(name), k -> new TableShape(name));
    }

    public Collection<TableShape> tables() {
        return tables.values();
    }
}
