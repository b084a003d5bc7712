package dev.cairn.engine.facet;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Table;
import dev.cairn.engine.Facet.Operation;
import java.util.Locale;
import java.util.Set;

/**
 * What a facet allows on one table: its operations beyond reading, the columns it reads and writes (by lower-case
 * name; {@code null} for all), and its row filter: {@code column = value} or a general condition, or none.
 *
 * @param filterColumns the lower-case names of this table's columns the filter reads: a write may not change them
 *                      (but for the {@code column = value} column, which it keeps at the value)
 */
public record TableRule(Table<?, ?> table, Set<Operation> allowed, Set<String> readable, Set<String> writable,
                        Column<?> eqColumn, Object eqValue, Condition condition, Set<String> filterColumns) {

    /** The rule, with the columns a general filter reads worked out. */
    public static TableRule of(Table<?, ?> table, Set<Operation> allowed, Set<String> readable, Set<String> writable,
                               Column<?> eqColumn, Object eqValue, Condition condition) {
        return new TableRule(table, Set.copyOf(allowed), readable, writable, eqColumn, eqValue, condition,
                condition == null ? Set.of() : Set.copyOf(Rewriter.columnsRead(condition, table)));
    }

    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    public String name() {
        return table.name();
    }

    public boolean hasFilter() {
        return eqColumn != null || condition != null;
    }

    public boolean allows(Operation op) {
        return allowed.contains(op);
    }

    public boolean reads(String column) {
        return readable == null || readable.contains(key(column));
    }

    public boolean writes(String column) {
        return writable == null || writable.contains(key(column));
    }

    /** Whether {@code column} is the filter's {@code column = value} column. */
    public boolean isEqColumn(String column) {
        return eqColumn != null && eqColumn.name().equalsIgnoreCase(column);
    }
}
