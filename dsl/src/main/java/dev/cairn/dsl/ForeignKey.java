package dev.cairn.dsl;

import dev.cairn.dsl.type.Identifiers;
import dev.cairn.dsl.type.TextOptions;
import dev.cairn.dsl.type.ReferentialAction;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A foreign key from columns of this table to a primary or unique key of another (or the same) table. The target is
 * given as a supplier so that tables may refer to each other; it is resolved and checked when a {@link Schema} is
 * built, and the error then names both ends.
 */
public final class ForeignKey {
    private final Table<?, ?> table;
    private final List<Column<?>> columns;
    private final Supplier<List<Column<?>>> targetSupplier;
    private String name;
    private final boolean nameDeclared;
    private ReferentialAction onDelete = ReferentialAction.NO_ACTION;
    private ReferentialAction onUpdate = ReferentialAction.NO_ACTION;
    private volatile List<Column<?>> target;

    ForeignKey(Table<?, ?> table, String name, List<Column<?>> columns, Supplier<List<Column<?>>> targetSupplier) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.targetSupplier = Objects.requireNonNull(targetSupplier, "target");
        this.nameDeclared = name != null;
        this.name = name != null ? name
                : Identifiers.derive("fk", table.name(), this.columns.stream().map(Column::name).toList());
    }

    public Table<?, ?> table() {
        return table;
    }

    /** The constraint name: declared, or derived as {@code fk_<table>_<columns>}. */
    public String name() {
        return name;
    }

    /**
     * Whether the name was given in the model. A named foreign key that the database holds under another name is
     * renamed; an unnamed one adopts the name the database has for the same columns, target and actions.
     */
    public boolean isNamed() {
        return nameDeclared;
    }

    public List<Column<?>> columns() {
        return columns;
    }

    public ReferentialAction onDelete() {
        return onDelete;
    }

    public ReferentialAction onUpdate() {
        return onUpdate;
    }

    void onDelete(ReferentialAction action) {
        table.definition().checkBuilding();
        this.onDelete = Objects.requireNonNull(action, "onDelete");
    }

    void onUpdate(ReferentialAction action) {
        table.definition().checkBuilding();
        this.onUpdate = Objects.requireNonNull(action, "onUpdate");
    }

    /** The referenced table; resolves the target on first use. */
    public Table<?, ?> targetTable() {
        return targetColumns().get(0).table();
    }

    /** The referenced columns, in the order of {@link #columns()}; resolved and checked on first use. */
    public List<Column<?>> targetColumns() {
        List<Column<?>> t = target;
        if (t == null) {
            t = resolve();
        }
        return t;
    }

    private synchronized List<Column<?>> resolve() {
        if (target != null) {
            return target;
        }
        String here = columns.get(0).name();
        List<Column<?>> t;
        try {
            t = targetSupplier.get();
        } catch (NullPointerException e) {
            t = null;
        } catch (RuntimeException | ExceptionInInitializerError e) {
            throw new DefinitionException(table.name(), here, "the foreign key target could not be read: " + e);
        }
        if (t == null || t.isEmpty() || t.stream().anyMatch(java.util.Objects::isNull)) {
            throw new DefinitionException(table.name(), here, "the foreign key target is null; if two tables refer to each "
                    + "other, reference the target through a supplier (() -> OTHER.id) rather than a field read early");
        }
        if (t.size() != columns.size()) {
            throw new DefinitionException(table.name(), here, "the foreign key has " + columns.size()
                    + " column(s) but its target " + describe(t) + " has " + t.size());
        }
        Table<?, ?> targetTable = t.get(0).table();
        for (Column<?> c : t) {
            if (c.table() != targetTable) {
                throw new DefinitionException(table.name(), here, "the foreign key target " + describe(t)
                        + " spans more than one table");
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            Column<?> from = columns.get(i);
            Column<?> to = t.get(i);
            if (!from.type().isCompatibleKey(to.type())) {
                throw new DefinitionException(table.name(), from.name(), "foreign key type " + from.type()
                        + " differs from the referenced column " + targetTable.name() + "." + to.name()
                        + " of type " + to.type());
            }
            String fromCollation = TextOptions.collationOf(from.textOptions(), table.options());
            String toCollation = TextOptions.collationOf(to.textOptions(), targetTable.options());
            if (fromCollation != null && toCollation != null && !fromCollation.equalsIgnoreCase(toCollation)) {
                // MySQL and MariaDB refuse it at once: "Foreign key constraint is incorrectly formed".
                throw new DefinitionException(table.name(), from.name(), "foreign key collation " + fromCollation
                        + " differs from the referenced column " + targetTable.name() + "." + to.name() + "'s "
                        + toCollation + "; declare the same collation on both");
            }
        }
        if (!targetTable.isKey(t)) {
            throw new DefinitionException(table.name(), here, "the foreign key references " + describe(t)
                    + ", which is neither the primary key nor a unique key of table '" + targetTable.name() + "'");
        }
        target = List.copyOf(t);
        return target;
    }

    private static String describe(List<Column<?>> cols) {
        if (cols.isEmpty()) {
            return "()";
        }
        return cols.get(0).table().name() + "(" + Column.names(cols) + ")";
    }

    @Override
    public String toString() {
        return "FOREIGN KEY " + name + "(" + Column.names(columns) + ")";
    }
}
