package dev.cairn.engine;

import dev.cairn.engine.exception.DeadlockException;
import dev.cairn.engine.exception.LockTimeoutException;
import dev.cairn.engine.exception.QueryTimeoutException;
import java.sql.Connection;
import java.time.Duration;
import java.util.Objects;

/**
 * How a transaction runs: isolation level, read-only, statement timeout, and how often it is retried after a
 * deadlock or lock timeout. Immutable; start from {@link #defaults()}.
 *
 * <p>By default a transaction runs at the database's isolation level, read-write, without timeout, and up to 3
 * times in all when it fails with a {@link DeadlockException} or {@link LockTimeoutException} (and only then), waiting 20 ms, then
 * 40 ms (doubling up to 1 s, with jitter) in between. The block must therefore be safe to run again: keep side
 * effects outside the database out of it, or set {@code attempts(1)}.
 */
public final class TransactionOptions {
    /** Isolation levels, as in JDBC. */
    public enum Isolation {
        READ_UNCOMMITTED(Connection.TRANSACTION_READ_UNCOMMITTED),
        READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED),
        REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ),
        SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE);

        private final int jdbc;

        Isolation(int jdbc) {
            this.jdbc = jdbc;
        }

        /** The level as JDBC's {@link Connection} constants number it. */
        public int jdbcLevel() {
            return jdbc;
        }
    }

    private static final TransactionOptions DEFAULTS = new TransactionOptions(null, false, null, 3,
            Duration.ofMillis(20), Duration.ofSeconds(1));

    private final Isolation isolation;
    private final boolean readOnly;
    private final Duration timeout;
    private final int attempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    private TransactionOptions(Isolation isolation, boolean readOnly, Duration timeout, int attempts,
                               Duration initialBackoff, Duration maxBackoff) {
        this.isolation = isolation;
        this.readOnly = readOnly;
        this.timeout = timeout;
        this.attempts = attempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** The defaults described above. */
    public static TransactionOptions defaults() {
        return DEFAULTS;
    }

    /** The isolation level (default: the database's). */
    public TransactionOptions isolation(Isolation level) {
        return new TransactionOptions(Objects.requireNonNull(level, "level"), readOnly, timeout, attempts,
                initialBackoff, maxBackoff);
    }

    /** A read-only transaction: Cairn refuses its writes, and MySQL/MariaDB are told so too. */
    public TransactionOptions readOnly() {
        return new TransactionOptions(isolation, true, timeout, attempts, initialBackoff, maxBackoff);
    }

    /** The longest any one statement may run (whole seconds, rounded up); a slower one fails with {@link QueryTimeoutException}. */
    public TransactionOptions timeout(Duration statementTimeout) {
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        if (statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + statementTimeout);
        }
        return new TransactionOptions(isolation, readOnly, statementTimeout, attempts, initialBackoff, maxBackoff);
    }

    /** How many times in all the transaction may run when it fails with a transient error (1: no retry). */
    public TransactionOptions attempts(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + count);
        }
        return new TransactionOptions(isolation, readOnly, timeout, count, initialBackoff, maxBackoff);
    }

    /** The wait before the first retry, doubled for each later one up to {@code max}. */
    public TransactionOptions backoff(Duration initial, Duration max) {
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= initial <= max, got " + initial + " and " + max);
        }
        return new TransactionOptions(isolation, readOnly, timeout, attempts, initial, max);
    }

    /** The isolation level, or {@code null} for the database's. */
    public Isolation isolation() {
        return isolation;
    }

    /** Whether the transaction is read-only. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** The statement timeout, or {@code null} for the database's. */
    public Duration timeout() {
        return timeout;
    }

    /** How many times in all the transaction may run. */
    public int attempts() {
        return attempts;
    }

    /** The wait before the first retry. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** The longest wait between retries. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    @Override
    public String toString() {
        return "TransactionOptions[isolation=" + isolation + ", readOnly=" + readOnly + ", timeout=" + timeout
                + ", attempts=" + attempts + "]";
    }
}
