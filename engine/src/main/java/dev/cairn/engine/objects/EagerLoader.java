package dev.cairn.engine.objects;

import dev.cairn.dsl.BelongsTo;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Condition.Comparison;
import dev.cairn.dsl.Condition.Operator;
import dev.cairn.dsl.Expression;
import dev.cairn.dsl.HasMany;
import dev.cairn.dsl.Include;
import dev.cairn.dsl.ManyToMany;
import dev.cairn.dsl.Relation;
import dev.cairn.dsl.SortField;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.query.Graph;
import dev.cairn.dsl.query.ResultRow;
import dev.cairn.dsl.query.Select;
import dev.cairn.engine.session.Conditions;
import dev.cairn.engine.session.SessionCore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Loads included relations for rows already read: one query per relation and level, with the parents' keys in an
 * {@code IN} list (split into chunks of {@value Conditions#CHUNK} keys), never one query per parent. Related rows are grouped
 * by key in the order the query returned them, so each parent's rows keep the include's sort order. A row reached
 * through several parents (a tag of many posts) is one object.
 */
public final class EagerLoader {
    private final ObjectApi objects;

    EagerLoader(ObjectApi objects) {
        this.objects = objects;
    }

    public <R> Graph<R> fetch(SessionCore s, Select<R> select, List<Include<?, ?>> includes) {
        List<R> rows = s.fetch(select);
        Graph.Builder<R> graph = Graph.builder(rows);
        loadAll(s, select.fromItem().table(), new ArrayList<>(rows), includes, graph);
        return graph.build();
    }

    /** The related rows of one parent: a list for to-many relations, an Optional for to-one. */
    Object loadOne(SessionCore s, Object parent, Include<?, ?> include) {
        Level level = level(s, include.relation().owner(), List.of(parent), include);
        Object key = level.keyOf.apply(parent);
        List<Object> rows = key == null ? List.of() : level.groups.rowsOf(key);
        if (!include.relation().isToOne()) {
            return rows;
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private void loadAll(SessionCore s, Table<?, ?> ownerTable, List<Object> parents, List<Include<?, ?>> includes,
                                Graph.Builder<?> graph) {
        for (Include<?, ?> include : includes) {
            Level level = level(s, ownerTable, parents, include);
            graph.putAll(include.relation(), level.keyOf, level.groups.byKey());
            if (!include.nested().isEmpty()) {
                loadAll(s, include.relation().target(), level.children, include.nested(), graph);
            }
        }
    }

    /**
     * What one include loaded: the related rows grouped under the key they link through (each parent's key among
     * them, with no rows when it has none), how a parent's key is read (a normal key), and all related rows once each.
     * Parents are found by key, not by identity: hashing a key costs little, while the identity hash of a row object
     * just read is one the JVM must first install in its header.
     */
    private record Level(KeyGroups groups, Function<Object, Object> keyOf, List<Object> children) {
    }

    private Level level(SessionCore s, Table<?, ?> ownerTable, List<Object> parents, Include<?, ?> include) {
        Relation<?, ?> relation = include.relation();
        if (relation.owner() != ownerTable) {
            throw new IllegalArgumentException("Relation " + relation.owner().name() + "." + relation.name()
                    + " is declared on table '" + relation.owner().name() + "', so it cannot be loaded for rows of '"
                    + ownerTable.name() + "'");
        }
        if (relation instanceof HasMany<?, ?> hm) {
            return hasMany(s, hm, parents, include.orderBy());
        }
        if (relation instanceof ManyToMany<?, ?> mm) {
            return manyToMany(s, mm, parents, include.orderBy());
        }
        return belongsTo(s, (BelongsTo<?, ?>) relation, parents);
    }

    private Level hasMany(SessionCore s, HasMany<?, ?> relation, List<Object> parents, List<SortField> order) {
        Column<?> fk = relation.foreignKey();
        Table<?, ?> target = relation.target();
        Function<Object, Object> fkOf = reader(target, fk);
        Function<Object, Object> ownerKeyOf = reader(relation.owner(), relation.ownerKey());
        List<Object> keys = keys(parents, relation.owner(), relation.ownerKey(), ownerKeyOf);
        List<Object> children = List.of();
        for (List<Object> chunk : chunks(keys)) {
            List<Object> part = rows(s, target, Conditions.in(fk, chunk), order);
            children = children.isEmpty() ? part : concat(children, part);
        }
        KeyGroups groups = expecting(keys);
        groups.addAll(children, normal(fkOf));
        return new Level(groups, normal(ownerKeyOf), children);
    }

    private Level manyToMany(SessionCore s, ManyToMany<?, ?> relation, List<Object> parents, List<SortField> order) {
        Table<?, ?> target = relation.target();
        Column<?> targetKey = relation.targetKey();
        List<Expression<?>> selected = new ArrayList<>(target.columns());
        selected.add(relation.throughOwnerKey());
        int ownerIndex = selected.size() - 1;
        // Each link as read: the target row (one object per target key) under the key of the owner it links.
        Map<Object, Object> targets = new LinkedHashMap<>();
        var layout = objects.entity(target).layout;
        Function<Object, Object> ownerKeyOf = reader(relation.owner(), relation.ownerKey());
        List<Object> keys = keys(parents, relation.owner(), relation.ownerKey(), ownerKeyOf);
        KeyGroups groups = expecting(keys);
        for (List<Object> chunk : chunks(keys)) {
            Select<ResultRow> q = s.select(selected).from(target).join(relation.through())
                    .on(new Comparison(relation.throughTargetKey(), Operator.EQ, targetKey))
                    .where(Conditions.in(relation.throughOwnerKey(), chunk));
            if (!order.isEmpty()) {
                q = q.orderBy(order.toArray(new SortField[0]));
            }
            for (ResultRow r : q.fetch()) {
                Object[] values = new Object[target.columns().size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = r.get(i);
                }
                groups.add(Conditions.normalKey(r.get(ownerIndex)), targets.computeIfAbsent(
                        Conditions.normalKey(values[targetKey.position()]), k -> layout.fromColumnValues(values)));
            }
        }
        return new Level(groups, normal(ownerKeyOf), new ArrayList<>(targets.values()));
    }

    private Level belongsTo(SessionCore s, BelongsTo<?, ?> relation, List<Object> parents) {
        Table<?, ?> target = relation.target();
        Function<Object, Object> targetKeyOf = reader(target, relation.targetKey());
        Function<Object, Object> fkOf = reader(relation.owner(), relation.foreignKey());
        List<Object> keys = keys(parents, relation.owner(), relation.foreignKey(), fkOf);
        // Each target row once, under its key: the parents that belong to it share it.
        List<Object> children = new ArrayList<>(keys.size());
        for (List<Object> chunk : chunks(keys)) {
            children.addAll(rows(s, target, Conditions.in(relation.targetKey(), chunk), List.of()));
        }
        KeyGroups groups = expecting(keys);
        groups.addAll(children, normal(targetKeyOf));
        return new Level(groups, normal(fkOf), children);
    }

    /** Groups to be filled, expecting the parents' keys (as given, not yet normal). */
    private static KeyGroups expecting(List<Object> keys) {
        KeyGroups groups = new KeyGroups(keys.size());
        for (Object key : keys) {
            groups.expect(Conditions.normalKey(key));
        }
        return groups;
    }

    private static Function<Object, Object> normal(Function<Object, Object> column) {
        return row -> Conditions.normalKey(column.apply(row));
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    /**
     * The distinct non-null values of a column of the parents, in the parents' order. A key column of the parents'
     * table is distinct already, but for a row that appears twice, which costs one repeated value in the IN list
     * and nothing else: only other columns (a foreign key shared by many parents) are worth a map.
     */
    private static List<Object> keys(List<Object> parents, Table<?, ?> table, Column<?> key,
                                     Function<Object, Object> column) {
        if (table.isKey(List.of(key))) {
            List<Object> values = new ArrayList<>(parents.size());
            for (Object parent : parents) {
                Object v = column.apply(parent);
                if (v != null) {
                    values.add(v);
                }
            }
            return values;
        }
        Map<Object, Object> distinct = new LinkedHashMap<>(parents.size() * 2);
        for (Object parent : parents) {
            Object v = column.apply(parent);
            if (v != null) {
                distinct.putIfAbsent(Conditions.normalKey(v), v);
            }
        }
        return new ArrayList<>(distinct.values());
    }

    private static List<List<Object>> chunks(List<Object> keys) {
        List<List<Object>> out = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += Conditions.CHUNK) {
            out.add(keys.subList(from, Math.min(keys.size(), from + Conditions.CHUNK)));
        }
        return out;
    }

    /** The rows of a table that match, read as row objects (the list may be the one the query filled). */
    @SuppressWarnings("unchecked")
    private static <T> List<Object> rows(SessionCore s, Table<T, ?> table, Condition where, List<SortField> order) {
        Select<T> q = s.selectFrom(table).where(where);
        if (!order.isEmpty()) {
            q = q.orderBy(order.toArray(new SortField[0]));
        }
        return (List<Object>) (List<?>) q.fetch();
    }

    /** Reads one column of a table's row objects; the table's layout is found once, not per row. */
    @SuppressWarnings("unchecked")
    private <R> Function<Object, Object> reader(Table<R, ?> table, Column<?> column) {
        return (Function<Object, Object>) (Function<?, Object>) objects.entity(table).layout.reader(column);
    }
}
