package dev.cairn.engine.facet;

import dev.cairn.dsl.BelongsTo;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.Expression.Param;
import dev.cairn.dsl.ForeignKey;
import dev.cairn.dsl.Relation;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.query.Delete;
import dev.cairn.dsl.query.Insert;
import dev.cairn.dsl.query.Select;
import dev.cairn.dsl.query.Update;
import dev.cairn.engine.Facet.Operation;
import dev.cairn.engine.bind.ValueConverter;
import dev.cairn.engine.exception.ForbiddenException;
import dev.cairn.engine.exception.NotFoundException;
import dev.cairn.engine.map.RowLayout;
import dev.cairn.engine.session.Conditions;
import dev.cairn.engine.session.SessionCore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The checks and rewrites of the writes a facet sends: the operation and every column written must be allowed;
 * UPDATE and DELETE get the row filter; a row inserted gets the filter's {@code column = value} (or is refused when
 * it holds another value); a column a general filter reads is not changed; a foreign key written must name a row
 * the facet sees, so that a hidden row and a missing one fail alike, before anything is sent.
 */
final class WriteChecks {
    private final FacetRules rules;
    private final Rewriter rewriter;

    WriteChecks(FacetRules rules, Rewriter rewriter) {
        this.rules = rules;
        this.rewriter = rewriter;
    }

    @SuppressWarnings("unchecked")
    Update<?> update(Update<?> u, SessionCore target) {
        Table<Object, ?> table = (Table<Object, ?>) u.table();
        TableRule r = rules.of(table, "update");
        boolean link = u.assignments().stream().allMatch(a -> rules.linksColumn(table, a.column().name()));
        if (!r.allows(Operation.UPDATE) && !link) {
            throw new ForbiddenException("update", r.name(), null, "the facet does not grant it");
        }
        Update<Object> out = Update.of(table, target);
        for (Update.Assignment a : u.assignments()) {
            String col = a.column().name();
            if (!r.writes(col) && !link) {
                throw new ForbiddenException("update", r.name(), col, "the facet does not write this column");
            }
            if (r.isEqColumn(col)) {
                if (!(a.value() instanceof Param<?> p) || !same(a.column(), p.value(), r.eqValue())) {
                    throw new ForbiddenException("update", r.name(), col, "the facet keeps it at its filter's value");
                }
            } else if (r.filterColumns().contains(TableRule.key(col))) {
                throw new ForbiddenException("update", r.name(), col, "the facet's row filter reads it, so a change"
                        + " could move the row out of its sight");
            }
            rules.crossings().keyWritten(r, a.column(), "update");
            out = assign(out, a.column(), a.value().accept(rewriter));
        }
        checkReferences(table, u.assignments(), target);
        Condition filter = rewriter.filter(table);
        Condition where = Guards.and(filter,
                Guards.guarded(u.where() == null ? null : u.where().accept(rewriter),
                        () -> filter == null ? null : Guards.visible(table, rewriter::filter)));
        java.util.Set<String> changed = new java.util.HashSet<>();
        for (Update.Assignment a : u.assignments()) {
            changed.add(TableRule.key(a.column().name()));
        }
        rules.crossings().referencesChecked(table, changed, where, target, "update", rewriter);
        return where == null ? out.all() : out.where(where);
    }

    @SuppressWarnings("unchecked")
    Delete<?> delete(Delete<?> d, SessionCore target) {
        Table<Object, ?> table = (Table<Object, ?>) d.table();
        TableRule r = rules.of(table, "remove");
        if (!r.allows(Operation.REMOVE) && !rules.linksThrough(table)) {
            throw new ForbiddenException("remove", r.name(), null, "the facet does not grant it");
        }
        Delete<Object> out = Delete.of(table, target);
        Condition filter = rewriter.filter(table);
        Condition where = Guards.and(filter,
                Guards.guarded(d.where() == null ? null : d.where().accept(rewriter),
                        () -> filter == null ? null : Guards.visible(table, rewriter::filter)));
        rules.crossings().referencesChecked(table, null, where, target, "remove", rewriter);
        return where == null ? out.all() : out.where(where);
    }

