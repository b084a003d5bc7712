package dev.cairn.engine.exception;

/**
 * A facet refused an operation, a table or a column before sending anything: its message and accessors name the
 * operation, the table and, where one is to blame, the column. Rows a facet's filter hides are never the cause: they
 * look missing ({@link NotFoundException}).
 */
public final class ForbiddenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String table;
    private final String column;

    public ForbiddenException(String operation, String table, String column, String why) {
        super("The facet does not allow " + operation + (table == null ? "" : " on table '" + table + "'")
                + (column == null ? "" : ", column " + column) + ": " + why);
        this.operation = operation;
        this.table = table;
        this.column = column;
    }

    /** What was refused: {@code create}, {@code update}, {@code save}, {@code remove}, {@code link}, {@code read}. */
    public String operation() {
        return operation;
    }

    /** The table, or {@code null}. */
    public String table() {
        return table;
    }

    /** The column, or {@code null}. */
    public String column() {
        return column;
    }
}
