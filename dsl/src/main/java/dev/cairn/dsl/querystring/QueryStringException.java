package dev.cairn.dsl.querystring;

/**
 * A query string or query object that cannot be compiled: an unknown field or operator, a value of the wrong type,
 * bad syntax, or a bound exceeded. The message says what and where, quoting at most a short, printable part of the
 * input, so that it can be returned as the body of a 400 response.
 */
public final class QueryStringException extends IllegalArgumentException {
    private final int position;
    private final String path;

    QueryStringException(String message, int position, String path) {
        super(message);
        this.position = position;
        this.path = path;
    }

    static QueryStringException at(int position, String message) {
        return new QueryStringException(message + " (at position " + position + ")", position, null);
    }

    static QueryStringException in(String path, String message) {
        return new QueryStringException(message + (path.isEmpty() ? "" : " (at " + path + ")"), -1, path);
    }

    /** The position (from 0) in the query string where the problem starts, or -1 for a query object. */
    public int position() {
        return position;
    }

    /** Where in a query object the problem is ({@code or[1].age.gt}), or {@code null} for a query string. */
    public String path() {
        return path;
    }

    /** Part of untrusted input fit to quote in a message: at most 40 characters, control characters as '?'. */
    static String quote(String input) {
        StringBuilder b = new StringBuilder("'");
        int n = Math.min(input.length(), 40);
        for (int i = 0; i < n; i++) {
            char c = input.charAt(i);
            b.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
        }
        return b.append(input.length() > n ? "...'" : "'").toString();
    }
}
