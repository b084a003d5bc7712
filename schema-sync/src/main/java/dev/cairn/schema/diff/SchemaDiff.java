package dev.cairn.schema.diff;

import dev.cairn.schema.Change;
import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.Check;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.ForeignKey;
import dev.cairn.dsl.Index;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.UniqueKey;
import dev.cairn.schema.ddl.DdlRenderer;
import dev.cairn.schema.shape.ColumnShape;
import dev.cairn.schema.shape.ForeignKeyShape;
import dev.cairn.schema.shape.IndexShape;
import dev.cairn.schema.shape.SchemaShape;
import dev.cairn.schema.shape.TableShape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Compares the model with the live schema and plans the changes that bring the database in line, in an order that
 * works: foreign keys are dropped first and added last, renames come before the changes that use the new names,
 * tables are created in foreign-key order and dropped in the reverse. Each change is marked safe, destructive (may
 * lose data, or fail on the data there is) or refused (cannot be applied as it stands, with the reason).
 */
public final class SchemaDiff {
    /** Tables of Cairn's own, never reported as unknown. */
    public static final Set<String> OWN_TABLES = Set.of("cairn_schema_history", "cairn_schema_lock");

    private final Schema model;
    private final Dialect dialect;
    private final DdlRenderer ddl;
    private final Predicate<String> hasRows;

    /**
     * @param hasRows whether a live table has any row (asked only where the answer decides a change)
     */
    public SchemaDiff(Schema model, Dialect dialect, Predicate<String> hasRows) {
        this.model = model;
        this.dialect = dialect;
        this.ddl = new DdlRenderer(dialect);
        this.hasRows = hasRows;
    }

    /** The plan from {@code live} to the model. */
    public List<Change> plan(SchemaShape live) {
        SchemaShape desired = DesiredShape.of(model, dialect);
        List<Change> changes = new ArrayList<>();
        Set<String> matched = new HashSet<>();
        for (Table<?, ?> table : model.creationOrder()) {
            TableShape want = desired.table(table.name());
            TableShape have = live.table(table.name());
            if (have == null) {
                for (String old : table.formerNames()) {
                    TableShape former = live.table(old);
                    if (former != null && desired.table(old) == null) {
                        have = former;
                        changes.add(new Change(Change.Kind.RENAME_TABLE, table.name(), "rename table " + former.name()
                                + " to " + table.name(), List.of(ddl.renameTable(former.name(), table.name())), false, null));
                        break;
                    }
                }
            }
            if (have == null) {
                create(table, changes);
                continue;
            }
            matched.add(TableShape.key(have.name()));
            Map<String, String> renamed = columns(table, want, have, changes);
            keys(table, want, have, renamed, changes);
            tableOptions(table, want, have, changes);
        }
        Map<String, TableShape> unknown = new LinkedHashMap<>();
        for (TableShape t : live.tables()) {
            String key = TableShape.key(t.name());
            if (!matched.contains(key) && desired.table(t.name()) == null && !OWN_TABLES.contains(key)) {
                unknown.put(key, t);
            }
        }
        drops(unknown, changes);
        changes.sort(Comparator.comparingInt(c -> c.kind().ordinal()));
        return changes;
    }

    /**
     * Drops the tables not in the model, each after the tables among them that refer to it: the database refuses to
     * drop a table another one still refers to. Where they refer to each other in a cycle, one foreign key is dropped
     * first.
     */
    private void drops(Map<String, TableShape> unknown, List<Change> changes) {
        Map<String, List<Map.Entry<TableShape, ForeignKeyShape>>> referrers = new HashMap<>();
        for (TableShape t : unknown.values()) {
            for (ForeignKeyShape fk : t.foreignKeys().values()) {
                String target = TableShape.key(fk.targetTable());
                if (unknown.containsKey(target) && !target.equals(TableShape.key(t.name()))) {
                    referrers.computeIfAbsent(target, k -> new ArrayList<>()).add(Map.entry(t, fk));
                }
            }
        }
        Map<String, Boolean> dropped = new HashMap<>();
        for (TableShape t : unknown.values()) {
            drop(t, referrers, dropped, changes);
        }
    }

    // dropped holds false while the table's referrers are being placed, true once the table is.
    private void drop(TableShape table, Map<String, List<Map.Entry<TableShape, ForeignKeyShape>>> referrers,
                      Map<String, Boolean> dropped, List<Change> changes) {
        String key = TableShape.key(table.name());
        if (dropped.containsKey(key)) {
            return;
        }
        dropped.put(key, false);
        for (Map.Entry<TableShape, ForeignKeyShape> ref : referrers.getOrDefault(key, List.of())) {
            TableShape referrer = ref.getKey();
            if (Boolean.FALSE.equals(dropped.get(TableShape.key(referrer.name())))) {
                String fk = ref.getValue().name();
                changes.add(new Change(Change.Kind.DROP_FOREIGN_KEY, referrer.name(), "drop foreign key " + fk
                        + ", so that table " + table.name() + " can be dropped",
                        List.of(ddl.dropForeignKey(referrer.name(), fk)), true, null));
            } else {
                drop(referrer, referrers, dropped, changes);
            }
        }
        dropped.put(key, true);
        changes.add(new Change(Change.Kind.DROP_TABLE, table.name(), "drop table " + table.name()
                + " (not in the model)", List.of(ddl.dropTable(table.name())), true, null));
    }

