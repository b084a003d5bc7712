package dev.cairn.schema.diff;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.ForeignKey;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.Identifiers;
import dev.cairn.schema.Change;
import dev.cairn.schema.probe.ColumnChecks;
import dev.cairn.schema.probe.ProbeRequest;
import dev.cairn.schema.shape.ColumnShape;
import dev.cairn.schema.shape.SchemaShape;
import dev.cairn.schema.shape.TableShape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The probes a plan needs: for each change the rows decide (a unique or primary key, NOT NULL, a narrower type, a
 * foreign key, fewer ENUM or SET labels), what to count in the live table. Names are mapped back to the live ones,
 * since probes run before any change of the plan; a change that needs a column the table does not have yet is one
 * the rows cannot decide.
 */
final class ProbeRequests {
    private final Map<Change, ProbeRequest> requests = new IdentityHashMap<>();

    /** The requests, by change (the very objects of the plan). */
    Map<Change, ProbeRequest> all() {
        return Collections.unmodifiableMap(requests);
    }

    /**
     * A column change that loses data only where a row holds NULL or a value the new type cannot hold.
     *
     * @param setLabels the labels of a SET stored as text (PostgreSQL), whose narrower type means a label gone; or
     *                  {@code null}
     */
    Change column(Change change, TableShape have, ColumnShape existing, ColumnShape wanted, boolean behaviour,
                  List<String> setLabels) {
        if (change.destructive() && !behaviour) {
            boolean narrows = !existing.type().equals(wanted.type()) && !TypeChanges.widens(existing.type(), wanted.type());
            ProbeRequest.ColumnValues values = ColumnChecks.of(existing, wanted, narrows);
            if (values != null && setLabels != null && narrows) {
                // A value of the new labels always fits their joined length: the label is what breaks the change.
                List<ProbeRequest.ValueTest> tests = new ArrayList<>(values.tests().stream()
                        .filter(t -> t instanceof ProbeRequest.IsNull).toList());
                tests.add(new ProbeRequest.SetLabelNotIn(setLabels));
                values = new ProbeRequest.ColumnValues(values.column(), tests);
            }
            if (values != null) {
                requests.put(change, new ProbeRequest(have.qualifiedName(), rowKey(have),
                        ColumnChecks.describe(values, wanted.type()), values));
            }
        }
        return change;
    }

    /** A new primary key, or a unique key ({@code nullsBreak} false): rows whose values collide break it. */
    Change key(Change change, TableShape have, List<String> columns, Map<String, String> renamed, boolean primary) {
        // MySQL refuses to drop a key its auto-increment column stands on, whatever the rows: that waits as before.
        if (columns.isEmpty() || primary && have.primaryKey().stream().anyMatch(k -> have.column(k).autoIncrement())) {
            return change;
        }
        List<String> live = liveColumns(have, columns, renamed);
        String names = "(" + String.join(", ", live == null ? columns : live) + ")";
        requests.put(change, live == null ? ProbeRequest.undecided(have.qualifiedName(), names)
                : new ProbeRequest(have.qualifiedName(), rowKey(have), "rows with " + (primary ? "NULL or " : "")
                + "duplicate " + names, new ProbeRequest.Duplicates(live, primary)));
        return change;
    }

    /** A foreign key added to a live table: rows whose columns are all set and match no parent row break it. */
    Change foreignKey(Change change, TableShape have, ForeignKey fk, Map<String, String> renamed, SchemaShape live) {
        List<String> columns = liveColumns(have, fk.columns().stream().map(c -> TableShape.key(c.name())).toList(),
                renamed);
        Table<?, ?> target = fk.targetTable();
        TableShape parent = live.table(Identifiers.schemaOf(target.name()), Identifiers.unqualified(target.name()));
        for (String former : target.formerNames()) {
            parent = parent != null ? parent : live.table(Identifiers.schemaOf(target.name()), former);
        }
        List<String> parentColumns = new ArrayList<>();
        for (Column<?> c : fk.targetColumns()) {
            ColumnShape found = parent == null ? null : parent.column(c.name());
            for (String former : parent == null ? List.<String>of() : c.formerNames()) {
                found = found != null ? found : parent.column(former);
            }
            parentColumns.add(found == null ? null : found.name());
        }
        if (columns == null || parent != null && parentColumns.contains(null)) {
            requests.put(change, ProbeRequest.undecided(have.qualifiedName(), "foreign key " + fk.name()));
            return change;
        }
        String names = columns.size() == 1 ? columns.get(0) : "(" + String.join(", ", columns) + ")";
        requests.put(change, new ProbeRequest(have.qualifiedName(), rowKey(have), "rows of " + names
                + " with no parent in " + target.name(), new ProbeRequest.Orphans(columns,
                parent == null ? null : parent.qualifiedName(), parent == null ? List.of() : parentColumns)));
        return change;
    }

    // The live names of the model's columns (lower-case keys, after renames), or null where one is not live yet.
    private static List<String> liveColumns(TableShape have, List<String> columns, Map<String, String> renamed) {
        List<String> out = new ArrayList<>();
        for (String column : columns) {
            String old = column;
            for (Map.Entry<String, String> r : renamed.entrySet()) {
                old = r.getValue().equals(column) ? r.getKey() : old;
            }
            ColumnShape shape = have.column(old);
            if (shape == null) {
                return null;
            }
            out.add(shape.name());
        }
        return out;
    }

    private static List<String> rowKey(TableShape have) {
        return have.primaryKey().stream().map(k -> have.column(k).name()).toList();
    }
}
