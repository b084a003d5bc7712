package dev.cairn.engine.facet;

import dev.cairn.dsl.BelongsTo;
import dev.cairn.dsl.HasMany;
import dev.cairn.dsl.ManyToMany;
import dev.cairn.dsl.Relation;
import dev.cairn.dsl.Table;
import dev.cairn.engine.Facet.Operation;
import dev.cairn.engine.exception.ForbiddenException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a facet, by table name (any case): a table that has none is not part of the facet. LINK on a table
 * allows, for each relation declared on it, the statements a link makes: rows of a many-to-many join table inserted
 * and deleted, and updates that set nothing but a relation's foreign key.
 */
public final class FacetRules {
    private final Map<String, TableRule> byName = new HashMap<>();
    private final Set<String> linkThrough = new HashSet<>();
    private final Map<String, Set<String>> linkColumns = new HashMap<>();

    private final Crossings crossings;

    /**
     * @param schemaTables every table of the database's model, whose foreign keys may refer to the facet's tables
     * @param shared       the keys (by their columns) the facet declares shared across its filters
     */
    public FacetRules(List<TableRule> rules, List<Table<?, ?>> schemaTables,
                      List<List<dev.cairn.dsl.Column<?>>> shared) {
        for (TableRule r : rules) {
            if (byName.putIfAbsent(TableRule.key(r.name()), r) != null) {
                throw new IllegalArgumentException("Table '" + r.name() + "' is given twice to the facet");
            }
        }
        for (TableRule r : rules) {
            if (!r.allows(Operation.LINK)) {
                continue;
            }
            for (Relation<?, ?> rel : r.table().relations()) {
                if (rel instanceof ManyToMany<?, ?> mm) {
                    linkThrough.add(TableRule.key(mm.through().name()));
                } else if (rel instanceof BelongsTo<?, ?> bt) {
                    linkColumn(r.table(), bt.foreignKey().name());
                } else if (rel instanceof HasMany<?, ?> hm) {
                    linkColumn(hm.target(), hm.foreignKey().name());
                }
            }
        }
        this.crossings = new Crossings(this, schemaTables, shared);
    }

    private void linkColumn(Table<?, ?> table, String column) {
        linkColumns.computeIfAbsent(TableRule.key(table.name()), k -> new HashSet<>()).add(TableRule.key(column));
    }

    Crossings crossings() {
        return crossings;
    }

    /** Every table's rule. */
    public java.util.Collection<TableRule> all() {
        return byName.values();
    }

    /** The rule of the table, or {@code null} when it is not part of the facet. */
    public TableRule find(String table) {
        return byName.get(TableRule.key(table));
    }

    /** The rule of the table; refuses a table that is not part of the facet. */
    public TableRule of(Table<?, ?> table, String operation) {
        TableRule r = find(table.name());
        if (r == null) {
            throw new ForbiddenException(operation, table.name(), null, "the table is not part of the facet");
        }
        return r;
    }

    /** The rule of the table after checking that the facet allows {@code op} on it. */
    public TableRule require(Table<?, ?> table, Operation op) {
        TableRule r = of(table, name(op));
        if (!r.allows(op)) {
            throw new ForbiddenException(name(op), table.name(), null, "the facet does not grant it");
        }
        return r;
    }

    /** Whether a LINK of some table lets rows of the join table {@code table} be inserted and deleted. */
    public boolean linksThrough(Table<?, ?> table) {
        return linkThrough.contains(TableRule.key(table.name()));
    }

    /** Whether a LINK of some table lets {@code column} of {@code table} be set. */
    public boolean linksColumn(Table<?, ?> table, String column) {
        Set<String> cols = linkColumns.get(TableRule.key(table.name()));
        return cols != null && cols.contains(TableRule.key(column));
    }

    public static String name(Operation op) {
        return op.name().toLowerCase(java.util.Locale.ROOT);
    }
}
