package dev.cairn.dsl;

import java.util.List;

/**
 * A model definition is invalid. Thrown while a table or schema is being defined, never later, and the message
 * always names the table and, where one is involved, the column.
 */
public final class DefinitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String table;
    private final String column;
    private final List<DefinitionException> problems;

    public DefinitionException(String table, String column, String problem) {
        super(describe(table, column, problem));
        this.table = table;
        this.column = column;
        this.problems = List.of();
    }

    /**
     * Several problems found at once, such as every mismatch between the row types and the tables of a schema, each
     * naming its table and column; {@link #table()} and {@link #column()} are those of the first.
     */
    public DefinitionException(List<DefinitionException> problems) {
        super(describe(problems));
        this.table = problems.get(0).table;
        this.column = problems.get(0).column;
        this.problems = List.copyOf(problems);
    }

    private static String describe(List<DefinitionException> problems) {
        if (problems.size() == 1) {
            return problems.get(0).getMessage();
        }
        StringBuilder sb = new StringBuilder("Invalid model, ").append(problems.size()).append(" problems:");
        for (DefinitionException p : problems) {
            sb.append("\n  ").append(p.getMessage().substring("Invalid model: ".length()));
        }
        return sb.toString();
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

    /** Each problem this exception reports: itself, or the several it was made of. */
    public List<DefinitionException> problems() {
        return problems.isEmpty() ? List.of(this) : problems;
    }
}
