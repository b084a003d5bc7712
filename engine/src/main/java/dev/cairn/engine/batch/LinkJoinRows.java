package dev.cairn.engine.batch;

import dev.cairn.dsl.ManyToMany;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.query.Delete;
import dev.cairn.engine.objects.Links;
import java.util.ArrayList;
import java.util.List;

/**
 * Links (or unlinks) through one many-to-many relation: one multi-row insert of the join rows, or one JDBC batch of
 * deletes. The keys are read from the rows as stored so far, so rows persisted earlier in the flush can be linked.
 */
final class LinkJoinRows extends Operation<LinkJoinRows> {
    private final ManyToMany<?, ?> relation;
    private final Object owner;
    private final Object target;
    private final boolean add;

    LinkJoinRows(ManyToMany<?, ?> relation, Object owner, Object target, boolean add) {
        this.relation = relation;
        this.owner = owner;
        this.target = target;
        this.add = add;
    }

    @Override
    boolean joins(Operation<?> next) {
        return next instanceof LinkJoinRows l && l.relation == relation && l.add == add;
    }

    @Override
    void run(List<LinkJoinRows> group, Flush flush) {
        Links links = flush.objects.links();
        List<Object[]> pairs = new ArrayList<>(group.size());
        for (LinkJoinRows l : group) {
            pairs.add(links.joinKeys(flush.current(l.owner), relation, flush.current(l.target)));
        }
        if (add) {
            List<Object> rows = new ArrayList<>(pairs.size());
            for (Object[] p : pairs) {
                rows.add(links.joinRow(relation, p[0], p[1]));
            }
            @SuppressWarnings("unchecked")
            Table<Object, ?> through = (Table<Object, ?>) relation.through();
            flush.tx.insertInto(through).rows(rows).execute();
        } else {
            List<Delete<?>> statements = new ArrayList<>(pairs.size());
            for (Object[] p : pairs) {
                statements.add(links.unlinkStatement(flush.tx, relation, p[0], p[1]));
            }
            flush.tx.executeBatched(statements);
        }
    }
}
