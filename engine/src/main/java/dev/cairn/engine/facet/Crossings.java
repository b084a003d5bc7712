package dev.cairn.engine.facet;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Condition.Comparison;
import dev.cairn.dsl.Condition.Junction;
import dev.cairn.dsl.Condition.Operator;
import dev.cairn.dsl.ForeignKey;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.UniqueKey;
import dev.cairn.dsl.query.Select;
import dev.cairn.engine.exception.ForbiddenException;
import dev.cairn.engine.session.SessionCore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys the database enforces across a facet's row filters. A unique key that does not hold the filter's
 * column makes a write fail when a hidden row holds the value, and a foreign key from rows the facet may not see
 * makes a delete fail, or cascade to those rows: either would tell that the hidden row exists, the cascade would
 * change it. Such a key is <em>crossing</em>, and unless the facet declares it shared, a statement that depends on
 * it is refused before anything is sent, whatever the rows hold, so the refusal tells nothing. A shared key is
 * one the application accepts may tell (an e-mail taken across tenants); deletes through a shared foreign key still
 * never reach a hidden row: they are refused when one refers to the rows.
 *
 * <p>A unique key is partitioned when the table's filter is {@code column = value} and the key holds the column. A
 * foreign key is safe when the referring table is part of the facet without a filter, or both tables are filtered
 * by {@code column = value} with one value and the key maps the one column to the other.
 */
final class Crossings {
    private static final String REF_ALIAS = "cairn_ref";
    private final FacetRules rules;
    private final Set<String> shared = new TreeSet<>();
    private final Map<String, List<ForeignKey>> crossingInto = new HashMap<>();

    Crossings(FacetRules rules, List<Table<?, ?>> schemaTables, List<List<Column<?>>> declared) {
        this.rules = rules;
        for (List<Column<?>> key : declared) {
            shared.add(describe(key));
        }
        List<Table<?, ?>> tables = new ArrayList<>(schemaTables);
        for (TableRule r : rules.all()) {
            if (tables.stream().noneMatch(t -> t.name().equalsIgnoreCase(r.name()))) {
                tables.add(r.table());
            }
        }
        Set<String> known = new TreeSet<>();
        for (Table<?, ?> t : tables) {
            if (t.primaryKey() != null) {
                known.add(describe(t.primaryKey().columns()));
            }
            for (UniqueKey u : t.uniqueKeys()) {
                known.add(describe(u.columns()));
            }
            for (ForeignKey fk : t.foreignKeys()) {
                known.add(describe(fk.columns()));
                if (!safe(fk)) {
                    crossingInto.computeIfAbsent(key(fk.targetTable().name()), k -> new ArrayList<>()).add(fk);
                }
            }
        }
        for (String s : shared) {
            if (!known.contains(s)) {
                throw new IllegalArgumentException("The facet shares " + s + ", which is no primary, unique or foreign"
                        + " key of the model; give the columns of one key of one table");
            }
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** {@code table(a, b)}, in lower case, the columns in the key's order. */
    static String describe(List<Column<?>> columns) {
        Table<?, ?> table = columns.get(0).table();
        List<String> names = new ArrayList<>();
        for (Column<?> c : columns) {
            if (c.table() != table) {
                throw new IllegalArgumentException("A shared key's columns are of one table; got " + table.name()
                        + " and " + c.table().name());
            }
            names.add(key(c.name()));
        }
        return key(table.name()) + "(" + String.join(", ", names) + ")";
    }

    private boolean safe(ForeignKey fk) {
        TableRule from = rules.find(fk.table().name());
        if (from != null && !from.hasFilter()) {
            return true;
        }
        TableRule to = rules.find(fk.targetTable().name());
        if (from == null || to == null || from.eqColumn() == null || to.eqColumn() == null
                || !Objects.equals(from.eqValue(), to.eqValue())) {
            return false;
        }
        for (int i = 0; i < fk.columns().size(); i++) {
            if (from.isEqColumn(fk.columns().get(i).name()) && to.isEqColumn(fk.targetColumns().get(i).name())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the key spans rows the filter of {@code r} hides and the facet has not declared it shared. */
    boolean crossingUnshared(TableRule r, List<Column<?>> key) {
        boolean partitioned = r.eqColumn() != null && key.stream().anyMatch(c -> r.isEqColumn(c.name()));
        return r.hasFilter() && !partitioned && !shared.contains(describe(key));
    }

    /** Refuses a value written to {@code column} when it is part of a crossing unique key the facet does not share. */
    void keyWritten(TableRule r, Column<?> column, String op) {
        if (!r.hasFilter()) {
            return;
        }
        Table<?, ?> table = r.table();
        List<List<Column<?>>> keys = new ArrayList<>();
        if (table.primaryKey() != null) {
            keys.add(table.primaryKey().columns());
        }
        for (UniqueKey u : table.uniqueKeys()) {
            keys.add(u.columns());
        }
        for (List<Column<?>> k : keys) {
            boolean holds = k.stream().anyMatch(c -> c.name().equalsIgnoreCase(column.name()));
            if (holds && crossingUnshared(r, k)) {
                throw new ForbiddenException(op, r.name(), column.name(), "the unique key " + describe(k) + " spans"
                        + " rows the facet hides, so a duplicate-key error would tell that a hidden row holds the"
                        + " value; add the filter's column to the key, or declare it with Facet.Builder.shares");
            }
        }
    }

    /**
     * Refuses a delete of rows of {@code table} (or a change of the columns in {@code changed}, when not null) that a
     * crossing foreign key refers to: at once when the facet does not share it; when it does, the rows
     * {@code where} selects are refused if a row the facet does not see refers to one of them.
     */
    void referencesChecked(Table<?, ?> table, Set<String> changed, Condition where, SessionCore target, String op,
                           Rewriter rewriter) {
        for (ForeignKey fk : crossingInto.getOrDefault(key(table.name()), List.of())) {
            if (changed != null && fk.targetColumns().stream().noneMatch(c -> changed.contains(key(c.name())))) {
                continue;
            }
            String refs = describe(fk.columns());
            if (!shared.contains(refs)) {
                throw new ForbiddenException(op, table.name(), null, "rows the facet does not show may refer to it"
                        + " through " + refs + ", so the change could fail on them or reach them; put the filter's"
                        + " column in the foreign key, or declare it with Facet.Builder.shares");
            }
            if (hiddenReferrer(fk, where, target, rewriter)) {
                throw new ForbiddenException(op, table.name(), null, "rows the facet does not show refer to it through "
                        + refs + "; nothing was changed");
            }
        }
    }

    private boolean hiddenReferrer(ForeignKey fk, Condition where, SessionCore target, Rewriter rewriter) {
        Table<?, ?> from = fk.table();
        Table.Alias<?> ref = from.as(REF_ALIAS);
        List<Condition> match = new ArrayList<>();
        for (int i = 0; i < fk.columns().size(); i++) {
            match.add(new Comparison(Rewriter.reference(ref, fk.columns().get(i)), Operator.EQ,
                    fk.targetColumns().get(i)));
        }
        TableRule rule = rules.find(from.name());
        if (rule != null) {
            match.add(Condition.not(Guards.visible(ref, rewriter::filter)));
        }
        Condition referred = Guards.exists(ref, Junction.of(true, match));
        Select<?> probe = Select.rowsOf(fk.targetTable(), target).where(Guards.and(where, referred));
        return target.exists(probe);
    }
}
