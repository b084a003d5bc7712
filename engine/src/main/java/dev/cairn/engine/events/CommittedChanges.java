package dev.cairn.engine.events;

import java.util.List;

/**
 * What one committed transaction changed in the tables of a subscription, in the order its statements ran.
 *
 * @param sequence the commit's number in this {@code Database}, from 1: listeners see commits in this order
 * @param changes  the rows changed, in statement order
 */
public record CommittedChanges(long sequence, List<RowChange> changes) {
    public CommittedChanges {
        changes = List.copyOf(changes);
    }
}
