package dev.cairn.dsl.querystring;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Relation;
import java.util.List;

/**
 * A field a query may use: a column of the queried table, or a column reached through relations
 * ({@code players.sponsors.name}). A condition on a field reached through relations holds for a row when some
 * related row satisfies it ({@code EXISTS}).
 *
 * @param name   the name the query uses
 * @param path   the relations from the queried table to the column's table, in order; empty for its own columns
 * @param column the column compared
 */
record QueryField(String name, List<Relation<?, ?>> path, Column<?> column) {
    QueryField {
        path = List.copyOf(path);
    }

    /** {@code condition} (over the column's table) as a condition over the queried table. */
    Condition over(Condition condition) {
        Condition c = condition;
        for (int i = path.size() - 1; i >= 0; i--) {
            c = path.get(i).any(c);
        }
        return c;
    }

    boolean sortable() {
        return path.isEmpty();
    }
}
