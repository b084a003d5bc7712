package dev.cairn.dsl.lifecycle;

/**
 * Where statements run: the engine's database, or one of its transactions. A hook is given the one its statement
 * runs in, to run more statements there, and the statement builders take it:
 *
 * <pre>{@code
 * after(Event.CREATE, (account, executor) ->
 *         Insert.into(AUDITS, executor).row(new Audit(null, "created " + account.title())).execute());
 * }</pre>
 *
 * The model names only this handle, so that it does not depend on the query builders; the engine's database and
 * transactions implement {@code dev.cairn.dsl.query.QueryExecutor}, which extends it.
 */
public interface Executor {
}
