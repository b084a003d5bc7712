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
import dev.cairn.dsl.query.Key;
import dev.cairn.engine.exception.NotFoundException;
import dev.cairn.engine.exception.UniqueViolationException;
import dev.cairn.engine.exception.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Row objects by key: find, load, persist, update, save and remove, with the table's validations and lifecycle
 * hooks, and relations read or linked one row at a time. A {@link Session} (the database, or a transaction) runs
 * each call at once; a {@link Batch} queues the writes and runs them together on {@link Batch#flush()}.
 *
 * <p>A key is given as a value of the table's key type ({@code db.find(USERS, 7L)} for a {@code Table<User, Long>};
 * a value of another type does not compile), or as a {@link Key} or a map of column (or column name) to value
 * covering exactly the primary key or a unique key, or as the value of a unique column. A table whose primary key
 * has several columns, or that has none, declares the key type {@link Void} and is read by the other forms.
 * Anything that is not a key is an error, never a table scan. Row objects find their table through the schema the
 * database was built with ({@link Database.Builder#schema(dev.cairn.dsl.Schema)}); {@link dev.cairn.dsl.Row}s know
 * theirs.
 *
 * <p>Relations are typed by their owner: {@code related(team, TEAMS.players)} compiles only for a team.
 *
 * <p>The writes ({@code persist}, {@code update}, {@code save}, {@code remove}) always run the table's rules and
 * hooks; the statements of a session ({@code insertInto}, {@code updateTable}, {@code deleteFrom}) never do.
 */
public interface EntityContext {

    /** The row with the key; throws {@link NotFoundException} naming the table and key when there is none. */
    <R, K> R find(Table<R, K> table, K key);

    /** The row with the key, locked until the transaction ends; throws {@link NotFoundException} when there is none. */
    <R, K> R find(Table<R, K> table, K key, RowLock lock);

    /** The row with the key, or empty. */
    <R, K> Optional<R> findOptional(Table<R, K> table, K key);

    /** The row with the key, locked until the transaction ends, or empty. */
    <R, K> Optional<R> findOptional(Table<R, K> table, K key, RowLock lock);

    /** The row with the primary or unique key; throws {@link NotFoundException} when there is none. */
    default <R> R find(Table<R, ?> table, Key key) {
        return find(anyKey(table), (Object) key);
    }

    /** The row with the primary or unique key given as column (or column name) to value. */
    default <R> R find(Table<R, ?> table, Map<?, ?> key) {
        return find(anyKey(table), (Object) key);
    }

    /** The row whose unique column has the value; throws {@link NotFoundException} when there is none. */
    default <R, T> R find(Table<R, ?> table, Column<T> uniqueColumn, T value) {
        return find(anyKey(table), (Object) Key.of(uniqueColumn, value));
    }

    /** The row with the primary or unique key, locked until the transaction ends. */
    default <R> R find(Table<R, ?> table, Key key, RowLock lock) {
        return find(anyKey(table), (Object) key, lock);
    }

    /** The row with the primary or unique key given as a map, locked until the transaction ends. */
    default <R> R find(Table<R, ?> table, Map<?, ?> key, RowLock lock) {
        return find(anyKey(table), (Object) key, lock);
    }

    /** The row with the primary or unique key, or empty. */
    default <R> Optional<R> findOptional(Table<R, ?> table, Key key) {
        return findOptional(anyKey(table), (Object) key);
    }

    /** The row with the primary or unique key given as a map, or empty. */
    default <R> Optional<R> findOptional(Table<R, ?> table, Map<?, ?> key) {
        return findOptional(anyKey(table), (Object) key);
    }

    /** The row whose unique column has the value, or empty. */
    default <R, T> Optional<R> findOptional(Table<R, ?> table, Column<T> uniqueColumn, T value) {
        return findOptional(anyKey(table), (Object) Key.of(uniqueColumn, value));
    }

    /** The row with the primary or unique key, locked until the transaction ends, or empty. */
    default <R> Optional<R> findOptional(Table<R, ?> table, Key key, RowLock lock) {
        return findOptional(anyKey(table), (Object) key, lock);
    }

    /** The row with the primary or unique key given as a map, locked until the transaction ends, or empty. */
    default <R> Optional<R> findOptional(Table<R, ?> table, Map<?, ?> key, RowLock lock) {
        return findOptional(anyKey(table), (Object) key, lock);
    }

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
    <R, K> void update(Table<R, K> table, K key, Changes changes);

    /** Changes some columns of the row with the primary or unique key; see {@link #update(Table, Object, Changes)}. */
    default <R> void update(Table<R, ?> table, Key key, Changes changes) {
        update(anyKey(table), (Object) key, changes);
    }

    /** Changes some columns of the row with the key given as a map; see {@link #update(Table, Object, Changes)}. */
    default <R> void update(Table<R, ?> table, Map<?, ?> key, Changes changes) {
        update(anyKey(table), (Object) key, changes);
    }

    /**
     * Inserts or updates the row by its key. Without its generated key it is a {@link #persist}; with its key it is
     * one upsert statement (the rules for both create and update, and the SAVE hooks, run). Returns it as stored.
     */
    <R> R save(R row);

    /** Deletes the row by its primary key, running its REMOVE hooks; a row already gone is not an error. */
    <R> void remove(R row);

    /** Deletes the row with the key (with REMOVE hooks, it is read and removed as a row object). */
    <R, K> void remove(Table<R, K> table, K key);

    /** Deletes the row with the primary or unique key (with REMOVE hooks, read and removed as a row object). */
    default <R> void remove(Table<R, ?> table, Key key) {
        remove(anyKey(table), (Object) key);
    }

    /** Deletes the row with the key given as a map (with REMOVE hooks, read and removed as a row object). */
    default <R> void remove(Table<R, ?> table, Map<?, ?> key) {
        remove(anyKey(table), (Object) key);
    }

    /** Deletes the rows matching the condition (with REMOVE hooks, each is read and removed as a row object). */
    <R> void remove(Table<R, ?> table, Condition condition);

    /** The rule failures of the row in the scenario (after its before-VALIDATE hooks), without writing anything. */
    <R> ValidationErrors validate(R row, Scenario scenario);

    /** The rule failures of the row in every scenario's common rules (those declared without {@code on}). */
    default <R> ValidationErrors validate(R row) {
        return validate(row, Scenario.named("any"));
    }

    /** The rows of a has-many relation of {@code parent}, read now. */
    <O, T> List<T> related(O parent, HasMany<O, T> relation);

    /** The row of a has-one relation of {@code parent}, read now. */
    <O, T> Optional<T> related(O parent, HasOne<O, T> relation);

    /** The rows linked to {@code parent} through a many-to-many relation, read now. */
    <O, T> List<T> related(O parent, ManyToMany<O, T> relation);

    /** The row {@code parent} belongs to, read now; empty when its key is null. */
    <O, T> Optional<T> related(O parent, BelongsTo<O, T> relation);

    /**
     * Links two rows through a many-to-many relation, from either side ({@code link(post, POSTS.tags, tag)} or
     * {@code link(tag, TAGS.posts, post)}): inserts the join row.
     */
    <O, T> void link(O owner, ManyToMany<O, T> relation, T target);

    /** Unlinks two rows of a many-to-many relation, from either side: deletes their join row (if any). */
    <O, T> void unlink(O owner, ManyToMany<O, T> relation, T target);

    /**
     * Links the owner to the row it belongs to: sets the owner's foreign key to the target's key and updates that
     * column ({@code link(account, ACCOUNTS.user, ann)}); returns the owner with the key set (a new record, or the
     * same mutable object).
     */
    <O, T> O link(O owner, BelongsTo<O, T> relation, T target);

    /** Sets the owner's (nullable) foreign key to null; returns the owner with the key cleared. */
    <O, T> O unlink(O owner, BelongsTo<O, T> relation);

    /**
     * Links a row to the owner of a has-many or has-one relation, from the owner's side: sets the target's foreign
     * key to the owner's key and updates that column ({@code link(ann, USERS.accounts, account)} does what
     * {@code link(account, ACCOUNTS.user, ann)} does); returns the target with the key set. A has-one link leaves
     * the owner's other rows as they are: a unique key on the foreign key refuses a second one.
     */
    <O, T> T link(O owner, HasMany<O, T> relation, T target);

    /**
     * Clears the target's (nullable) foreign key where it holds the owner's key; returns the target with the key
     * cleared. A target not linked to the owner is left as it is, as with many-to-many.
     */
    <O, T> T unlink(O owner, HasMany<O, T> relation, T target);

    /**
     * The table typed as taking a key of any type. The implementations resolve a key of every form at run time
     * (value, {@link Key} or map); the typed signatures above are what callers see.
     */
    @SuppressWarnings("unchecked")
    private static <R> Table<R, Object> anyKey(Table<R, ?> table) {
        return (Table<R, Object>) table;
    }
}
