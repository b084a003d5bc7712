package dev.cairn.dsl;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Like {@link HasMany}, for at most one target row: a user has one profile.
 * {@code public final HasOne<Profile> profile = hasOne(() -> PROFILES, p -> p.userId);}
 *
 * @param <T> the row type of the target table
 */
public final class HasOne<T> extends HasMany<T> {
    <X extends Table<T>> HasOne(Table<?> owner, Supplier<X> target, Function<? super X, Column<?>> foreignKey) {
        super(owner, target, foreignKey);
    }

    @Override
    public boolean isToOne() {
        return true;
    }
}
