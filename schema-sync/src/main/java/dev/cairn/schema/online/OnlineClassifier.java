package dev.cairn.schema.online;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.type.Identifiers;
import dev.cairn.schema.Change;
import dev.cairn.schema.OnlineDdl;
import dev.cairn.schema.diff.DesiredShape;
import dev.cairn.schema.shape.ColumnShape;
import dev.cairn.schema.shape.SchemaShape;
import dev.cairn.schema.shape.TableShape;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Says of each planned change how MySQL/MariaDB will run it ({@link OnlineDdl}), and writes that into its statements
 * as {@code ALGORITHM=} and {@code LOCK=NONE} clauses, so that where the rule were wrong the server refuses the
 * statement rather than copy the table unannounced. A change that blocks writes to a table of more rows than the
 * sync allows is refused for this sync, with the reason and the way to apply it from the command line.
 */
public final class OnlineClassifier {
    private final OnlineRules rules;
    private final SchemaShape live;
    private final SchemaShape desired;
    private final Map<String, Long> rows;
    private final long maxBlockingRows;
    /** Tables renamed by the plan: the live table, by the key of its new name. */
    private final Map<String, TableShape> renamedTables = new HashMap<>();
    /** Columns renamed by the plan: the live name, by table and lower-case new name. */
    private final Map<String, String> renamedColumns = new HashMap<>();
    /** Indexes the plan drops (first, by the order of kinds), by table key: later changes find them gone. */
    private final Map<String, Set<String>> droppedIndexes = new HashMap<>();

    OnlineClassifier(ServerVersion server, SchemaShape live, SchemaShape desired, Map<String, Long> rows,
                     long maxBlockingRows) {
        this.rules = new OnlineRules(server);
        this.live = live;
        this.desired = desired;
        this.rows = rows;
        this.maxBlockingRows = maxBlockingRows;
    }

    /**
     * The plan with each change classified, on MySQL/MariaDB; unchanged elsewhere. Reads the server's version from
     * the connection and the tables' estimated rows in one query.
     *
     * @param maxBlockingRows changes that block writes to a table of more (estimated) rows are refused
     */
    public static List<Change> classify(Connection c, Dialect dialect, Schema model, SchemaShape live,
                                        List<Change> plan, long maxBlockingRows) throws SQLException {
        if (!dialect.isMySqlFamily() || plan.isEmpty()) {
            return plan;
        }
        ServerVersion server = ServerVersion.of(dialect, c.getMetaData());
        Map<String, Long> rows = RowCounts.read(c, live.naming(), new ArrayList<>(DesiredShape.otherSchemas(model)));
        SchemaShape desired = DesiredShape.of(model, dialect, live.naming());
        return new OnlineClassifier(server, live, desired, rows, maxBlockingRows).classify(plan);
    }

    List<Change> classify(List<Change> plan) {
        for (Change change : plan) {
            if (change.kind() == Change.Kind.RENAME_TABLE) {
                String prefix = "rename table ";
                String suffix = " to " + change.table();
                String d = change.description();
                if (d.startsWith(prefix) && d.endsWith(suffix)) {
                    TableShape former = table(d.substring(prefix.length(), d.length() - suffix.length()));
                    if (former != null) {
                        renamedTables.put(live.naming().key(change.table()), former);
                    }
                }
            } else if (change.kind().ordinal() <= Change.Kind.DROP_UNIQUE.ordinal()) {
                for (String sql : change.statements()) {
                    String index = Clauses.identifierAfter(sql, "DROP INDEX ");
                    if (index != null) {
                        droppedIndexes.computeIfAbsent(live.naming().key(change.table()), k -> new HashSet<>())
                                .add(TableShape.key(index));
                    }
                }
            } else if (change.kind() == Change.Kind.RENAME_COLUMN && change.statements().size() == 1) {
                String sql = change.statements().get(0);
                String from = Clauses.identifierAfter(sql, " RENAME COLUMN ");
                String to = Clauses.identifierAfter(sql, " TO ");
                if (from != null && to != null) {
                    renamedColumns.put(columnKey(change.table(), to), from);
                }
            }
        }
        List<Change> out = new ArrayList<>(plan.size());
        for (Change change : plan) {
            out.add(classify(change));
        }
        return out;
    }

    private TableShape table(String declared) {
        return live.table(Identifiers.schemaOf(declared), Identifiers.unqualified(declared));
    }

