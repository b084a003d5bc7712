package dev.cairn.engine;

import dev.cairn.dsl.BelongsTo;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.HasMany;
import dev.cairn.dsl.ManyToMany;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.query.Changes;
import dev.cairn.dsl.query.Delete;
import dev.cairn.dsl.query.Insert;
import dev.cairn.dsl.query.Update;
import dev.cairn.dsl.querystring.QueryFields;
import dev.cairn.engine.bind.ValueConverter;
import dev.cairn.engine.exception.ForbiddenException;
import dev.cairn.engine.facet.FacetCore;
import dev.cairn.engine.facet.FacetRules;
import dev.cairn.engine.facet.TableRule;
import dev.cairn.engine.objects.ObjectApi;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A restricted view of some tables of a database (or a transaction), to hand to code that must not see or do more,
 * such as a web handler serving one tenant. It has the API of the database; everything it runs is rewritten and
 * checked first:
 * <ul>
 *   <li>only the tables given to it are reachable, and of each only the operations allowed: a
 *       {@linkplain #restrictive restrictive} facet reads (queries, find, load, count, exists, eager loading,
 *       related) and does what is granted; a {@linkplain #permissive permissive} one does all but what is denied;</li>
 *   <li>a table's row filter ({@code tenant_id = 7}, or any condition) is added, bound, to every statement that
 *       reads or writes the table, wherever the table appears (joins and subqueries of relation filters included);
 *       a row the filter hides looks missing, with the message of a missing row. A row written gets the filter's
 *       {@code column = value}, and under a general condition is read back and refused (rolled back) if hidden;</li>
 *   <li>columns: those a facet does not read are not selected and may not appear in a query; those it does not
 *       write may not be written. A refused operation, table or column is a {@link ForbiddenException} naming
 *       them, thrown before anything is sent.</li>
 * </ul>
 *
 * <pre>{@code
 * Facet tenant = Facet.restrictive(db)
 *         .table(TEAMS, t -> t.where(TEAMS.tenantId, tenantId).allow(Facet.Operation.CREATE, Facet.Operation.LINK))
 *         .table(PLAYERS, t -> t.where(PLAYERS.tenantId, tenantId))
 *         .build();
 * }</pre>
 * A facet's {@link #transaction} blocks get a transaction under the same rules, which does not hand out its
 * connection. Raw SQL conditions and expressions are refused in a facet.
 */
public final class Facet extends Session {
    /** What a facet may do to a table's rows beyond reading them. */
    public enum Operation {
        /** Insert rows ({@code persist}, {@code insertInto}). */
        CREATE,
        /** Update rows ({@code update}, {@code updateTable}). */
        UPDATE,
        /** Insert or update by key ({@code save}). */
        SAVE,
        /** Delete rows ({@code remove}, {@code deleteFrom}). */
        REMOVE,
        /** Link and unlink through the relations declared on the table. */
        LINK
    }

    private final FacetRules rules;

    private Facet(FacetCore core, ObjectApi objects) {
        super(core, objects);
        this.rules = core.rules();
    }

    /** A facet that reads the tables given and does only what each grants ({@link TableRules#allow}). */
    public static Builder restrictive(Session session) {
        return new Builder(session, false);
    }

    /** A facet that does everything on the tables given but what each denies ({@link TableRules#deny}). */
    public static Builder permissive(Session session) {
        return new Builder(session, true);
    }

    /** Runs the block in a transaction (in a transaction: a savepoint) under this facet's rules. */
    @Override
    public void transaction(TransactionBlock block) {
        transactionResult(tx -> {
            block.run(tx);
            return null;
        });
    }

    /** Runs the function in a transaction (a savepoint) under this facet's rules and returns its value. */
    @Override
    public <T> T transactionResult(TransactionFunction<T> function) {
        Objects.requireNonNull(function, "function");
        return core.inTransaction(c -> function.apply((Transaction) c.facade()));
    }

    /** A table of the facet by name; a table that is not part of it is refused. */
    @Override
    public DynamicTable table(String name) {
        if (rules.find(Objects.requireNonNull(name, "name")) == null) {
            throw new ForbiddenException("read", name, null, "the table is not part of the facet");
        }
        return super.table(name);
    }

    /**
     * The fields a request's query string may filter and sort {@code table} by: the columns this facet reads, by
     * name. Narrow it further with {@link QueryFields#allow} on a fresh {@code QueryFields.of(table)}.
     */
    public <R> QueryFields<R> queryFields(Table<R, ?> table) {
        TableRule r = rules.of(table, "read");
        return QueryFields.of(table).allow(table.columns().stream().filter(c -> r.reads(c.name()))
                .toArray(Column<?>[]::new));
    }

    // ------------------------------------------------------------------------------------ checked up front

    private void check(Table<?, ?> table, Operation op) {
        rules.require(table, op);
    }

    private Table<?, ?> tableOf(Object row) {
        return objects.entityOf(row).table;
    }

    @Override
    public <R> Insert<R> insertInto(Table<R, ?> table) {
        check(table, Operation.CREATE);
        return super.insertInto(table);
    }

    @Override
    public <R> Update<R> updateTable(Table<R, ?> table) {
        check(table, Operation.UPDATE);
        return super.updateTable(table);
    }

    @Override
    public <R> Delete<R> deleteFrom(Table<R, ?> table) {
        check(table, Operation.REMOVE);
        return super.deleteFrom(table);
    }

    @Override
    public <R> R persist(R row) {
        check(tableOf(row), Operation.CREATE);
        return super.persist(row);
    }

    @Override
    public <R> R update(R row) {
        check(tableOf(row), Operation.UPDATE);
        return super.update(row);
    }

    @Override
    public <R, K> void update(Table<R, K> table, K key, Changes changes) {
        check(table, Operation.UPDATE);
        super.update(table, key, changes);
    }

    @Override
    public <R> R save(R row) {
        check(tableOf(row), Operation.SAVE);
        return super.save(row);
    }

    @Override
    public <R> void remove(R row) {
        check(tableOf(row), Operation.REMOVE);
        super.remove(row);
    }

    @Override
    public <R, K> void remove(Table<R, K> table, K key) {
        check(table, Operation.REMOVE);
        super.remove(table, key);
    }

    @Override
    public <R> void remove(Table<R, ?> table, Condition condition) {
        check(table, Operation.REMOVE);
        super.remove(table, condition);
    }

    @Override
    public <O, T> void link(O owner, ManyToMany<O, T> relation, T target) {
        check(relation.owner(), Operation.LINK);
        super.link(owner, relation, target);
    }

    @Override
    public <O, T> void unlink(O owner, ManyToMany<O, T> relation, T target) {
        check(relation.owner(), Operation.LINK);
        super.unlink(owner, relation, target);
    }

    @Override
    public <O, T> O link(O owner, BelongsTo<O, T> relation, T target) {
        check(relation.owner(), Operation.LINK);
        return super.link(owner, relation, target);
    }

    @Override
    public <O, T> O unlink(O owner, BelongsTo<O, T> relation) {
        check(relation.owner(), Operation.LINK);
        return super.unlink(owner, relation);
    }

    @Override
    public <O, T> T link(O owner, HasMany<O, T> relation, T target) {
        check(relation.owner(), Operation.LINK);
        return super.link(owner, relation, target);
    }

    @Override
    public <O, T> T unlink(O owner, HasMany<O, T> relation, T target) {
        check(relation.owner(), Operation.LINK);
        return super.unlink(owner, relation, target);
    }

    @Override
    public String toString() {
        return "Facet[" + dialect() + "]";
    }

    // ------------------------------------------------------------------------------------ definition

    /** The tables of a facet and their rules; {@link #build()} makes the facet. */
    public static final class Builder {
        private final Session session;
        private final boolean permissive;
        private final List<TableRule> rules = new ArrayList<>();
        private final List<List<Column<?>>> shared = new ArrayList<>();

        private Builder(Session session, boolean permissive) {
            this.session = Objects.requireNonNull(session, "session");
            this.permissive = permissive;
        }

        /** Adds a table with no row filter, every column, and the facet's default operations. */
        public Builder table(Table<?, ?> table) {
            return table(table, t -> { });
        }

        /** Adds a table with the rules the block sets. */
        public Builder table(Table<?, ?> table, Consumer<TableRules> block) {
            TableRules t = new TableRules(Objects.requireNonNull(table, "table"), permissive);
            block.accept(t);
            rules.add(t.rule());
            return this;
        }

        /**
         * Declares a primary, unique or foreign key (by its columns, of one table) shared across the facet's row
         * filters. Without it, a facet refuses what such a key could make tell of a hidden row: a value written to a
         * unique key that does not hold the filter's column (its duplicate-key error would tell the value is taken),
         * and a delete or key change of rows that rows the facet does not see may refer to (it would fail on them,
         * or cascade to them). Shared, the write goes ahead and may tell (an e-mail taken across tenants is often
         * meant to); a delete is still refused, and nothing changed, when a hidden row refers to the rows.
         */
        public Builder shares(Column<?>... key) {
            if (key.length == 0) {
                throw new IllegalArgumentException("shares needs the columns of a key");
            }
            shared.add(List.of(key));
            return this;
        }

        /** The facet over the session's database or transaction. */
        public Facet build() {
            dev.cairn.dsl.Schema schema = session.core.engine().schema();
            FacetRules all = new FacetRules(rules, schema == null ? List.of() : schema.tables(), shared);
            ObjectApi objects = session.objects;
            FacetCore core = new FacetCore(session.core, all, (c, tx) -> new Transaction(c, tx, objects));
            return new Facet(core, objects);
        }
    }

    /** The rules of one table of a facet. */
    public static final class TableRules {
        private final Table<?, ?> table;
        private final boolean permissive;
        private final Set<Operation> ops = EnumSet.noneOf(Operation.class);
        private Column<?> eqColumn;
        private Object eqValue;
        private Condition condition;
        private Set<String> readable;
        private Set<String> writable;

        private TableRules(Table<?, ?> table, boolean permissive) {
            this.table = table;
            this.permissive = permissive;
        }

        /** Rows where {@code column = value} only; rows written get the value. Bound, never in the SQL text. */
        public <T> TableRules where(Column<T> column, T value) {
            requireNoFilter();
            own(column);
            if (value == null) {
                throw new IllegalArgumentException("The filter value of " + table.name() + "." + column.name()
                        + " is null; a comparison with NULL matches no row");
            }
            this.eqColumn = column;
            this.eqValue = ValueConverter.convert(column, value);
            return this;
        }

        /**
         * Rows matching the condition only (over this table's columns, with subqueries if need be). A row written is
         * read back by key in the same transaction and refused when the condition does not match it; the columns it
         * reads cannot be changed through the facet.
         */
        public TableRules where(Condition condition) {
            requireNoFilter();
            this.condition = Objects.requireNonNull(condition, "condition");
            return this;
        }

        /** Grants operations (restrictive facets). */
        public TableRules allow(Operation... operations) {
            if (permissive) {
                throw new IllegalStateException("A permissive facet allows everything; deny(...) what it may not do");
            }
            ops.addAll(List.of(operations));
            return this;
        }

        /** Denies operations (permissive facets). */
        public TableRules deny(Operation... operations) {
            if (!permissive) {
                throw new IllegalStateException("A restrictive facet denies everything but reads; allow(...) what it"
                        + " may do");
            }
            ops.addAll(List.of(operations));
            return this;
        }

        /** The only columns the facet reads (selects, filters, sorts by); others are left out of whole rows. */
        public TableRules reads(Column<?>... columns) {
            this.readable = names(columns);
            return this;
        }

        /** The only columns the facet writes. */
        public TableRules writes(Column<?>... columns) {
            this.writable = names(columns);
            return this;
        }

        private Set<String> names(Column<?>[] columns) {
            Set<String> names = new LinkedHashSet<>();
            for (Column<?> c : columns) {
                names.add(TableRule.key(own(c).name()));
            }
            return Set.copyOf(names);
        }

        private Column<?> own(Column<?> c) {
            if (Objects.requireNonNull(c, "column").table() != table) {
                throw new IllegalArgumentException("Column " + c + " is not a column of table '" + table.name() + "'");
            }
            return c;
        }

        private void requireNoFilter() {
            if (eqColumn != null || condition != null) {
                throw new IllegalStateException("Table '" + table.name() + "' has a row filter already; combine the"
                        + " conditions into one");
            }
        }

        private TableRule rule() {
            if (readable != null && table.rowType().isRecord()) {
                for (Column<?> c : table.columns()) {
                    if (!readable.contains(TableRule.key(c.name()))) {
                        throw new IllegalArgumentException("Table '" + table.name() + "' maps rows to the record "
                                + table.rowType().getSimpleName() + ", which needs column " + c.name() + ", and the"
                                + " facet does not read it; map the table to a class or Row, or read it");
                    }
                }
            }
            Set<Operation> allowed = permissive ? EnumSet.complementOf(toEnumSet(ops)) : toEnumSet(ops);
            return TableRule.of(table, allowed, readable, writable, eqColumn, eqValue, condition);
        }

        private static EnumSet<Operation> toEnumSet(Set<Operation> ops) {
            return ops.isEmpty() ? EnumSet.noneOf(Operation.class) : EnumSet.copyOf(ops);
        }
    }
}
