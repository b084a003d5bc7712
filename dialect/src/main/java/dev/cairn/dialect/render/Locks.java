package dev.cairn.dialect.render;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.SelectStatement.Lock;
import java.util.Optional;
import org.jooq.Record;
import org.jooq.SelectQuery;

/** Row locks: which each database can take, and how a SELECT asks for one. */
public final class Locks {
    private Locks() {
    }

    /** Why {@code dialect} cannot take {@code lock}, or empty when it can. */
    public static Optional<String> refusal(Dialect dialect, Lock lock) {
        return Optional.ofNullable(switch (dialect.family()) {
            case H2 -> lock.mode() == Lock.Mode.SHARE ? "H2 has no shared row locks (FOR SHARE); use forUpdate()" : null;
            case MARIADB -> {
                if (lock.waitPolicy() == Lock.Wait.SKIP_LOCKED && !dialect.atLeast(10, 6)) {
                    yield "SKIP LOCKED needs MariaDB 10.6 or newer, this is " + dialect;
                }
                yield lock.waitPolicy() == Lock.Wait.NOWAIT && !dialect.atLeast(10, 3)
                        ? "NOWAIT needs MariaDB 10.3 or newer, this is " + dialect : null;
            }
            // Every mode and wait policy, since PostgreSQL 9.5.
            case POSTGRES -> null;
            case MYSQL -> lock.waitPolicy() != Lock.Wait.WAIT && dialect.major() < 8
                    ? lock.waitPolicy() + " needs MySQL 8, this is " + dialect : null;
        });
    }

    static void apply(SelectQuery<Record> q, Lock lock, Dialect dialect) {
        switch (lock.mode()) {
            case UPDATE -> q.setForUpdate(true);
            // Only PostgreSQL has the weaker exclusive lock; elsewhere FOR UPDATE holds at least as much.
            case NO_KEY_UPDATE -> {
                if (dialect.isPostgres()) {
                    q.setForNoKeyUpdate(true);
                } else {
                    q.setForUpdate(true);
                }
            }
            case SHARE -> q.setForShare(true);
        }
        switch (lock.waitPolicy()) {
            case NOWAIT -> q.setForLockModeNoWait();
            case SKIP_LOCKED -> q.setForLockModeSkipLocked();
            case WAIT -> { }
        }
    }
}
