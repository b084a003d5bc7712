package dev.cairn.dsl;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Owner and target rows linked through a join table: posts and tags through post_tags.
 * {@code public final ManyToMany<Post, Tag> tags = manyToMany(() -> TAGS, () -> POST_TAGS, j -> j.postId,
 * j -> j.tagId);}
 *
 * @param <O> the row type of the owner table
 * @param <T> the row type of the target table
 */
public final class ManyToMany<O, T> extends Relation<O, T> {
    private final Supplier<? extends Table<T, ?>> targetSupplier;
    private final Supplier<? extends Table<?, ?>> throughSupplier;
    private final Function<Table<?, ?>, Column<?>> ownerSideOf;
    private final Function<Table<?, ?>, Column<?>> targetSideOf;
    private Table<T, ?> target;
    private Table<?, ?> through;
    private Column<?> throughOwnerKey;
    private Column<?> throughTargetKey;
    private Column<?> ownerKey;
    private Column<?> targetKey;

    @SuppressWarnings("unchecked")
    <J extends Table<?, ?>> ManyToMany(Table<O, ?> owner, Supplier<? extends Table<T, ?>> target, Supplier<J> through,
                                    Function<? super J, Column<?>> ownerSide, Function<? super J, Column<?>> targetSide) {
        super(owner);
        this.targetSupplier = target;
        this.throughSupplier = through;
        this.ownerSideOf = j -> ownerSide.apply((J) j);
        this.targetSideOf = j -> targetSide.apply((J) j);
    }

    @Override
    void resolve() {
        Table<T, ?> t = read(targetSupplier, "target table");
        Table<?, ?> j = read(throughSupplier, "join table");
        Column<?> ownerSide = read(() -> ownerSideOf.apply(j), "join table's column for '" + owner().name() + "'");
        Column<?> targetSide = read(() -> targetSideOf.apply(j), "join table's column for '" + t.name() + "'");
        if (ownerSide.table() != j || targetSide.table() != j) {
            throw problem("the join columns must belong to the join table '" + j.name() + "'");
        }
        ownerKey = referencedKey(ownerSide, owner());
        targetKey = referencedKey(targetSide, t);
        throughOwnerKey = ownerSide;
        throughTargetKey = targetSide;
        through = j;
        target = t;
    }

    @Override
    List<Table<?, ?>> intermediateTables() {
        return List.of(read(throughSupplier, "join table"));
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
        return SelectStatement.of(new SelectStatement.Projection.Single<>(throughOwnerKey())).withFrom(through())
                .withJoin(new SelectStatement.Join(SelectStatement.Join.Kind.INNER, target(),
                        joinOn(targetKey(), throughTargetKey())))
                .withWhere(joinOn(throughOwnerKey(), ownerKey()));
    }

    /** The join table. */
    public Table<?, ?> through() {
        requireResolved();
        return through;
    }

    /** The join table's column holding the owner's key. */
    public Column<?> throughOwnerKey() {
        requireResolved();
        return throughOwnerKey;
    }

    /** The join table's column holding the target's key. */
    public Column<?> throughTargetKey() {
        requireResolved();
        return throughTargetKey;
    }

    /** The owner's key column. */
    public Column<?> ownerKey() {
        requireResolved();
        return ownerKey;
    }

    /** The target's key column. */
    public Column<?> targetKey() {
        requireResolved();
        return targetKey;
    }
}
