package dev.cairn.examples.tasks;

import java.time.Instant;

/** A row of {@link Tasks}. */
public record Task(Long id, String name, String description, Boolean done, Priority priority, Instant createdAt) {
    /** A new task, not yet stored: the database fills in the id, the priority ("later") and the creation time. */
    public static Task of(String name, String description, boolean done) {
        return new Task(null, name, description, done, null, null);
    }
}
