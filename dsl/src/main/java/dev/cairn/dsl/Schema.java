package dev.cairn.dsl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A group of tables that is created, synchronised and used together. Building a schema freezes its tables and
 * checks what spans tables: every foreign key and relation must lead to a table of the schema, with a key of the
 * same type, and foreign key names must not collide. It also checks that each table's row type fits its columns
 * (each record component matches a column and can hold its values), and reports every mismatch of every table in
 * one {@link DefinitionException}.
 *
 * <pre>{@code Schema schema = Schema.of(USERS, POSTS, TAGS, POST_TAGS);}</pre>
 */
public final class Schema {
    private final List<Table<?, ?>> tables;
    private final List<Table<?, ?>> creationOrder;

    private Schema(List<Table<?, ?>> tables) {
        this.tables = List.copyOf(tables);
        check();
        this.creationOrder = dependencyOrder();
    }

    /** A schema of the given tables. */
    public static Schema of(Table<?, ?>... tables) {
        return new Schema(List.of(tables));
    }

    /** A schema of the given tables. */
    public static Schema of(List<? extends Table<?, ?>> tables) {
        return new Schema(new ArrayList<>(tables));
    }

    /** The tables in the order given. */
    public List<Table<?, ?>> tables() {
        return tables;
    }

    /**
     * The tables ordered so that each comes after the tables its foreign keys refer to. Where foreign keys form a
     * cycle between tables, see {@link #isDeferred(ForeignKey)}.
     */
    public List<Table<?, ?>> creationOrder() {
        return creationOrder;
    }

    /**
     * Whether a foreign key refers to a table that comes later in {@link #creationOrder()} (a cycle between tables),
     * so that it must be added after all tables exist.
     */
    public boolean isDeferred(ForeignKey fk) {
        return creationOrder.indexOf(fk.targetTable()) > creationOrder.indexOf(fk.table());
    }

    /** The table with the given name (case-insensitive), or {@code null}. */
    public Table<?, ?> table(String name) {
        for (Table<?, ?> t : tables) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        return null;
    }

    private void check() {
        Map<String, Table<?, ?>> byName = new HashMap<>();
        for (Table<?, ?> t : tables) {
            if (t == null) {
                throw new IllegalArgumentException("A schema table is null: is it read before its class has initialised?");
            }
            Table<?, ?> previous = byName.putIfAbsent(t.name().toLowerCase(Locale.ROOT), t);
            if (previous != null) {
                throw new DefinitionException(t.name(), null, previous == t ? "the table is listed twice in the schema"
                        : "two tables of the schema have this name");
            }
            t.definition().freezeOnce();
        }
        Set<Table<?, ?>> members = new LinkedHashSet<>(tables);
        Map<String, String> constraintNames = new HashMap<>();
        for (Table<?, ?> t : tables) {
            for (ForeignKey fk : t.foreignKeys()) {
                Table<?, ?> target = fk.targetTable();
                if (!members.contains(target)) {
                    throw new DefinitionException(t.name(), fk.columns().get(0).name(), "the foreign key refers to table '"
                            + target.name() + "', which is not part of this schema");
                }
                claim(constraintNames, fk.name(), t, fk.columns().get(0).name());
            }
            for (Relation<?, ?> r : t.relations()) {
                r.resolveOnce();
                for (Table<?, ?> needed : concat(r.target(), r.intermediateTables())) {
                    if (!members.contains(needed)) {
                        throw new DefinitionException(t.name(), null, "relation '" + r.name() + "' leads to table '"
                                + needed.name() + "', which is not part of this schema");
                    }
                }
            }
        }
        List<DefinitionException> problems = new ArrayList<>();
        for (Table<?, ?> t : tables) {
            problems.addAll(TableReflection.rowTypeProblems(t));
        }
        if (!problems.isEmpty()) {
            throw problems.size() == 1 ? problems.get(0) : new DefinitionException(problems);
        }
    }

    private static List<Table<?, ?>> concat(Table<?, ?> first, List<Table<?, ?>> more) {
        List<Table<?, ?>> all = new ArrayList<>(more);
        all.add(0, first);
        return all;
    }

    // MySQL scopes foreign-key names by database; index, unique-key and check names by table (each table checks
    // its own). Where a database scopes those by schema too (H2; MySQL 8 for checks), schema sync gives the ones
    // that repeat a name a longer one of their own.
    private static void claim(Map<String, String> names, String name, Table<?, ?> table, String column) {
        String previous = names.putIfAbsent(name.toLowerCase(Locale.ROOT), table.name());
        if (previous != null) {
            throw new DefinitionException(table.name(), column, "foreign key name '" + name
                    + "' is already used in table '" + previous + "'; foreign key names must be unique across the schema");
        }
    }

    private List<Table<?, ?>> dependencyOrder() {
        Map<Table<?, ?>, Integer> state = new LinkedHashMap<>();
        List<Table<?, ?>> order = new ArrayList<>();
        for (Table<?, ?> t : tables) {
            visit(t, state, order);
        }
        return List.copyOf(order);
    }

    // Depth-first: a table is placed after the tables it refers to; an edge back to a table still being visited
    // is a cycle, and that foreign key is deferred (see isDeferred).
    private void visit(Table<?, ?> t, Map<Table<?, ?>, Integer> state, List<Table<?, ?>> order) {
        Integer s = state.get(t);
        if (s != null) {
            return;
        }
        state.put(t, 1);
        for (ForeignKey fk : t.foreignKeys()) {
            if (fk.targetTable() != t) {
                visit(fk.targetTable(), state, order);
            }
        }
        state.put(t, 2);
        order.add(t);
    }

    @Override
    public String toString() {
        return "Schema" + tables;
    }
}