    private Change classify(Change change) {
        TableShape have = table(change.table());
        if (have == null) {
            have = renamedTables.get(live.naming().key(change.table()));
        }
        Set<String> dropped = droppedIndexes.get(live.naming().key(change.table()));
        if (have != null && dropped != null && change.kind().ordinal() > Change.Kind.DROP_UNIQUE.ordinal()) {
            have = withoutIndexes(have, dropped);
        }
        TableShape want = desired.table(Identifiers.schemaOf(change.table()), Identifiers.unqualified(change.table()));
        boolean tableStatement = switch (change.kind()) {
            case CREATE_TABLE, DROP_TABLE, RENAME_TABLE -> true;
            default -> false;
        };
        Verdict engine = have == null || tableStatement ? null : rules.engine(have);
        List<String> statements = new ArrayList<>();
        Verdict whole = null;
        for (String sql : change.statements()) {
            Verdict v = engine != null ? engine : tableStatement ? rules.tableStatement()
                    : statement(change, sql, have == null ? new TableShape(change.table()) : have, want);
            whole = whole == null ? v : whole.and(v);
            statements.add(tableStatement ? sql : Clauses.append(sql, v));
        }
        if (whole == null) {
            return change;
        }
        // A table the plan creates has no rows yet.
        long n = have == null ? 0 : rows.getOrDefault(live.key(have), -1L);
        Change out = change.withOnline(new OnlineDdl(whole.algorithm(), whole.blocksWrites(), n, whole.reason()))
                .withStatements(statements);
        if (whole.blocksWrites() && n > maxBlockingRows && !out.isRefused()) {
            out = out.with(out.destructive(), "blocks writes to " + change.table() + " (~" + n + " rows, more than"
                    + " the " + maxBlockingRows + " this sync allows) while it runs"
                    + (whole.reason() == null ? "" : ": " + whole.reason()) + ". Apply it when a pause in writes"
                    + " is acceptable, from the command line: SchemaSyncCli --mode apply-safe (or apply-all)");
        }
        return out;
    }

    private static TableShape withoutIndexes(TableShape have, Set<String> dropped) {
        TableShape t = new TableShape(have.schema(), have.name());
        have.columns().forEach(t::addColumn);
        t.primaryKey(have.primaryKey());
        have.indexes().values().stream().filter(ix -> !dropped.contains(TableShape.key(ix.name()))).forEach(t::addIndex);
        have.foreignKeys().values().forEach(t::addForeignKey);
        t.engine(have.engine());
        t.options(have.charset(), have.collation(), have.comment());
        return t;
    }

    private Verdict statement(Change change, String sql, TableShape have, TableShape want) {
        return switch (change.kind()) {
            case DROP_FOREIGN_KEY -> sql.startsWith("DROP INDEX ") ? rules.dropIndex() : rules.dropForeignKey();
            case DROP_CHECK -> sql.contains(" MODIFY COLUMN ") ? modify(change, sql, have, want, rules.dropCheck()) : rules.dropCheck();
            case DROP_INDEX, DROP_UNIQUE -> rules.dropIndex();
            case CREATE_TABLE, DROP_TABLE, RENAME_TABLE -> rules.tableStatement();
            case MODIFY_TABLE -> rules.tableOptions(change.description().contains("character set ")
                    || change.description().contains("collation "));
            case RENAME_COLUMN -> rules.renameColumn();
            case ADD_COLUMN -> {
                ColumnShape added = want == null ? null : want.column(Clauses.identifierAfter(sql, " ADD COLUMN "));
                yield added == null ? unknown() : rules.addColumn(have, added);
            }
            case MODIFY_COLUMN -> modify(change, sql, have, want, null);
            case MODIFY_PRIMARY_KEY -> sql.endsWith(" DROP PRIMARY KEY") ? rules.dropPrimaryKey()
                    : rules.addPrimaryKey(have);
            case DROP_COLUMN -> rules.dropColumn(have, Clauses.identifierAfter(sql, " DROP COLUMN "));
            case RENAME_INDEX -> rules.renameIndex();
            case RENAME_CHECK -> sql.contains(" MODIFY COLUMN ") ? modify(change, sql, have, want, rules.dropCheck())
                    : sql.contains(" DROP CONSTRAINT ") ? rules.dropCheck() : rules.addCheck();
            case ADD_INDEX -> rules.addIndex(have, sql.startsWith("CREATE FULLTEXT "));
            case ADD_UNIQUE -> rules.addIndex(have, false);
            case ADD_CHECK -> rules.addCheck();
            case RENAME_FOREIGN_KEY -> sql.contains(" DROP FOREIGN KEY ") ? rules.dropForeignKey()
                    : rules.addForeignKey();
            case ADD_FOREIGN_KEY -> rules.addForeignKey();
        };
    }

    /**
     * Redefining a column. {@code sameColumn} is the verdict where nothing of the column itself changes: MariaDB's
     * check written in a column's definition goes by redefining the column without it.
     */
    private Verdict modify(Change change, String sql, TableShape have, TableShape want, Verdict sameColumn) {
        String name = Clauses.identifierAfter(sql, " MODIFY COLUMN ");
        ColumnShape to = want == null || name == null ? null : want.column(name);
        ColumnShape from = name == null ? null : have.column(name);
        if (from == null && name != null) {
            String former = renamedColumns.get(columnKey(change.table(), name));
            from = former == null ? null : have.column(former);
        }
        if (from == null || to == null) {
            return unknown();
        }
        return sameColumn != null && to.differences(from).isEmpty() ? sameColumn : rules.modifyColumn(have, from, to);
    }

    private String columnKey(String table, String column) {
        return live.naming().key(table) + "\u0000" + TableShape.key(column);
    }

    private static Verdict unknown() {
        return Verdict.copy("not recognised: assumed to copy the table");
    }

}
