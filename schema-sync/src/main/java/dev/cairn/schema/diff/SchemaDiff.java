package dev.cairn.schema.diff;

import dev.cairn.schema.Change;
import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.ForeignKey;
import dev.cairn.dsl.Index;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.ColumnType;
import dev.cairn.dsl.type.Identifiers;
import dev.cairn.schema.ddl.ConstraintNames;
import dev.cairn.schema.ddl.DdlRenderer;
import dev.cairn.schema.probe.ProbeRequest;
import dev.cairn.schema.shape.ColumnShape;
import dev.cairn.schema.shape.ForeignKeyShape;
import dev.cairn.schema.shape.IndexShape;
import dev.cairn.schema.shape.SchemaShape;
import dev.cairn.schema.shape.TableNaming;
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
    public static final Set<String> OWN_TABLES = Set.of("cairn_schema_history", "cairn_schema_lock", "cairn_outbox",
            "cairn_outbox_position");

    private final Schema model;
    private final Dialect dialect;
    private DdlRenderer ddl;
    private final Predicate<String> hasRows;
    private ProbeRequests probes = new ProbeRequests();

    /**
     * @param hasRows whether a live table has any row (asked only where the answer decides a change)
     */
    public SchemaDiff(Schema model, Dialect dialect, Predicate<String> hasRows) {
        this.model = model;
        this.dialect = dialect;
        this.ddl = new DdlRenderer(dialect, ConstraintNames.of(model, dialect));
        this.hasRows = hasRows;
    }

    /** The plan from {@code live} to the model. */
    public List<Change> plan(SchemaShape live) {
        SchemaShape desired = DesiredShape.of(model, dialect, live.naming());
        // A foreign key from a table of another schema names the connection's schema, known from the live side.
        ddl = new DdlRenderer(dialect, ConstraintNames.of(model, dialect), live.naming().currentSchema());
        probes = new ProbeRequests();
        List<Change> changes = new ArrayList<>();
        Set<String> matched = new HashSet<>();
        for (Table<?, ?> table : model.creationOrder()) {
            // A table is found as the server finds it: where names are case-sensitive, Users is not users.
            String schema = Identifiers.schemaOf(table.name());
            TableShape want = desired.table(schema, Identifiers.unqualified(table.name()));
            TableShape have = live.table(schema, Identifiers.unqualified(table.name()));
            if (have == null) {
                for (String old : table.formerNames()) {
                    TableShape former = live.table(schema, old);
                    if (former != null && desired.table(schema, old) == null) {
                        have = former;
                        changes.add(new Change(Change.Kind.RENAME_TABLE, table.name(), "rename table " + former.name()
                                + " to " + table.name(), List.of(ddl.renameTable(former.qualifiedName(), table.name())),
                                false, null));
                        break;
                    }
                }
            }
            if (have == null) {
                create(table, live, changes, caseOnly(live, schema, Identifiers.unqualified(table.name())));
                continue;
            }
            matched.add(live.key(have));
            Map<String, String> renamed = columns(table, want, have, changes);
            keys(table, want, have, renamed, live, changes);
            tableOptions(table, want, have, changes);
        }
        Map<String, TableShape> unknown = new LinkedHashMap<>();
        for (TableShape t : live.tables()) {
            String key = live.key(t);
            // Another schema is shared ground: only the tables the model names there are its business.
            if (t.schema() == null && !matched.contains(key) && desired.table(t.name()) == null
                    && !OWN_TABLES.contains(key)) {
                unknown.put(key, t);
            }
        }
        drops(unknown, live.naming(), changes);
        changes.sort(Comparator.comparingInt(c -> c.kind().ordinal()));
        return changes;
    }

    /**
     * What the rows of the live tables must be counted for, by change of the last {@link #plan}: the changes the data
     * decides ({@code dev.cairn.schema.probe.DataProbes} runs them and marks the changes).
     */
    public Map<Change, ProbeRequest> probeRequests() {
        return probes.all();
    }

    /**
     * Drops the tables not in the model, each after the tables among them that refer to it: the database refuses to
     * drop a table another one still refers to. Where they refer to each other in a cycle, one foreign key is dropped
     * first.
     */
    private void drops(Map<String, TableShape> unknown, TableNaming naming, List<Change> changes) {
        Map<String, List<Map.Entry<TableShape, ForeignKeyShape>>> referrers = new HashMap<>();
        for (TableShape t : unknown.values()) {
            for (ForeignKeyShape fk : t.foreignKeys().values()) {
                String target = naming.key(fk.targetTable());
                if (unknown.containsKey(target) && !target.equals(naming.key(null, t.name()))) {
                    referrers.computeIfAbsent(target, k -> new ArrayList<>()).add(Map.entry(t, fk));
                }
            }
        }
        Map<String, Boolean> dropped = new HashMap<>();
        for (TableShape t : unknown.values()) {
            drop(t, naming, referrers, dropped, changes);
        }
    }

    // dropped holds false while the table's referrers are being placed, true once the table is.
    private void drop(TableShape table, TableNaming naming,
                      Map<String, List<Map.Entry<TableShape, ForeignKeyShape>>> referrers,
                      Map<String, Boolean> dropped, List<Change> changes) {
        String key = naming.key(null, table.name());
        if (dropped.containsKey(key)) {
            return;
        }
        dropped.put(key, false);
        for (Map.Entry<TableShape, ForeignKeyShape> ref : referrers.getOrDefault(key, List.of())) {
            TableShape referrer = ref.getKey();
            if (Boolean.FALSE.equals(dropped.get(naming.key(null, referrer.name())))) {
                String fk = ref.getValue().name();
                changes.add(new Change(Change.Kind.DROP_FOREIGN_KEY, referrer.name(), "drop foreign key " + fk
                        + ", so that table " + table.name() + " can be dropped",
                        List.of(ddl.dropForeignKey(referrer.name(), fk)), true, null));
            } else {
                drop(referrer, naming, referrers, dropped, changes);
            }
        }
        dropped.put(key, true);
        // Cairn's DDL reads a dot as a schema: such a name would address another table.
        String refusal = table.name().indexOf('.') < 0 ? null
                : "the name holds a dot, which Cairn reads as a schema; drop the table by hand if it must go";
        changes.add(new Change(Change.Kind.DROP_TABLE, table.name(), "drop table " + table.name()
                + " (not in the model)", refusal == null ? ddl.dropTableStatements(table) : List.of(), true,
                refusal));
    }

    /**
     * Words for a table to create when the database has one whose name differs only in case: where table names
     * are case-sensitive (lower_case_table_names=0, H2) it is another table, and the model's is created beside it.
     */
    private static String caseOnly(SchemaShape live, String schema, String name) {
        for (TableShape t : live.tables()) {
            if (t.name().equalsIgnoreCase(name) && !t.name().equals(name)
                    && (schema == null ? t.schema() == null : schema.equalsIgnoreCase(String.valueOf(t.schema())))) {
                return " (the database has " + t.qualifiedName() + ", another table where table names are"
                        + " case-sensitive)";
            }
        }
        return "";
    }

    private void create(Table<?, ?> table, SchemaShape live, List<Change> changes, String note) {
        List<String> statements = new ArrayList<>();
        statements.addAll(ddl.beforeCreateTable(table));
        statements.add(ddl.createTable(table, fk -> false));
        statements.addAll(ddl.afterCreateTable(table));
        for (Index index : table.indexes()) {
            if (ddl.creates(index)) {
                statements.add(ddl.createIndex(index));
            }
        }
        changes.add(new Change(Change.Kind.CREATE_TABLE, table.name(), "create table " + table.name() + note,
                statements, false, null));
        for (ForeignKey fk : table.foreignKeys()) {
            if (KeyChanges.canHold(fk, null, live)) {
                changes.add(new Change(Change.Kind.ADD_FOREIGN_KEY, table.name(), "add foreign key " + fk.name(),
                        List.of(ddl.addForeignKey(fk)), false, null));
            }
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
                String refusal = needsValue && hasRows.test(have.qualifiedName())
                        ? "the table has rows and the column is NOT NULL without a default; give it a default, or add"
                        + " it nullable, fill it, then make it NOT NULL" : null;
                changes.add(new Change(Change.Kind.ADD_COLUMN, table.name(), "add column " + ddl.columnDefinition(c),
                        ddl.addColumnStatements(c), false, refusal));
                continue;
            }
            seen.add(TableShape.key(existing.name()));
            String differences = wanted.differences(existing);
            if (!differences.isEmpty()) {
                boolean behaviour = TypeChanges.changesBehaviour(existing, wanted, isKeyColumn(have, existing.name()));
                changes.add(probes.column(new Change(Change.Kind.MODIFY_COLUMN, table.name(), "modify column "
                        + c.name() + ": " + differences, ddl.modifyColumnStatements(c, existing),
                        TypeChanges.loses(existing, wanted) || behaviour, null), have, existing, wanted, behaviour,
                        dialect.isPostgres() && c.type().kind() == ColumnType.Kind.SET ? c.type().enumLabels() : null));
            }
        }
        for (ColumnShape existing : have.columns()) {
            if (!seen.contains(TableShape.key(existing.name()))) {
                changes.add(new Change(Change.Kind.DROP_COLUMN, table.name(), "drop column " + existing.name()
                        + " (not in the model)", ddl.dropColumnStatements(table.name(), existing), true, null));
            }
        }
        if (!want.primaryKey().equals(have.primaryKey())) {
            changes.add(probes.key(new Change(Change.Kind.MODIFY_PRIMARY_KEY, table.name(), "primary key "
                    + KeyChanges.key(have.primaryKey()) + " -> " + KeyChanges.key(want.primaryKey()),
                    ddl.replacePrimaryKey(table, !have.primaryKey().isEmpty()), true, null), have, want.primaryKey(),
                    renamed, true));
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
        List<String> statements = ddl.alterTextOptions(table, have.charset(), have.collation(), have.comment());
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

    static List<String> afterRenames(List<String> columns, Map<String, String> renamed) {
        return columns.stream().map(c -> renamed.getOrDefault(c, c)).toList();
    }

    /** Plans unique keys, indexes, checks and foreign keys; see {@link KeyMatch} for how live ones are paired. */
    private void keys(Table<?, ?> table, TableShape want, TableShape have, Map<String, String> renamed,
                      SchemaShape live, List<Change> changes) {
        new KeyChanges(table, want, have, renamed, live, ddl, changes, probes).plan();
    }

    static boolean sameForeignKey(ForeignKeyShape a, ForeignKeyShape b, Map<String, String> renamed,
                                  TableNaming naming) {
        return afterRenames(a.columns(), renamed).equals(b.columns())
                && naming.key(a.targetTable()).equals(naming.key(b.targetTable()))
                && a.targetColumns().equals(b.targetColumns()) && a.onDelete().equals(b.onDelete())
                && a.onUpdate().equals(b.onUpdate());
    }

    static Change dropIndexOrUnique(DdlRenderer ddl, String table, IndexShape existing) {
        return existing.unique()
                ? new Change(Change.Kind.DROP_UNIQUE, table, "drop unique key " + existing.name() + " "
                + existing.columns(), List.of(existing.standalone() ? ddl.dropIndex(table, existing.name())
                : ddl.dropUnique(table, existing.name())), true, null)
                : new Change(Change.Kind.DROP_INDEX, table, "drop index " + existing.name() + " " + existing.columns(),
                List.of(ddl.dropIndex(table, existing.name())), true, null);
    }
}
