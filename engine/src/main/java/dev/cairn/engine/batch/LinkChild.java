package dev.cairn.engine.batch;

import dev.cairn.dsl.HasMany;
import java.util.List;

/**
 * Sets (or clears) the foreign key that a has-many or has-one relation's target holds, run alone; the target is
 * stored with it.
 */
final class LinkChild extends Operation<LinkChild> {
    private final Object owner;
    private final HasMany<?, ?> relation;
    private final Object target;
    private final boolean link;

    LinkChild(Object owner, HasMany<?, ?> relation, Object target, boolean link) {
        this.owner = owner;
        this.relation = relation;
        this.target = target;
        this.link = link;
    }

    @Override
    void run(List<LinkChild> group, Flush flush) {
        flush.stored(target, flush.objects.links().setChild(flush.tx, flush.current(owner), relation,
                flush.current(target), link));
    }
}
