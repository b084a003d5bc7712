package dev.cairn.dsl;

import java.util.function.Supplier;

/**
 * The owner row holds a foreign key to one target row: a post belongs to its author.
 * {@code public final BelongsTo<Post, User> author = belongsTo(authorId, () -> USERS);}
 *
 * @param <O> the row type of the owner table
 * @param <T> the row type of the target table
 */
public final class BelongsTo<O, T> extends Relation<O, T> {
    private final Column<?> foreignKey;
    private final Supplier<? extends Table<T, ?>> targetSupplier;
    private Table<T, ?> target;
    private Column<?> targetKey;

    BelongsTo(Table<O, ?> owner, Column<?> foreignKey, Supplier<? extends Table<T, ?>> target) {
        super(owner);
        this.foreignKey = foreignKey;
        this.targetSupplier = target;
    }

    @Override
    void resolve() {
        Table<T, ?> t = read(targetSupplier, "target table");
        targetKey = referencedKey(foreignKey, t);
        target = t;
    }

    @Override
    public Table<T, ?> target() {
        requireResolved();
        return target;
    }

    @Override
    public boolean isToOne() {
        return true;
    }

    @Override
    SelectStatement<?> correlatedRows() {
        return SelectStatement.of(new SelectStatement.Projection.Single<>(targetKey())).withFrom(target())
                .withWhere(joinOn(targetKey(), foreignKey));
    }

    /** The owner's column that holds the target's key. */
    public Column<?> foreignKey() {
        return foreignKey;
    }

    /** The target's key column that {@link #foreignKey()} refers to. */
    public Column<?> targetKey() {
        requireResolved();
        return targetKey;
    }
}
