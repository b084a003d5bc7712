package dev.cairn.engine.events;

import dev.cairn.dsl.Table;
import java.util.Set;

/** A listener's subscription to changes of some tables; closing it stops further notices. */
public interface Subscription extends AutoCloseable {
    /** The tables subscribed to. */
    Set<Table<?, ?>> tables();

    /** Stops notices; a notice being delivered finishes. */
    @Override
    void close();
}
