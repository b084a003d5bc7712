package dev.cairn.engine.events;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/**
 * How an {@code Outbox} is read and kept: how often a consumer polls, how many rows it takes at a time, how long it
 * waits at a gap in the ids before it takes the gap for a rolled-back transaction, and how long rows are kept.
 *
 * @param pollInterval how long a consumer sleeps when it has caught up (default 200 ms)
 * @param batchSize    the most rows one notice carries (default 500)
 * @param gapGrace     how long a consumer holds delivery at an id it cannot see while a later one is there, before
 *                     it takes that id for rolled back (default 30 s); see the ADR on the outbox
 * @param retention    how long a row is kept at most, read or not (default 7 days); a row every consumer has passed
 *                     is removed sooner
 * @param cleanEvery   how often a consumer of this outbox removes old rows (default 1 min)
 * @param scheduler    where consumers poll, or {@code null} for a daemon thread per consumer
 */
public record OutboxOptions(Duration pollInterval, int batchSize, Duration gapGrace, Duration retention,
                            Duration cleanEvery, ScheduledExecutorService scheduler) {
    public OutboxOptions {
        positive(pollInterval, "pollInterval");
        positive(gapGrace, "gapGrace");
        positive(retention, "retention");
        positive(cleanEvery, "cleanEvery");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
    }

    /** Polls every 200 ms, 500 rows at a time, a 30 s grace at gaps, rows kept 7 days, cleaned every minute. */
    public static OutboxOptions defaults() {
        return new OutboxOptions(Duration.ofMillis(200), 500, Duration.ofSeconds(30), Duration.ofDays(7),
                Duration.ofMinutes(1), null);
    }

    /** These options with another poll interval. */
    public OutboxOptions pollInterval(Duration interval) {
        return new OutboxOptions(interval, batchSize, gapGrace, retention, cleanEvery, scheduler);
    }

    /** These options with another batch size. */
    public OutboxOptions batchSize(int rows) {
        return new OutboxOptions(pollInterval, rows, gapGrace, retention, cleanEvery, scheduler);
    }

    /** These options with another grace period at gaps: longer than any commit of an outbox table may take. */
    public OutboxOptions gapGrace(Duration grace) {
        return new OutboxOptions(pollInterval, batchSize, grace, retention, cleanEvery, scheduler);
    }

    /** These options keeping rows at most {@code age}. */
    public OutboxOptions retention(Duration age) {
        return new OutboxOptions(pollInterval, batchSize, gapGrace, age, cleanEvery, scheduler);
    }

    /** These options cleaning old rows every {@code interval}. */
    public OutboxOptions cleanEvery(Duration interval) {
        return new OutboxOptions(pollInterval, batchSize, gapGrace, retention, interval, scheduler);
    }

    /** These options polling on {@code executor} rather than on a thread of each consumer's own. */
    public OutboxOptions scheduler(ScheduledExecutorService executor) {
        return new OutboxOptions(pollInterval, batchSize, gapGrace, retention, cleanEvery,
                Objects.requireNonNull(executor, "executor"));
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
