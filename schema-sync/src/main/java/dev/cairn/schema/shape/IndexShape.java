package dev.cairn.schema.shape;

import java.util.List;

/** A secondary index or unique key: its name and columns in order (lower case); a FULLTEXT index is of its own kind. */
public record IndexShape(String name, List<String> columns, boolean unique, boolean fullText) {
    public IndexShape {
        columns = List.copyOf(columns);
    }

    /** An index that is not full-text. */
    public IndexShape(String name, List<String> columns, boolean unique) {
        this(name, columns, unique, false);
    }
}
