package dev.cairn.dsl.lifecycle;

/**
 * What a lifecycle hook is attached to, before or after it: {@code before(Event.CREATE, u -> u.withCreatedAt(now))}.
 * A persist runs VALIDATE, SAVE and CREATE hooks; an update VALIDATE, SAVE and UPDATE; a save with a key VALIDATE and
 * SAVE; a remove REMOVE. In order: before VALIDATE, the rules, after VALIDATE, before SAVE, before CREATE/UPDATE,
 * the statement, after CREATE/UPDATE, after SAVE.
 */
public enum Event {
    CREATE, VALIDATE, SAVE, UPDATE, REMOVE
}
