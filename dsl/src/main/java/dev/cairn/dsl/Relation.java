package dev.cairn.dsl;

/**
 * A relation from rows of one table (the owner) to rows of another (the target), declared as a public field of the
 * owner table and named after that field. Targets are given as suppliers so that tables may refer to each other;
 * the join columns are resolved and checked when a {@link Schema} is built.
 *
 * @param <O> the row type of the owner table
 * @param <T> the row type of the target table
 */
public abstract class Relation<O, T> implements Includable<O> {
    private final Table<O, ?> owner;
    private String name;
    private volatile boolean resolved;

    Relation(Table<O, ?> owner) {
        this.owner = owner;
    }

    /** The table that declares the relation. */
    public Table<O, ?> owner() {
        return owner;
    }

    /** The relation's name: the name of the field that holds it. */
    public String name() {
        owner.definition().freezeOnce();
        return name;
    }

    void name(String name) {
        this.name = name;
    }

    /** The table the relation leads to. */
    public abstract Table<T, ?> target();

    /** Whether one owner row has at most one target row. */
    public abstract boolean isToOne();

    /** The tables besides owner and target that the relation needs (the join table of a many-to-many). */
    java.util.List<Table<?, ?>> intermediateTables() {
        return java.util.List.of();
    }

    final void resolveOnce() {
        if (!resolved) {
            synchronized (this) {
                if (!resolved) {
                    resolve();
                    resolved = true;
                }
            }
        }
    }

    /** Reads the suppliers and checks the join columns; throws {@link DefinitionException}. */
    abstract void resolve();

    /** Resolves the relation on first use (building a {@link Schema} resolves every relation at once). */
    final void requireResolved() {
        resolveOnce();
    }

    // ------------------------------------------------------------------------------ loading and filtering

    /** Loads this relation sorted by the keys: {@code TEAMS.players.orderBy(PLAYERS.name.asc())}. */
    public Include<O, T> orderBy(SortField... keys) {
        return Include.of(this).orderBy(keys);
    }

    /** Loads this relation and, from its rows, the given ones: {@code TEAMS.players.with(PLAYERS.sponsors)}. */
    @SafeVarargs
    public final Include<O, T> with(Includable<? super T>... nested) {
        Include<O, T> include = Include.of(this);
        for (Includable<? super T> n : nested) {
            include = include.with(n);   // one by one: handing the generic array on is what could pollute the heap
        }
        return include;
    }

    @Override
    public Include<O, T> toInclude() {
        return Include.of(this);
    }

    /**
     * Owner rows with at least one related row matching {@code condition} (over the target's columns), as an
     * {@code EXISTS} subquery, so that each owner row comes once: {@code TEAMS.players.any(PLAYERS.age.lt(20))}.
     */
    public Condition any(Condition condition) {
        return new Condition.Exists(relatedRows(java.util.Objects.requireNonNull(condition, "condition")), false);
    }

    /** Owner rows with at least one related row. */
    public Condition any() {
        return new Condition.Exists(relatedRows(null), false);
    }

    /** Owner rows with no related row matching {@code condition}. */
    public Condition none(Condition condition) {
        return new Condition.Exists(relatedRows(java.util.Objects.requireNonNull(condition, "condition")), true);
    }

    /** Owner rows with no related row. */
    public Condition none() {
        return new Condition.Exists(relatedRows(null), true);
    }

    private SelectStatement<?> relatedRows(Condition condition) {
        requireResolved();
        if (target() == owner || intermediateTables().contains(owner)) {
            throw new IllegalArgumentException("Relation " + owner.name() + "." + name + " leads back to table '"
                    + owner.name() + "', so a condition on its rows could not tell them from the outer rows; join "
                    + owner.name() + ".as(\"...\") instead");
        }
        SelectStatement<?> rows = correlatedRows();
        return condition == null ? rows : rows.withWhere(rows.where().and(condition));
    }

    /** The target rows related to the current row of the outer query, selecting one column. */
    abstract SelectStatement<?> correlatedRows();

    static Condition joinOn(Column<?> a, Column<?> b) {
        return new Condition.Comparison(a, Condition.Operator.EQ, b);
    }

    final DefinitionException problem(String message) {
        return new DefinitionException(owner.name(), null, "relation '" + (name == null ? "?" : name) + "': " + message);
    }

    final <X> X read(java.util.function.Supplier<X> supplier, String what) {
        X value;
        try {
            value = supplier.get();
        } catch (RuntimeException | ExceptionInInitializerError e) {
            throw problem("the " + what + " could not be read: " + e);
        }
        if (value == null) {
            throw problem("the " + what + " is null; refer to it through a supplier such as () -> TEAMS");
        }
        return value;
    }

    /** The key of {@code target} that {@code fk} refers to: its declared foreign-key target, else the primary key. */
    final Column<?> referencedKey(Column<?> fk, Table<?, ?> target) {
        ForeignKey declared = fk.foreignKey();
        Column<?> key;
        if (declared != null && declared.targetTable() == target) {
            key = declared.targetColumns().get(0);
        } else {
            PrimaryKey pk = target.primaryKey();
            if (pk == null || pk.columns().size() != 1) {
                throw problem(fk + " does not reference table '" + target.name()
                        + "', which has no single-column primary key to join on");
            }
            key = pk.columns().get(0);
        }
        if (!fk.type().isCompatibleKey(key.type())) {
            throw problem(fk + " of type " + fk.type() + " cannot join " + key + " of type " + key.type());
        }
        return key;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " " + owner.name() + "." + name;
    }
}
