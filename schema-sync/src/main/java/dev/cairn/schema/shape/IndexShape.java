package dev.cairn.schema.shape;

import java.util.List;

/**
 * A secondary index or unique key: its name and columns in order (lower case); a FULLTEXT index is of its own kind.
 * {@code standalone} marks a unique index that no constraint stands behind (PostgreSQL's {@code CREATE UNIQUE
 * INDEX}): it is renamed and dropped as an index, not as a constraint.
 */
public record IndexShape(String name, List<String> columns, boolean unique, boolean fullText, boolean standalone) {
    public IndexShape {
        columns = List.copyOf(columns);
    }

    /** An index or unique key as MySQL, MariaDB and H2 have them: a unique key is dropped as a constraint. */
    public IndexShape(String name, List<String> columns, boolean unique, boolean fullText) {
        this(name, columns, unique, fullText, false);
    }

    /** An index that is not full-text. */
    public IndexShape(String name, List<String> columns, boolean unique) {
        this(name, columns, unique, false, false);
    }

    /** Whether it is a unique key behind a constraint, renamed and dropped as a constraint. */
    public boolean uniqueConstraint() {
        return unique && !standalone;
    }
}
