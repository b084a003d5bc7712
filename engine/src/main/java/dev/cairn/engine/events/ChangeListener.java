package dev.cairn.engine.events;

/** Told of each committed transaction that changed a table it subscribed to; never of work that was rolled back. */
@FunctionalInterface
public interface ChangeListener {
    /** Called once per commit, in commit order. An exception is logged and affects nothing else. */
    void committed(CommittedChanges changes);
}
