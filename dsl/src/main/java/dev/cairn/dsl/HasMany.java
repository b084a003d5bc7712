package dev.cairn.dsl;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Target rows hold a foreign key to the owner row: a user has many posts.
 * {@code public final HasMany<User, Post> posts = hasMany(() -> POSTS, p -> p.authorId);} With {@link HasOne} the same
 * shape holds at most one target row.
 *
 * @param <O> the row type of the owner table
 * @param <T> the row type of the target table
 */
public class HasMany<O, T> extends Relation<O, T> {
    private final Supplier<? extends Table<T, ?>> targetSupplier;
    private final Function<Table<T, ?>, Column<?>> foreignKeyOf;
    private Table<T, ?> target;
    private Column<?> foreignKey;
    private Column<?> ownerKey;

    <X extends Table<T, ?>> HasMany(Table<O, ?> owner, Supplier<X> target, Function<? super X, Column<?>> foreignKey) {
        super(owner);
        this.targetSupplier = target;
        @SuppressWarnings("unchecked")
        Function<Table<T, ?>, Column<?>> f = foreignKey == null ? null : t -> foreignKey.apply((X) t);
        this.foreignKeyOf = f;
    }

    @Override
    void resolve() {
        Table<T, ?> t = read(targetSupplier, "target table");
        Column<?> fk = foreignKeyOf != null ? read(() -> foreignKeyOf.apply(t), "foreign key column")
                : soleForeignKey(t);
        if (fk.table() != t) {
            throw problem(fk + " is not a column of the target table '" + t.name() + "'");
        }
        ownerKey = referencedKey(fk, owner());
        foreignKey = fk;
        target = t;
    }

    private Column<?> soleForeignKey(Table<T, ?> t) {
        Column<?> found = null;
        for (Column<?> c : t.columns()) {
            if (c.foreignKey() != null && c.foreignKey().targetTable() == owner()) {
                if (found != null) {
                    throw problem("table '" + t.name() + "' has several foreign keys to '" + owner().name()
                            + "' (" + found.name() + ", " + c.name() + "); name the one to use");
                }
                found = c;
            }
        }
        if (found == null) {
            throw problem("table '" + t.name() + "' has no foreign key to '" + owner().name()
                    + "'; name the column to join on");
        }
        return found;
    }

    @Override
    public Table<T, ?> target() {
        requireResolved();
        return target;
    }

    @Override
    public boolean isToOne() {
        return false;
    }

    @Override
    SelectStatement<?> correlatedRows() {
        return SelectStatement.of(new SelectStatement.Projection.Single<>(foreignKey())).withFrom(target())
                .withWhere(joinOn(foreignKey(), ownerKey()));
    }

    /** The target's column that holds the owner's key. */
    public Column<?> foreignKey() {
        requireResolved();
        return foreignKey;
    }

    /** The owner's key column that {@link #foreignKey()} refers to. */
    public Column<?> ownerKey() {
        requireResolved();
        return ownerKey;
    }
}
