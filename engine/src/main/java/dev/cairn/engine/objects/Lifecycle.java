package dev.cairn.engine.objects;

import dev.cairn.dsl.lifecycle.Event;
import dev.cairn.dsl.lifecycle.Scenario;
import dev.cairn.dsl.lifecycle.ValidationErrors;
import dev.cairn.engine.exception.ValidationException;
import dev.cairn.engine.session.SessionCore;
import java.util.function.Function;

/**
 * The steps a write of a row object takes around its statement, in order: before-VALIDATE hooks, the rules of the
 * scenario, after-VALIDATE hooks, then the before hooks of the write (SAVE, then CREATE or UPDATE); after the
 * statement, the after hooks the other way round. Hooks are given the session (database or transaction) the
 * write runs in. A session writes one row at a time through them; a batch runs the before steps of a group of rows,
 * one statement for all, then the after steps.
 */
public final class Lifecycle {
    private Lifecycle() {
    }

    /** Runs {@code work} in a transaction when the table has hooks (so that a failing hook undoes the write). */
    public static <R, X> X unit(SessionCore s, EntityTable<R> et, Function<SessionCore, X> work) {
        return et.hooks.isEmpty() ? work.apply(s) : s.inTransaction(work);
    }

    /** The rule failures of the row in the scenario. */
    static <R> ValidationErrors check(EntityTable<R> et, R row, Scenario scenario) {
        if (et.validations.isEmpty()) {
            return ValidationErrors.none();
        }
        Object[] v = et.layout.columnValues(row);
        return et.validations.check(row, c -> v[c.position()], scenario);
    }

    static <R> R beforeValidate(SessionCore s, EntityTable<R> et, R row) {
        return et.hooks.runBefore(Event.VALIDATE, row, s.facade());
    }

    /** The VALIDATE hooks and the rules; throws {@link ValidationException} with every failure. */
    public static <R> R validated(SessionCore s, EntityTable<R> et, R row, Scenario scenario, String action) {
        R r = beforeValidate(s, et, row);
        ValidationErrors errors = check(et, r, scenario);
        if (!errors.isEmpty()) {
            throw new ValidationException(et.table.name(), action, errors);
        }
        et.hooks.runAfter(Event.VALIDATE, r, s.facade());
        return r;
    }

    public static <R> R beforeCreate(SessionCore s, EntityTable<R> et, R row) {
        R r = validated(s, et, row, Scenario.CREATE, "insert into");
        r = et.hooks.runBefore(Event.SAVE, r, s.facade());
        return et.hooks.runBefore(Event.CREATE, r, s.facade());
    }

    public static <R> void afterCreate(SessionCore s, EntityTable<R> et, R stored) {
        et.hooks.runAfter(Event.CREATE, stored, s.facade());
        et.hooks.runAfter(Event.SAVE, stored, s.facade());
    }

    public static <R> R beforeUpdate(SessionCore s, EntityTable<R> et, R row) {
        R r = validated(s, et, row, Scenario.UPDATE, "update");
        r = et.hooks.runBefore(Event.SAVE, r, s.facade());
        return et.hooks.runBefore(Event.UPDATE, r, s.facade());
    }

    public static <R> void afterUpdate(SessionCore s, EntityTable<R> et, R row) {
        et.hooks.runAfter(Event.UPDATE, row, s.facade());
        et.hooks.runAfter(Event.SAVE, row, s.facade());
    }

    /** An upsert runs the rules of both create and update, and the SAVE hooks only. */
    public static <R> R beforeSave(SessionCore s, EntityTable<R> et, R row) {
        return et.hooks.runBefore(Event.SAVE, validated(s, et, row, Scenario.SAVE, "save into"), s.facade());
    }

    public static <R> void afterSave(SessionCore s, EntityTable<R> et, R stored) {
        et.hooks.runAfter(Event.SAVE, stored, s.facade());
    }

    public static <R> R beforeRemove(SessionCore s, EntityTable<R> et, R row) {
        return et.hooks.runBefore(Event.REMOVE, row, s.facade());
    }

    public static <R> void afterRemove(SessionCore s, EntityTable<R> et, R row) {
        et.hooks.runAfter(Event.REMOVE, row, s.facade());
    }
}
