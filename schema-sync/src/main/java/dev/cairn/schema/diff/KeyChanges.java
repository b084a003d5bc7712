package dev.cairn.schema.diff;

import static dev.cairn.schema.diff.SchemaDiff.afterRenames;

import dev.cairn.dsl.Check;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.ForeignKey;
import dev.cairn.dsl.Index;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.UniqueKey;
import dev.cairn.schema.Change;
import dev.cairn.dsl.type.Identifiers;
import dev.cairn.schema.ddl.ConstraintNames;
import dev.cairn.schema.ddl.DdlRenderer;
import dev.cairn.schema.shape.ForeignKeyShape;
import dev.cairn.schema.shape.IndexShape;
import dev.cairn.schema.shape.SchemaShape;
import dev.cairn.schema.shape.TableShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The changes to the unique keys, indexes, checks and foreign keys of one table the database has. Live ones are
 * paired with the model's by name, then by structure ({@link KeyMatch}); a paired one plans nothing, or a rename
 * when the model names it otherwise. Every statement about a live constraint uses its live name.
 */
final class KeyChanges {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaDiff.class);
    /** Foreign keys already reported as impossible, so that each is reported once, not at every sync. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private final Table<?, ?> table;
    private final TableShape want;
    private final TableShape have;
    private final Map<String, String> renamed;
    private final SchemaShape live;
    private final DdlRenderer ddl;
    private final List<Change> changes;
    /** Live indexes and unique keys paired with the model's, by lower-case live name. */
    private final Set<String> kept = new HashSet<>();
    private final List<ForeignKey> possible = new ArrayList<>();
    private final Map<ForeignKey, ForeignKeyShape> wanted = new IdentityHashMap<>();
    private Map<ForeignKey, ForeignKeyShape> fkPairs;
    /** Live foreign keys paired with the model's, by lower-case live name. */
    private final Set<String> fkPaired = new HashSet<>();
    private final ProbeRequests probes;
    /** What a live index or unique key dropped to be added again differently becomes, by lower-case live name. */
    private final Map<String, String> redefinitions = new HashMap<>();

    KeyChanges(Table<?, ?> table, TableShape want, TableShape have, Map<String, String> renamed, SchemaShape live,
               DdlRenderer ddl, List<Change> changes, ProbeRequests probes) {
        this.table = table;
        this.want = want;
        this.have = have;
        this.renamed = renamed;
        this.live = live;
        this.ddl = ddl;
        this.changes = changes;
        this.probes = probes;
    }

    void plan() {
        for (ForeignKey fk : table.foreignKeys()) {
            if (canHold(fk, have, live)) {
                possible.add(fk);
                wanted.put(fk, want.foreignKeys().get(TableShape.key(fk.name())));
            }
        }
        fkPairs = KeyMatch.pairs(possible, ForeignKey::name, ForeignKey::isNamed,
                have.foreignKeys().values(), ForeignKeyShape::name,
                (fk, l) -> SchemaDiff.sameForeignKey(l, wanted.get(fk), renamed, live.naming()),
                (fk, l) -> SchemaDiff.sameForeignKey(l, wanted.get(fk), renamed, live.naming()));
        fkPairs.values().forEach(l -> fkPaired.add(TableShape.key(l.name())));
        indexes();
        checks();
        foreignKeys();
    }

    /**
     * Whether a foreign key can exist: both its table and the one it refers to must be of an engine that holds
     * foreign keys (MyISAM parses them and forgets them). Says so in the log once for each foreign key that cannot.
     */
    static boolean canHold(ForeignKey fk, TableShape have, SchemaShape live) {
        String targetName = fk.targetTable().name();
        TableShape target = live.table(Identifiers.schemaOf(targetName), Identifiers.unqualified(targetName));
        TableShape unable = have != null && !have.holdsForeignKeys() ? have
                : target != null && !target.holdsForeignKeys() ? target : null;
        if (unable == null) {
            return true;
        }
        if (WARNED.add(fk.table().name() + "." + fk.name() + "/" + unable.name() + "." + unable.engine())) {
            LOG.warn("Foreign key {} of table '{}' cannot exist: table '{}' uses the {} engine, which has no foreign"
                    + " keys. Schema sync plans nothing for it; convert the table to InnoDB to have it.", fk.name(),
                    fk.table().name(), unable.name(), unable.engine());
        }
        return false;
    }

    // ---------------------------------------------------------------- unique keys and indexes

    private void indexes() {
        ConstraintNames names = ddl.names();
        // Unique keys and indexes share one set of names per table (in MySQL both are indexes): paired together.
        Map<IndexShape, Object> models = new LinkedHashMap<>();
        for (UniqueKey uk : table.uniqueKeys()) {
            models.put(want.indexes().get(TableShape.key(names.of(uk))), uk);
        }
        for (Index ix : table.indexes()) {
            if (ddl.creates(ix)) {
                models.put(want.indexes().get(TableShape.key(names.of(ix))), ix);
            }
        }
        Map<IndexShape, IndexShape> pairs = KeyMatch.pairs(new ArrayList<>(models.keySet()), IndexShape::name,
                w -> models.get(w) instanceof UniqueKey uk ? uk.isNamed() : ((Index) models.get(w)).isNamed(),
                have.indexes().values(), IndexShape::name, this::sameIndex, this::sameIndex);
        pairs.values().forEach(h -> kept.add(TableShape.key(h.name())));
        Map<String, String> renames = new LinkedHashMap<>();
        Map<String, IndexShape> renamedShapes = new LinkedHashMap<>();
        for (Map.Entry<IndexShape, Object> e : models.entrySet()) {
            IndexShape wanted = e.getKey();
            IndexShape existing = pairs.get(wanted);
            if (existing != null) {
                if (!existing.name().equalsIgnoreCase(wanted.name())) {
                    boolean named = e.getValue() instanceof UniqueKey uk ? uk.isNamed() : ((Index) e.getValue()).isNamed();
                    if (named) {
                        // The model's spelling: the shape's name is in lower case, and PostgreSQL keeps case.
                        renames.put(existing.name(), e.getValue() instanceof UniqueKey uk ? names.of(uk)
                                : names.of((Index) e.getValue()));
                        renamedShapes.put(existing.name(), existing);
                    }
                }
                continue;
            }
            IndexShape sameName = have.indexes().get(TableShape.key(wanted.name()));
            // A live one under this name that nothing keeps is dropped first; adding the new one waits with that
            // (destructive) drop.
            boolean replaces = sameName != null && !kept.contains(TableShape.key(sameName.name()));
            // The drop of the live one and this add are one change for people: both say what it was and will be.
            String redefined = replaces ? redefinition(sameName, wanted) : null;
            if (redefined != null) {
                redefinitions.put(TableShape.key(sameName.name()), redefined);
            }
            if (e.getValue() instanceof UniqueKey uk) {
                Change add = new Change(Change.Kind.ADD_UNIQUE, table.name(), redefined != null ? redefined
                        : "add unique key " + wanted.name() + " " + wanted.columns(), List.of(ddl.addUnique(uk)), true,
                        null);
                // Replacing a live one waits with the (destructive) drop, whatever the rows say.
                changes.add(replaces ? add : probes.key(add, have, wanted.columns(), renamed, false));
            } else {
                changes.add(new Change(Change.Kind.ADD_INDEX, table.name(), redefined != null ? redefined
                        : (wanted.fullText() ? "add full-text index " : "add index ") + wanted.name() + " "
                        + wanted.columns(), List.of(ddl.createIndex((Index) e.getValue())), replaces, null));
            }
        }
        List<Map.Entry<String, String>> cycles = new ArrayList<>();
        for (Map.Entry<String, String> r : KeyMatch.order(renames, cycles)) {
            IndexShape existing = renamedShapes.get(r.getKey());
            String what = existing.unique() ? "unique key " : "index ";
            changes.add(new Change(Change.Kind.RENAME_INDEX, table.name(), "rename " + what + r.getKey() + " to "
                    + r.getValue() + " " + existing.columns() + " (in place, the table is not copied)",
                    List.of(ddl.renameIndex(table.name(), r.getKey(), r.getValue(),
                            existing.uniqueConstraint())), false, null));
        }
        for (Map.Entry<String, String> r : cycles) {
            changes.add(new Change(Change.Kind.RENAME_INDEX, table.name(), "rename " + r.getKey() + " to " + r.getValue(),
                    List.of(), false, "these renames swap names in a cycle; rename one of them in two steps"));
        }
        Set<String> wantedNames = new HashSet<>();
        models.keySet().forEach(w -> wantedNames.add(TableShape.key(w.name())));
        for (IndexShape existing : have.indexes().values()) {
            String key = TableShape.key(existing.name());
            if (!kept.contains(key) && (wantedNames.contains(key) || !servesForeignKey(existing))
                    && ownIndexOfDroppedForeignKey(existing) == null) {
                Change drop = SchemaDiff.dropIndexOrUnique(ddl, have.qualifiedName(), existing);
                String redefined = redefinitions.get(key);
                // Under the model's table name, as its add is, though a rename of the table may run between.
                changes.add(redefined == null ? drop : new Change(drop.kind(), table.name(), redefined,
                        drop.statements(), drop.destructive(), null));
            }
        }
    }

    /**
     * The live foreign key that is dropped as not in the model, whose own index this is: the one MySQL and MariaDB
     * made for it under its name, which they keep when the foreign key goes (H2 drops it with it). It goes too.
     */
    private ForeignKeyShape ownIndexOfDroppedForeignKey(IndexShape index) {
        ForeignKeyShape fk = have.foreignKeys().get(TableShape.key(index.name()));
        boolean own = fk != null && ddl.dialect().isMySqlFamily() && !index.unique()
                && index.columns().equals(fk.columns()) && !kept.contains(TableShape.key(index.name()))
                && !fkPaired.contains(TableShape.key(fk.name()))
                && want.foreignKeys().get(TableShape.key(fk.name())) == null;
        return own ? fk : null;
    }

    private boolean sameIndex(IndexShape wanted, IndexShape existing) {
        return existing.unique() == wanted.unique() && existing.fullText() == wanted.fullText()
                && afterRenames(existing.columns(), renamed).equals(wanted.columns());
    }

    /**
     * Whether a live plain index that the model does not have is what one of the model's foreign keys stands on:
     * MySQL and MariaDB make such an index by themselves (named after the foreign key, or its first column) and
     * refuse to drop the last one. The index is then the foreign key's, and left alone.
     */
    private boolean servesForeignKey(IndexShape index) {
        if (index.unique() || index.fullText()) {
            return false;
        }
        List<String> columns = afterRenames(index.columns(), renamed);
        for (ForeignKey fk : table.foreignKeys()) {
            List<String> fkColumns = fk.columns().stream().map(c -> TableShape.key(c.name())).toList();
            if (!startsWith(columns, fkColumns) || servedOtherwise(fkColumns, index)) {
                continue;
            }
            return true;
        }
        return false;
    }

    // Another index that stays serves the foreign key already; of two unpaired ones, the first by name stays.
    private boolean servedOtherwise(List<String> fkColumns, IndexShape index) {
        if (want.primaryKey().equals(afterRenames(have.primaryKey(), renamed))
                && startsWith(want.primaryKey(), fkColumns)) {
            return true;
        }
        for (IndexShape other : have.indexes().values()) {
            if (other == index || !startsWith(afterRenames(other.columns(), renamed), fkColumns)) {
                continue;
            }
            String key = TableShape.key(other.name());
            if (kept.contains(key) || !other.unique() && key.compareTo(TableShape.key(index.name())) < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(List<String> columns, List<String> prefix) {
        return columns.size() >= prefix.size() && columns.subList(0, prefix.size()).equals(prefix);
    }

    // ---------------------------------------------------------------- checks

    private void checks() {
        ConstraintNames names = ddl.names();
        List<Check> checks = want.checks().isEmpty() ? List.of() : table.checks();
        Map<Check, String> pairs = KeyMatch.pairs(checks, names::of, Check::isNamed, have.checks().values(),
                n -> n, (ck, n) -> true, (ck, n) -> have.checkClause(n) != null
                        && KeyMatch.condition(have.checkClause(n)).equals(KeyMatch.condition(ddl.checkCondition(ck))));
        for (Check ck : checks) {
            String existing = pairs.get(ck);
            String name = names.of(ck);
            if (existing == null) {
                changes.add(new Change(Change.Kind.ADD_CHECK, table.name(), "add check " + name,
                        List.of(ddl.addCheck(ck)), false, null));
            } else if (ck.isNamed() && !existing.equalsIgnoreCase(name)) {
                changes.add(ddl.dialect().isMySqlFamily()
                        ? new Change(Change.Kind.RENAME_CHECK, table.name(), "rename check " + existing + " to " + name
                        + " (MySQL cannot rename a check: it is dropped and added again, and the add reads every row"
                        + " of " + table.name() + ")", List.of(dropCheck(existing, table.name()), ddl.addCheck(ck)),
                        columnCheckDropIsDestructive(existing), null)
                        : new Change(Change.Kind.RENAME_CHECK, table.name(), "rename check " + existing + " to " + name,
                        List.of(ddl.renameConstraint(table.name(), existing, name)), false, null));
            }
        }
        Set<String> paired = new HashSet<>();
        pairs.values().forEach(n -> paired.add(TableShape.key(n)));
        for (String existing : have.checks().values()) {
            if (paired.contains(TableShape.key(existing))) {
                continue;
            }
            if (have.isColumnCheck(existing) && table.column(existing) == null) {
                continue;  // goes with its column, which is dropped
            }
            changes.add(new Change(Change.Kind.DROP_CHECK, table.name(), "drop check " + existing
                    + " (not in the model)", List.of(dropCheck(existing, have.qualifiedName())), columnCheckDropIsDestructive(existing),
                    null));
        }
    }

    /**
     * Drops a check. MariaDB's check written in a column's definition has no constraint to drop: the column is
     * redefined as the model has it, which leaves the check out. {@code tableName} is the table's name when the
     * statement runs: before a rename of the table (a drop), or after it.
     */
    private String dropCheck(String existing, String tableName) {
        Column<?> column = have.isColumnCheck(existing) ? table.column(existing) : null;
        return column != null ? ddl.modifyColumn(column, have.column(column.name()))
                : ddl.dropCheck(tableName, existing);
    }

    // Redefining the column changes it as the model has it: destructive where the column differs at all.
    private boolean columnCheckDropIsDestructive(String existing) {
        Column<?> column = have.isColumnCheck(existing) ? table.column(existing) : null;
        return column != null && have.column(column.name()) != null
                && !want.column(column.name()).differences(have.column(column.name())).isEmpty();
    }

    // ---------------------------------------------------------------- foreign keys

    private void foreignKeys() {
        Map<ForeignKey, ForeignKeyShape> pairs = fkPairs;
        Set<String> paired = fkPaired;
        Set<String> dropped = new HashSet<>();
        for (ForeignKey fk : possible) {
            ForeignKeyShape existing = pairs.get(fk);
            if (existing != null) {
                if (fk.isNamed() && !existing.name().equalsIgnoreCase(fk.name())) {
                    changes.add(renameForeignKey(fk, existing.name()));
                }
                continue;
            }
            ForeignKeyShape sameName = have.foreignKeys().get(TableShape.key(fk.name()));
            String description = "add foreign key " + fk.name();
            if (sameName != null && !paired.contains(TableShape.key(sameName.name()))) {
                dropped.add(TableShape.key(sameName.name()));
                // Dropped first and added last (columns may change between): two steps, one change for people.
                description = redefinition(sameName, wanted.get(fk), fk.name());
                changes.add(new Change(Change.Kind.DROP_FOREIGN_KEY, table.name(), description,
                        List.of(ddl.dropForeignKey(have.qualifiedName(), sameName.name())), false, null));
            }
            changes.add(probes.foreignKey(new Change(Change.Kind.ADD_FOREIGN_KEY, table.name(), description,
                    List.of(ddl.addForeignKey(fk)), false, null), have, fk, renamed, live));
        }
        for (ForeignKeyShape existing : have.foreignKeys().values()) {
            String key = TableShape.key(existing.name());
            if (!paired.contains(key) && !dropped.contains(key)) {
                IndexShape own = have.indexes().get(key);
                boolean withIndex = own != null && ownIndexOfDroppedForeignKey(own) != null;
                // Dropped before a rename of the table: by the name it has now.
                String live = have.qualifiedName();
                List<String> statements = withIndex ? List.of(ddl.dropForeignKey(live, existing.name()),
                        ddl.dropIndex(live, own.name())) : List.of(ddl.dropForeignKey(live, existing.name()));
                changes.add(new Change(Change.Kind.DROP_FOREIGN_KEY, table.name(), "drop foreign key " + existing.name()
                        + (withIndex ? " and the index made for it" : "") + " (not in the model)", statements, false,
                        null));
            }
        }
    }

    /** {@code foreign key fk_orders_user: ON DELETE NO ACTION -> CASCADE}: what differs, old to new. */
    private String redefinition(ForeignKeyShape old, ForeignKeyShape now, String name) {
        if (now == null) {
            return "foreign key " + name + ": redefined";
        }
        List<String> what = new ArrayList<>();
        List<String> oldColumns = afterRenames(old.columns(), renamed);
        if (!oldColumns.equals(now.columns())) {
            what.add("columns " + list(old.columns()) + " -> " + list(now.columns()));
        }
        if (!live.naming().key(old.targetTable()).equals(live.naming().key(now.targetTable()))
                || !old.targetColumns().equals(now.targetColumns())) {
            what.add("references " + old.targetTable() + list(old.targetColumns()) + " -> " + now.targetTable()
                    + list(now.targetColumns()));
        }
        if (!old.onDelete().equals(now.onDelete())) {
            what.add("ON DELETE " + old.onDelete() + " -> " + now.onDelete());
        }
        if (!old.onUpdate().equals(now.onUpdate())) {
            what.add("ON UPDATE " + old.onUpdate() + " -> " + now.onUpdate());
        }
        return "foreign key " + name + ": " + (what.isEmpty() ? "redefined" : String.join("; ", what));
    }

    /** {@code unique key uk_users_email: (email) -> (email, tenant_id)}, or the kinds too where they differ. */
    private static String redefinition(IndexShape old, IndexShape now) {
        String kind = kind(now);
        if (kind.equals(kind(old))) {
            return kind + " " + now.name() + ": " + list(old.columns()) + " -> " + list(now.columns());
        }
        return kind + " " + now.name() + ": " + kind(old) + " " + list(old.columns()) + " -> " + kind + " "
                + list(now.columns());
    }

    private static String kind(IndexShape index) {
        return index.unique() ? "unique key" : index.fullText() ? "full-text index" : "index";
    }

    /** A primary key's columns, {@code (id)}, or {@code none}. */
    static String key(List<String> columns) {
        return columns.isEmpty() ? "none" : list(columns);
    }

    static String list(List<String> columns) {
        return "(" + String.join(", ", columns) + ")";
    }

    private Change renameForeignKey(ForeignKey fk, String existing) {
        if (!ddl.dialect().isMySqlFamily()) {
            return new Change(Change.Kind.RENAME_FOREIGN_KEY, table.name(), "rename foreign key " + existing + " to "
                    + fk.name(), List.of(ddl.renameConstraint(table.name(), existing, fk.name())), false, null);
        }
        // The index MySQL made for the old foreign key stays and serves the new one.
        return new Change(Change.Kind.RENAME_FOREIGN_KEY, table.name(), "rename foreign key " + existing + " to "
                + fk.name() + " (MySQL cannot rename a foreign key: it is dropped and added again, and the add copies"
                + " table " + table.name() + " and checks every row)",
                List.of(ddl.dropForeignKey(table.name(), existing), ddl.addForeignKey(fk)), false, null);
    }
}
