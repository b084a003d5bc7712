package dev.cairn.engine.entity;

import dev.cairn.engine.DatabaseListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Records the SQL of every statement a database sends, to count round trips. */
final class StatementCounter implements DatabaseListener {
    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void executed(String sql, long nanos) {
        statements.add(sql);
    }

    void reset() {
        statements.clear();
    }

    int count() {
        return statements.size();
    }

    List<String> statements() {
        return List.copyOf(statements);
    }
}
