package dev.cairn.schema.online;

import dev.cairn.schema.Change;
import java.sql.SQLException;

/** The words for a statement the server refused to run with the algorithm or lock its clauses demand. */
public final class ServerRefusal {
    /** ER_ALTER_OPERATION_NOT_SUPPORTED and ER_ALTER_OPERATION_NOT_SUPPORTED_REASON, on MySQL and MariaDB alike. */
    private static final int NOT_SUPPORTED = 1845;
    private static final int NOT_SUPPORTED_REASON = 1846;

    private ServerRefusal() {
    }

    /** The message for {@code e} if it is the server refusing the change's clauses; otherwise {@code null}. */
    public static String message(Change change, String sql, SQLException e) {
        if (change.online() == null
                || e.getErrorCode() != NOT_SUPPORTED && e.getErrorCode() != NOT_SUPPORTED_REASON) {
            return null;
        }
        return "Schema sync stopped at table '" + change.table() + "' (" + change.description() + "): Cairn expected"
                + " the server to run it " + change.online().algorithm()
                + (change.online().blocksWrites() ? "" : " without blocking writes") + ", and the server refused: "
                + e.getMessage() + ". The statement changed nothing and no copy of the table was made. Statement: "
                + sql + ". To run it anyway with the server's own choice (which may"
                + " copy the table and block writes), run that statement without its ALGORITHM and LOCK clauses.";
    }
}
