package dev.cairn.engine.compile;

import dev.cairn.dsl.ast.Lock;
import dev.cairn.engine.exception.UnsupportedFeatureException;
import dev.cairn.schema.Dialect;

/** Which row locks each database can take; asking for another fails before any SQL is sent. */
final class LockSupport {
    private LockSupport() {
    }

    static void check(Dialect dialect, Lock lock) {
        switch (dialect.family()) {
            case H2 -> {
                if (lock.mode() == Lock.Mode.SHARE) {
                    throw new UnsupportedFeatureException("H2 has no shared row locks (FOR SHARE); use forUpdate()");
                }
            }
            case MARIADB -> {
                if (lock.waitPolicy() == Lock.Wait.SKIP_LOCKED && !atLeast(dialect, 10, 6)) {
                    throw new UnsupportedFeatureException("SKIP LOCKED needs MariaDB 10.6 or newer, this is " + dialect);
                }
                if (lock.waitPolicy() == Lock.Wait.NOWAIT && !atLeast(dialect, 10, 3)) {
                    throw new UnsupportedFeatureException("NOWAIT needs MariaDB 10.3 or newer, this is " + dialect);
                }
            }
            case MYSQL -> {
                if (lock.waitPolicy() != Lock.Wait.WAIT && dialect.major() < 8) {
                    throw new UnsupportedFeatureException(lock.waitPolicy() + " needs MySQL 8, this is " + dialect);
                }
            }
        }
    }

    private static boolean atLeast(Dialect d, int major, int minor) {
        return d.major() > major || d.major() == major && d.minor() >= minor;
    }
}
