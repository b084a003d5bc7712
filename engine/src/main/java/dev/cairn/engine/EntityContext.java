package dev.cairn.engine;

import dev.cairn.dsl.BelongsTo;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.HasMany;
import dev.cairn.dsl.HasOne;
import dev.cairn.dsl.ManyToMany;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.lifecycle.Scenario;
import dev.cairn.dsl.lifecycle.ValidationErrors;
import dev.cairn.dsl.query.Changes;
import dev.cairn.engine.exception.NotFoundException;
import dev.cairn.engine.exception.UniqueViolationException;
import dev.cairn.engine.exception.ValidationException;
import java.util.List;
import java.util.Optional;

/**
 * Row objects by key: find, load, persist, update, save and remove, with the table's validations and lifecycle
 * hooks, and relations read or linked one row at a time. A {@link Session} (the database, or a transaction) runs
 * each call at once; a {@link Batch} queues the writes and runs them together on {@link Batch#flush()}.
 *
 * <p>A key is given as the value of a one-column primary key, a {@link dev.cairn.dsl.query.Key} or a map of column (or
 * column name) to value covering exactly the primary key or a unique key, or a row object whose primary key (else a
 * unique key) is set. Anything else is an error, never a table scan. Row objects find their table through the
 * schema the database was built with ({@link Database.Builder#schema(dev.cairn.dsl.Schema)}); {@link dev.cairn.dsl.Row}s know theirs.
 *
 * <p>The writes ({@code persist}, {@code update}, {@code save}, {@code remove}) always run the table's rules and
 * hooks; the statements of a session ({@code insertInto}, {@code updateTable}, {@code deleteFrom}) never do.
 */
public interface EntityContext {

    /** The row with the key; throws {@link NotFoundException} naming the table and key when there is none. */
    <R> R find(Table<R> table, Object key);

    /** The row whose unique column has the value; throws {@link NotFoundException} when there is none. */
    <R, T> R find(Table<R> table, Column<T> uniqueColumn, T value);

    /** The row with the key, locked until the transaction ends; throws {@link NotFoundException} when there is none. */
    <R> R find(Table<R> table, Object key, RowLock lock);

    /** The row with the key, or empty. */
    <R> Optional<R> findOptional(Table<R> table, Object key);

    /** The row whose unique column has the value, or empty. */
    <R, T> Optional<R> findOptional(Table<R> table, Column<T> uniqueColumn, T value);

    /** The row with the key, locked until the transaction ends, or empty. */
    <R> Optional<R> findOptional(Table<R> table, Object key, RowLock lock);

    /**
     * The row as the database holds it now, found by the object's key: a new record, or the same mutable object
     * with its fields refreshed. Throws {@link NotFoundException} when the row is gone.
     */
    <R> R load(R row);

    /**
     * Validates the row (scenario CREATE), runs its hooks and inserts it. Returns it as stored: the generated key and
     * database defaults filled in, in a new record or in the same mutable object. A duplicate key throws
     * {@link UniqueViolationException} and writes nothing; failed rules throw {@link ValidationException}.
     */
    <R> R persist(R row);

    /**
     * Validates the row (scenario UPDATE), runs its hooks and updates every column but the primary key (and
     * on-update-now columns, which the database sets) by the primary key, without reading first. Throws
     * {@link NotFoundException} when no row has the key. Returns the row as the before hooks left it.
     */
    <R> R update(R row);

    /**
     * Changes some columns of the row with the key. The rules of the changed columns run (scenario UPDATE); hooks do
     * not, as there is no row object. A change to a primary-key column is an error; no row with the key throws
     * {@link NotFoundException}.
     */
    <R> void update(Table<R> table, Object key, Changes changes);

    /**
     * Inserts or updates the row by its key. Without its generated key it is a {@link #persist}; with its key it is
     * one upsert statement (the rules for both create and update, and the SAVE hooks, run). Returns it as stored.
     */
    <R> R save(R row);

    /** Deletes the row by its primary key, running its REMOVE hooks; a row already gone is not an error. */
    <R> void remove(R row);

    /** Deletes the row with the key (with REMOVE hooks, it is read and removed as a row object). */
    <R> void remove(Table<R> table, Object key);

    /** Deletes the rows matching the condition (with REMOVE hooks, each is read and removed as a row object). */
    <R> void remove(Table<R> table, Condition condition);

    /** The rule failures of the row in the scenario (after its before-VALIDATE hooks), without writing anything. */
    <R> ValidationErrors validate(R row, Scenario scenario);

    /** The rule failures of the row in every scenario's common rules (those declared without {@code on}). */
    default <R> ValidationErrors validate(R row) {
        return validate(row, Scenario.named("any"));
    }

    /** The rows of a has-many relation of {@code parent}, read now. */
    <T> List<T> related(Object parent, HasMany<T> relation);

    /** The row of a has-one relation of {@code parent}, read now. */
    <T> Optional<T> related(Object parent, HasOne<T> relation);

    /** The rows linked to {@code parent} through a many-to-many relation, read now. */
    <T> List<T> related(Object parent, ManyToMany<T> relation);

    /** The row {@code parent} belongs to, read now; empty when its key is null. */
    <T> Optional<T> related(Object parent, BelongsTo<T> relation);

    /**
     * Links two rows through a many-to-many relation, from either side ({@code link(post, POSTS.tags, tag)} or
     * {@code link(tag, TAGS.posts, post)}): inserts the join row.
     */
    <T> void link(Object owner, ManyToMany<T> relation, T target);

    /** Unlinks two rows of a many-to-many relation, from either side: deletes their join row (if any). */
    <T> void unlink(Object owner, ManyToMany<T> relation, T target);

    /**
     * Links the owner to the row it belongs to: sets the owner's foreign key to the target's key and updates that
     * column ({@code link(account, ACCOUNTS.user, ann)}); returns the owner with the key set (a new record, or the
     * same mutable object).
     */
    <R, T> R link(R owner, BelongsTo<T> relation, T target);

    /** Sets the owner's (nullable) foreign key to null; returns the owner with the key cleared. */
    <R, T> R unlink(R owner, BelongsTo<T> relation);

    /**
     * Links a row to the owner of a has-many or has-one relation, from the owner's side: sets the target's foreign
     * key to the owner's key and updates that column ({@code link(ann, USERS.accounts, account)} does what
     * {@code link(account, ACCOUNTS.user, ann)} does); returns the target with the key set. A has-one link leaves
     * the owner's other rows as they are: a unique key on the foreign key refuses a second one.
     */
    <T> T link(Object owner, HasMany<T> relation, T target);

    /**
     * Clears the target's (nullable) foreign key where it holds the owner's key; returns the target with the key
     * cleared. A target not linked to the owner is left as it is, as with many-to-many.
     */
    <T> T unlink(Object owner, HasMany<T> relation, T target);
}
