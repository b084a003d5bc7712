package dev.cairn.dsl;

/**
 * A model definition is invalid. Thrown while a table or schema is being defined, never later, and the message
 * always names the table and, where one is involved, the column.
 */
public final class DefinitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String table;
    private final String column;

    public DefinitionException(String table, String column, String problem) {
        super(describe(table, column, problem));
        this.table = table;
        this.column = column;
    }

    private static String describe(String table, String column, String problem) {
        StringBuilder sb = new StringBuilder("Invalid model: table '").append(table).append('\'');
        if (column != null) {
            sb.append(", column '").append(column).append('\'');
        }
        return sb.append(": ").append(problem).toString();
    }

    /** The table whose definition is invalid. */
    public String table() {
        return table;
    }

    /** The column involved, or {@code null} when the problem concerns the table as a whole. */
    public String column() {
        return column;
    }
}
