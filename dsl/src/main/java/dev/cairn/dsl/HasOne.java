package dev.cairn.dsl;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Like {@link HasMany}, for at most one target row: a user has one profile.
 * {@code public final HasOne<User, Profile> profile = hasOne(() -> PROFILES, p -> p.userId);}
 *
 * @param <O> the row type of the owner table
 * @param <T> the row type of the target table
 */
public final class HasOne<O, T> extends HasMany<O, T> {
    <X extends Table<T, ?>> HasOne(Table<O, ?> owner, Supplier<X> target, Function<? super X, Column<?>> foreignKey) {
        super(owner, target, foreignKey);
    }

    @Override
    public boolean isToOne() {
        return true;
    }
}