    /** The insert as the facet sends it: rows with the filter's value set, each checked. */
    <R> Insert<R> insert(Insert<R> ins, SessionCore target, RowLayout<R> layout) {
        Table<R, ?> table = ins.table();
        boolean upsert = ins.updateOnDuplicate() != null;
        String op = upsert ? "save" : "create";
        TableRule r = rules.of(table, op);
        boolean allowed = upsert ? r.allows(Operation.SAVE)
                : r.allows(Operation.CREATE) || r.allows(Operation.SAVE) || rules.linksThrough(table);
        if (!allowed) {
            throw new ForbiddenException(op, r.name(), null, "the facet does not grant it");
        }
        if (ins.select() != null) {
            if (r.hasFilter()) {
                throw new ForbiddenException(op, r.name(), null, "an INSERT ... SELECT into a table with a row filter"
                        + " cannot be checked row by row; insert rows");
            }
            for (Column<?> c : ins.selectColumns()) {
                writable(r, c, op);
            }
            return Insert.into(table, target).columns(ins.selectColumns().toArray(new Column<?>[0]))
                    .select(FacetCore.rebuild(ins.select(), rewriter, target));
        }
        List<R> rows = new ArrayList<>(ins.rows().size());
        for (R row : ins.rows()) {
            Object[] v = layout.columnValues(row);
            boolean changed = false;
            for (Column<?> c : table.columns()) {
                Object value = v[c.position()];
                if (r.isEqColumn(c.name())) {
                    if (value == null) {
                        v[c.position()] = ValueConverter.convert(c, r.eqValue());
                        changed = true;
                    } else if (!same(c, value, r.eqValue())) {
                        throw new ForbiddenException(op, r.name(), c.name(), "the facet writes only rows its filter"
                                + " shows");
                    }
                } else if (value != null) {
                    writable(r, c, op);
                    if (!upsert) {
                        // An upsert's keys find the row it updates: FacetCore checks them against what the facet sees.
                        rules.crossings().keyWritten(r, c, op);
                    }
                }
            }
            rows.add(changed ? layout.fromColumnValues(v) : row);
            checkReferences(table, v, target);
        }
        Insert<R> out = Insert.into(table, target).rows(rows).chunkSize(ins.chunkSize());
        if (upsert) {
            for (Column<?> c : ins.updateOnDuplicate()) {
                writable(r, c, op);
                rules.crossings().keyWritten(r, c, op);
                if (!r.isEqColumn(c.name()) && r.filterColumns().contains(TableRule.key(c.name()))) {
                    throw new ForbiddenException(op, r.name(), c.name(), "the facet's row filter reads it, so a"
                            + " change could move the row out of its sight");
                }
            }
            out = out.onDuplicateKeyUpdate(ins.updateOnDuplicate().toArray(new Column<?>[0]));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> Update<Object> assign(Update<Object> u, Column<T> column, Expression<?> value) {
        return u.set(column, (Expression<T>) value);
    }

    private static void writable(TableRule r, Column<?> c, String op) {
        if (!r.writes(c.name())) {
            throw new ForbiddenException(op, r.name(), c.name(), "the facet does not write this column");
        }
    }

    private static boolean same(Column<?> c, Object a, Object b) {
        return a != null && b != null && Objects.equals(Conditions.normalKey(ValueConverter.convert(c, a)),
                Conditions.normalKey(ValueConverter.convert(c, b)));
    }

    // ------------------------------------------------------------------------------------ references

    /** A foreign key to a table of the facet that has a row filter: {@code columns -> target.keys}. */
    private record Reference(List<Column<?>> columns, Table<?, ?> target, List<Column<?>> keys) {
    }

    private List<Reference> references(Table<?, ?> table) {
        List<Reference> refs = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        for (ForeignKey fk : table.foreignKeys()) {
            add(refs, seen, fk.columns(), fk.targetTable(), fk.targetColumns());
        }
        for (Relation<?, ?> rel : table.relations()) {
            if (rel instanceof BelongsTo<?, ?> bt) {
                add(refs, seen, List.of(bt.foreignKey()), bt.target(), List.of(bt.targetKey()));
            }
        }
        return refs;
    }

    private void add(List<Reference> refs, Set<List<String>> seen, List<Column<?>> columns, Table<?, ?> target,
                     List<Column<?>> keys) {
        TableRule r = rules.find(target.name());
        if (r != null && r.hasFilter() && seen.add(columns.stream().map(c -> TableRule.key(c.name())).toList())) {
            refs.add(new Reference(columns, target, keys));
        }
    }

    /** Every foreign key of a row inserted, all of whose columns are set, must name a row the facet sees. */
    private void checkReferences(Table<?, ?> table, Object[] values, SessionCore target) {
        for (Reference ref : references(table)) {
            List<Object> v = new ArrayList<>();
            for (Column<?> c : ref.columns) {
                v.add(values[c.position()]);
            }
            if (!v.contains(null)) {
                visible(ref, v, target);
            }
        }
    }

    /**
     * A foreign key to a filtered table that an update sets must name a row the facet sees. It is set as a whole and
     * to values: one column of several, or a column set to an expression, could reach a row the facet hides, and
     * whether the write then succeeds would tell that the row exists.
     */
    private void checkReferences(Table<?, ?> table, List<Update.Assignment> assignments, SessionCore target) {
        for (Reference ref : references(table)) {
            List<Object> values = new ArrayList<>();
            String first = null;
            for (Column<?> c : ref.columns) {
                for (Update.Assignment a : assignments) {
                    if (a.column().name().equalsIgnoreCase(c.name())) {
                        first = first == null ? c.name() : first;
                        values.add(a.value() instanceof Param<?> p ? p.value() : a);
                    }
                }
            }
            if (first == null || values.stream().allMatch(v -> v == null)) {
                continue;  // not set, or set to NULL: it names no row
            }
            if (values.size() != ref.columns.size() || values.stream().anyMatch(v -> v instanceof Update.Assignment)) {
                throw new ForbiddenException("update", table.name(), first, "a foreign key to " + ref.target.name()
                        + " is set through the facet only as a whole, and to values");
            }
            if (!values.contains(null)) {
                visible(ref, values, target);
            }
        }
    }

    /** Refuses a foreign key to a row the facet does not see, as if the row were missing. */
    private void visible(Reference ref, List<Object> values, SessionCore target) {
        Condition where = rewriter.filter(ref.target);
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < ref.keys.size(); i++) {
            Column<?> key = ref.keys.get(i);
            where = Guards.and(where, Conditions.equal(key, ValueConverter.convert(key, values.get(i))));
            shown.append(i == 0 ? "" : " and ").append(key.name()).append(" = ")
                    .append(key.type().kind().isInteger() ? values.get(i) : "?");
        }
        if (!target.exists(Select.rowsOf(ref.target, target).where(where))) {
            String cols = String.join(", ", ref.columns.stream().map(Column::name).toList());
            throw new NotFoundException("No row of '" + ref.target.name() + "' with " + shown + " for "
                    + ref.columns.get(0).table().name() + "." + (ref.columns.size() == 1 ? cols : "(" + cols + ")"),
                    null, null);
        }
    }

    /** The values of each key of the row (primary, then unique) that are all set: what an upsert may match on. */
    static Map<List<Column<?>>, Condition> keys(Table<?, ?> table, Object[] v) {
        Map<List<Column<?>>, Condition> keys = new LinkedHashMap<>();
        List<List<Column<?>>> all = new ArrayList<>();
        if (table.primaryKey() != null) {
            all.add(table.primaryKey().columns());
        }
        table.uniqueKeys().forEach(u -> all.add(u.columns()));
        for (List<Column<?>> cols : all) {
            if (cols.stream().allMatch(c -> v[c.position()] != null)) {
                keys.put(cols, Conditions.equal(cols, v));
            }
        }
        return keys;
    }
}
