package dev.cairn.engine.objects;

import dev.cairn.dsl.BelongsTo;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.HasMany;
import dev.cairn.dsl.ManyToMany;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.query.Delete;
import dev.cairn.engine.session.Conditions;
import dev.cairn.engine.session.SessionCore;

/**
 * Links and unlinks two rows through a relation, from whichever side declares it. A many-to-many link is a row of
 * the join table; the other relations are a foreign key, held by the owner of a belongs-to and by the target of a
 * has-many or has-one: linking sets that key to the other row's key, unlinking sets it to null.
 */
public final class Links {
    private final ObjectApi objects;

    Links(ObjectApi objects) {
        this.objects = objects;
    }

    // ------------------------------------------------------------------------------------ many-to-many

    /** Inserts the join row of owner and target. */
    public void link(SessionCore s, Object owner, ManyToMany<?, ?> relation, Object target) {
        Object[] keys = joinKeys(owner, relation, target);
        s.insertInto(relation.through()).row(joinRow(relation, keys[0], keys[1])).execute();
    }

    /** Deletes the join row of owner and target, if any. */
    public void unlink(SessionCore s, Object owner, ManyToMany<?, ?> relation, Object target) {
        Object[] keys = joinKeys(owner, relation, target);
        s.execute(unlinkStatement(s, relation, keys[0], keys[1]));
    }

    /** The owner's and the target's key, as the join table holds them. */
    public Object[] joinKeys(Object owner, ManyToMany<?, ?> relation, Object target) {
        return new Object[] {keyValue(owner, relation.owner(), relation.ownerKey()),
                keyValue(target, relation.target(), relation.targetKey())};
    }

    /** A row of the join table holding the two keys. */
    public <J> J joinRow(ManyToMany<?, ?> relation, Object ownerKey, Object targetKey) {
        @SuppressWarnings("unchecked")
        Table<J, ?> through = (Table<J, ?>) relation.through();
        Object[] values = new Object[through.columns().size()];
        values[relation.throughOwnerKey().position()] = ownerKey;
        values[relation.throughTargetKey().position()] = targetKey;
        return objects.entity(through).layout.fromColumnValues(values);
    }

    public Delete<?> unlinkStatement(SessionCore s, ManyToMany<?, ?> relation, Object ownerKey, Object targetKey) {
        return s.deleteFrom(relation.through()).where(Conditions.equal(relation.throughOwnerKey(), ownerKey)
                .and(Conditions.equal(relation.throughTargetKey(), targetKey)));
    }

    // ------------------------------------------------------------------------------------ foreign keys

    /** Sets the owner's foreign key to the target's key (null: clears it); returns the owner with the key set. */
    public <R> R setParent(SessionCore s, R owner, BelongsTo<?, ?> relation, Object target) {
        EntityTable<R> et = objects.entityOf(owner);
        if (relation.owner() != et.table) {
            throw new IllegalArgumentException("Relation " + relation + " is not declared on table '"
                    + et.table.name() + "'");
        }
        Object value = target == null ? null : keyValue(target, relation.target(), relation.targetKey());
        return setKey(s, et, owner, relation.foreignKey(), value, null, relation.name(), true);
    }

    /**
     * Sets the target's foreign key to the owner's key, or with {@code link} false clears it where it holds the
     * owner's key; returns the target as it now is.
     */
    public <T> T setChild(SessionCore s, Object owner, HasMany<?, ?> relation, T target, boolean link) {
        Object ownerKey = keyValue(owner, relation.owner(), relation.ownerKey());
        EntityTable<T> et = objects.entityOf(target);
        if (relation.target() != et.table) {
            throw new IllegalArgumentException("Expected a row of '" + relation.target().name() + "' ("
                    + relation.target().rowType().getSimpleName() + ") for " + relation + ", got a row of '"
                    + et.table.name() + "'");
        }
        Column<?> fk = relation.foreignKey();
        return link ? setKey(s, et, target, fk, ownerKey, null, relation.name(), true)
                : setKey(s, et, target, fk, null, Conditions.equal(fk, ownerKey), relation.name(), false);
    }

    /**
     * {@code UPDATE t SET fk = value WHERE primary key [AND also]}: the row with the key set, or as it was when
     * {@code also} matched nothing. No row with the key is an error only when {@code mustExist}.
     */
    private <R> R setKey(SessionCore s, EntityTable<R> et, R row, Column<?> fk, Object value, Condition also,
                         String relation, boolean mustExist) {
        if (value == null && !fk.isNullable()) {
            throw new IllegalArgumentException("Column " + et.table.name() + "." + fk.name()
                    + " is NOT NULL, so relation " + relation + " cannot be unlinked");
        }
        KeyMatch k = et.primaryKeyOf(row, "link");
        Condition where = also == null ? k.condition() : k.condition().and(also);
        if (s.execute(RowStatements.setColumn(s, et.table, fk, value, where)) == 0) {
            if (mustExist) {
                throw Reads.notFound(et, k, " to link");
            }
            return row;
        }
        return et.layout.withValue(row, fk, value);
    }

    /** The value of {@code keyColumn} of a row object of {@code table}; throws when it is not set. */
    public Object keyValue(Object row, Table<?, ?> table, Column<?> keyColumn) {
        if (row == null || !table.rowType().isInstance(row)) {
            throw new IllegalArgumentException("Expected a row of '" + table.name() + "' ("
                    + table.rowType().getSimpleName() + "), got "
                    + (row == null ? "null" : row.getClass().getSimpleName()));
        }
        Object v = objects.columnValues(table, row)[keyColumn.position()];
        if (v == null) {
            throw new IllegalArgumentException("The " + table.rowType().getSimpleName() + " has no value for "
                    + table.name() + "." + keyColumn.name() + "; persist it first");
        }
        return v;
    }
}
