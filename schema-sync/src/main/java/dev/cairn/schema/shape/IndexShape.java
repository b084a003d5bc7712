package dev.cairn.schema.shape;

import java.util.List;

/** A secondary index or unique key: its name and columns in order (lower case). */
public record IndexShape(String name, List<String> columns, boolean unique) {
    public IndexShape {
        columns = List.copyOf(columns);
    }
}
