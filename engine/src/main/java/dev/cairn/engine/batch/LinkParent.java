package dev.cairn.engine.batch;

import dev.cairn.dsl.BelongsTo;
import java.util.List;

/** Sets (or clears) the foreign key of a belongs-to relation's owner, run alone; the owner is stored with it. */
final class LinkParent extends Operation<LinkParent> {
    private final Object owner;
    private final BelongsTo<?, ?> relation;
    private final Object target;

    LinkParent(Object owner, BelongsTo<?, ?> relation, Object target) {
        this.owner = owner;
        this.relation = relation;
        this.target = target;
    }

    @Override
    void run(List<LinkParent> group, Flush flush) {
        Object parent = target == null ? null : flush.current(target);
        flush.stored(owner, flush.objects.links().setParent(flush.tx, flush.current(owner), relation, parent));
    }
}
