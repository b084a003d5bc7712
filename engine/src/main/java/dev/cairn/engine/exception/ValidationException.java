package dev.cairn.engine.exception;

import dev.cairn.dsl.lifecycle.ValidationErrors;

/**
 * A row broke its table's validation rules, so nothing was written. Carries every failure by field; the message
 * names the table and each field with its message.
 */
public final class ValidationException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    private final String table;
    private final transient ValidationErrors errors;

    public ValidationException(String table, String action, ValidationErrors errors) {
        super("Cannot " + action + " '" + table + "': " + errors, null, null);
        this.table = table;
        this.errors = errors;
    }

    /** The table the row was for. */
    public String table() {
        return table;
    }

    /** The failures by field. */
    public ValidationErrors errors() {
        return errors;
    }
}
