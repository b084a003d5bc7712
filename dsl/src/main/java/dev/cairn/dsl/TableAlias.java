package dev.cairn.dsl;

import dev.cairn.dsl.Expression.AliasedColumn;
import dev.cairn.dsl.type.Identifiers;
import java.util.Objects;

/**
 * A table under another name, so that it can appear twice in one query:
 *
 * <pre>{@code
 * TableAlias<Employee> boss = EMPLOYEES.as("boss");
 * db.select(EMPLOYEES.name, boss.get(EMPLOYEES.name)).from(EMPLOYEES)
 *   .leftJoin(boss).on(EMPLOYEES.managerId.eq(boss.get(EMPLOYEES.id))).fetch();
 * }</pre>
 *
 * @param <R> the row type of the table
 */
public final class TableAlias<R> implements FromItem<R> {
    private final Table<R, ?> table;
    private final String alias;

    TableAlias(Table<R, ?> table, String alias) {
        String problem = Identifiers.problemWith(alias);
        if (problem != null) {
            throw new IllegalArgumentException("Alias of table '" + table.name() + "': " + problem);
        }
        this.table = table;
        this.alias = alias;
    }

    @Override
    public Table<R, ?> table() {
        return table;
    }

    @Override
    public String alias() {
        return alias;
    }

    /** The column of the table under this alias. */
    public <T> Expression<T> get(Column<T> column) {
        if (column.table() != table) {
            throw new IllegalArgumentException("Column " + column + " is not a column of table '" + table.name()
                    + "' aliased as '" + alias + "'");
        }
        return new AliasedColumn<>(alias, column);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableAlias<?> a && a.table == table && a.alias.equals(alias);
    }

    @Override
    public int hashCode() {
        return Objects.hash(table.name(), alias);
    }

    @Override
    public String toString() {
        return table.name() + " AS " + alias;
    }
}
