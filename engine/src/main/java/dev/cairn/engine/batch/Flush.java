package dev.cairn.engine.batch;

import dev.cairn.engine.objects.ObjectApi;
import dev.cairn.engine.session.SessionCore;
import java.util.IdentityHashMap;
import java.util.Map;

/** One run of a flush: the transaction it runs in, and the rows stored so far, by the object queued. */
final class Flush {
    final SessionCore tx;
    final ObjectApi objects;
    private final Map<Object, Object> earlier;
    private final Map<Object, Object> stored = new IdentityHashMap<>();

    Flush(SessionCore tx, ObjectApi objects, Map<Object, Object> earlier) {
        this.tx = tx;
        this.objects = objects;
        this.earlier = earlier;
    }

    /** A row as known now: its stored version if this batch wrote it before (so with its generated key). */
    Object current(Object row) {
        Object r = stored.get(row);
        return r != null ? r : earlier.getOrDefault(row, row);
    }

    void stored(Object queued, Object row) {
        stored.put(queued, row);
    }

    Map<Object, Object> stored() {
        return stored;
    }
}