    private void create(Table<?, ?> table, List<Change> changes) {
        List<String> statements = new ArrayList<>();
        statements.add(ddl.createTable(table, fk -> false));
        statements.addAll(ddl.afterCreateTable(table));
        for (Index index : table.indexes()) {
            statements.add(ddl.createIndex(index));
        }
        changes.add(new Change(Change.Kind.CREATE_TABLE, table.name(), "create table " + table.name(), statements,
                false, null));
        for (ForeignKey fk : table.foreignKeys()) {
            changes.add(new Change(Change.Kind.ADD_FOREIGN_KEY, table.name(), "add foreign key " + fk.name(),
                    List.of(ddl.addForeignKey(fk)), false, null));
        }
    }

    /** Plans the column changes; returns the declared renames, old lower-case name to new. */
    private Map<String, String> columns(Table<?, ?> table, TableShape want, TableShape have, List<Change> changes) {
        Map<String, String> renamed = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Column<?> c : table.columns()) {
            ColumnShape wanted = want.column(c.name());
            ColumnShape existing = have.column(c.name());
            if (existing == null) {
                for (String old : c.formerNames()) {
                    ColumnShape former = have.column(old);
                    if (former != null && want.column(old) == null) {
                        existing = former;
                        renamed.put(TableShape.key(former.name()), TableShape.key(c.name()));
                        changes.add(new Change(Change.Kind.RENAME_COLUMN, table.name(), "rename column " + former.name()
                                + " to " + c.name(), List.of(ddl.renameColumn(table.name(), former.name(), c.name())),
                                false, null));
                        break;
                    }
                }
            }
            if (existing == null) {
                boolean needsValue = !c.isNullable() && c.defaultValue() == null && !c.isAutoIncrement();
                String refusal = needsValue && hasRows.test(have.name())
                        ? "the table has rows and the column is NOT NULL without a default; give it a default, or add"
                        + " it nullable, fill it, then make it NOT NULL" : null;
                changes.add(new Change(Change.Kind.ADD_COLUMN, table.name(), "add column " + ddl.columnDefinition(c),
                        List.of(ddl.addColumn(c)), false, refusal));
                continue;
            }
            seen.add(TableShape.key(existing.name()));
            String differences = wanted.differences(existing);
            if (!differences.isEmpty()) {
                changes.add(new Change(Change.Kind.MODIFY_COLUMN, table.name(), "modify column " + c.name() + ": "
                        + differences, List.of(ddl.modifyColumn(c, existing)), TypeChanges.loses(existing, wanted)
                        || TypeChanges.changesBehaviour(existing, wanted, isKeyColumn(have, existing.name())), null));
            }
        }
        for (ColumnShape existing : have.columns()) {
            if (!seen.contains(TableShape.key(existing.name()))) {
                changes.add(new Change(Change.Kind.DROP_COLUMN, table.name(), "drop column " + existing.name()
                        + " (not in the model)", List.of(ddl.dropColumn(table.name(), existing.name())), true, null));
            }
        }
        if (!want.primaryKey().equals(have.primaryKey())) {
            changes.add(new Change(Change.Kind.MODIFY_PRIMARY_KEY, table.name(), "primary key " + have.primaryKey()
                    + " -> " + want.primaryKey(), ddl.replacePrimaryKey(table, !have.primaryKey().isEmpty()), true, null));
        }
        return renamed;
    }

    // Whether the live column is in the primary key or a unique key, which a new collation may find duplicates in.
    private static boolean isKeyColumn(TableShape have, String column) {
        String key = TableShape.key(column);
        return have.primaryKey().contains(key)
                || have.indexes().values().stream().anyMatch(ix -> ix.unique() && ix.columns().contains(key));
    }

    /** Plans the change of the table's comment, character set and collation, where the model declares them. */
    private void tableOptions(Table<?, ?> table, TableShape want, TableShape have, List<Change> changes) {
        List<String> statements = ddl.alterTableOptions(table, have.charset(), have.collation(), have.comment());
        if (statements.isEmpty()) {
            return;
        }
        StringBuilder what = new StringBuilder();
        if (want.charset() != null && !want.charset().equalsIgnoreCase(String.valueOf(have.charset()))) {
            what.append("; default character set ").append(have.charset()).append(" -> ").append(want.charset());
        }
        if (want.collation() != null && !want.collation().equalsIgnoreCase(String.valueOf(have.collation()))) {
            what.append("; default collation ").append(have.collation()).append(" -> ").append(want.collation());
        }
        if (want.comment() != null && !want.comment().equals(have.comment())) {
            what.append("; comment '").append(have.comment() == null ? "" : have.comment()).append("' -> '")
                    .append(want.comment()).append("'");
        }
        // Table defaults apply to columns added later and convert no data: safe.
        changes.add(new Change(Change.Kind.MODIFY_TABLE, table.name(), "table " + table.name() + ": "
                + what.substring(2), statements, false, null));
    }

    private static List<String> afterRenames(List<String> columns, Map<String, String> renamed) {
        return columns.stream().map(c -> renamed.getOrDefault(c, c)).toList();
    }

    private void keys(Table<?, ?> table, TableShape want, TableShape have, Map<String, String> renamed,
                      List<Change> changes) {
        for (UniqueKey uk : table.uniqueKeys()) {
            IndexShape wanted = want.indexes().get(TableShape.key(uk.name()));
            IndexShape existing = have.indexes().get(TableShape.key(uk.name()));
            if (existing != null && existing.unique()
                    && afterRenames(existing.columns(), renamed).equals(wanted.columns())) {
                continue;
            }
            if (existing != null) {
                changes.add(dropIndexOrUnique(table.name(), existing));
            }
            changes.add(new Change(Change.Kind.ADD_UNIQUE, table.name(), "add unique key " + uk.name() + " "
                    + wanted.columns(), List.of(ddl.addUnique(uk)), true, null));
        }
        for (Index ix : table.indexes()) {
            IndexShape wanted = want.indexes().get(TableShape.key(ix.name()));
            IndexShape existing = have.indexes().get(TableShape.key(ix.name()));
            if (existing != null && !existing.unique()
                    && afterRenames(existing.columns(), renamed).equals(wanted.columns())) {
                continue;
            }
            if (existing != null) {
                changes.add(dropIndexOrUnique(table.name(), existing));
            }
            // Re-adding an index under a name still in use waits with the (destructive) drop of the old one.
            changes.add(new Change(Change.Kind.ADD_INDEX, table.name(), "add index " + ix.name() + " "
                    + wanted.columns(), List.of(ddl.createIndex(ix)), existing != null, null));
        }
        for (IndexShape existing : have.indexes().values()) {
            if (!want.indexes().containsKey(TableShape.key(existing.name()))) {
                changes.add(dropIndexOrUnique(table.name(), existing));
            }
        }
        for (Check ck : table.checks()) {
            if (want.checks().containsKey(TableShape.key(ck.name()))
                    && !have.checks().containsKey(TableShape.key(ck.name()))) {
                changes.add(new Change(Change.Kind.ADD_CHECK, table.name(), "add check " + ck.name(),
                        List.of(ddl.addCheck(ck)), false, null));
            }
        }
        for (Map.Entry<String, String> existing : have.checks().entrySet()) {
            if (!want.checks().containsKey(existing.getKey())) {
                changes.add(new Change(Change.Kind.DROP_CHECK, table.name(), "drop check " + existing.getValue()
                        + " (not in the model)", List.of(ddl.dropCheck(table.name(), existing.getValue())), false, null));
            }
        }
        for (ForeignKey fk : table.foreignKeys()) {
            ForeignKeyShape wanted = want.foreignKeys().get(TableShape.key(fk.name()));
            ForeignKeyShape existing = have.foreignKeys().get(TableShape.key(fk.name()));
            if (existing != null && sameForeignKey(existing, wanted, renamed)) {
                continue;
            }
            if (existing != null) {
                changes.add(new Change(Change.Kind.DROP_FOREIGN_KEY, table.name(), "drop foreign key " + existing.name()
                        + " to change it", List.of(ddl.dropForeignKey(table.name(), existing.name())), false, null));
            }
            changes.add(new Change(Change.Kind.ADD_FOREIGN_KEY, table.name(), "add foreign key " + fk.name(),
                    List.of(ddl.addForeignKey(fk)), false, null));
        }
        for (ForeignKeyShape existing : have.foreignKeys().values()) {
            if (!want.foreignKeys().containsKey(TableShape.key(existing.name()))) {
                changes.add(new Change(Change.Kind.DROP_FOREIGN_KEY, table.name(), "drop foreign key " + existing.name()
                        + " (not in the model)", List.of(ddl.dropForeignKey(table.name(), existing.name())), false, null));
            }
        }
    }

    private static boolean sameForeignKey(ForeignKeyShape a, ForeignKeyShape b, Map<String, String> renamed) {
        return afterRenames(a.columns(), renamed).equals(b.columns()) && a.targetTable().equalsIgnoreCase(b.targetTable())
                && a.targetColumns().equals(b.targetColumns()) && a.onDelete().equals(b.onDelete())
                && a.onUpdate().equals(b.onUpdate());
    }

    private Change dropIndexOrUnique(String table, IndexShape existing) {
        return existing.unique()
                ? new Change(Change.Kind.DROP_UNIQUE, table, "drop unique key " + existing.name() + " "
                + existing.columns(), List.of(ddl.dropUnique(table, existing.name())), true, null)
                : new Change(Change.Kind.DROP_INDEX, table, "drop index " + existing.name() + " " + existing.columns(),
                List.of(ddl.dropIndex(table, existing.name())), true, null);
    }
}
