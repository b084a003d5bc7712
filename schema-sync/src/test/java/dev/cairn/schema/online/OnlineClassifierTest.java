package dev.cairn.schema.online;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dialect.Dialect;
import dev.cairn.schema.Change;
import dev.cairn.schema.OnlineDdl;
import dev.cairn.schema.OnlineDdl.Algorithm;
import dev.cairn.schema.shape.ColumnShape;
import dev.cairn.schema.shape.SchemaShape;
import dev.cairn.schema.shape.TableNaming;
import dev.cairn.schema.shape.TableShape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Classifying a plan: the clauses written into its statements, the row counts, and the limit on blocking. */
class OnlineClassifierTest {
    private static final TableNaming NAMING = TableNaming.mysql(0, "app");

    private static SchemaShape shape(String qtyType) {
        SchemaShape s = new SchemaShape(NAMING);
        TableShape t = s.getOrAdd("orders");
        t.engine("InnoDB");
        t.addColumn(new ColumnShape("id", "bigint", false, null, false, false));
        t.addColumn(new ColumnShape("qty", qtyType, true, null, false, false));
        t.primaryKey(List.of("id"));
        return s;
    }

    private static List<Change> classify(String version, long rows, long max, Change... plan) {
        SchemaShape live = shape("int");
        SchemaShape desired = shape("bigint");
        desired.table("orders").addColumn(new ColumnShape("z", "int", true, null, false, false));
        return new OnlineClassifier(ServerVersion.parse(Dialect.Family.MYSQL, version), live, desired,
                Map.of(NAMING.key(null, "orders"), rows), max).classify(List.of(plan));
    }

    private static final Change WIDEN = new Change(Change.Kind.MODIFY_COLUMN, "orders", "modify column qty: type int"
            + " -> bigint", List.of("ALTER TABLE `orders` MODIFY COLUMN `qty` BIGINT NULL"), false, null);
    private static final Change ADD = new Change(Change.Kind.ADD_COLUMN, "orders", "add column `z` INT NULL",
            List.of("ALTER TABLE `orders` ADD COLUMN `z` INT NULL"), false, null);
    private static final Change INDEX = new Change(Change.Kind.ADD_INDEX, "orders", "add index ix_qty [qty]",
            List.of("CREATE INDEX `ix_qty` ON `orders` (`qty`)"), false, null);
    private static final Change DROP_INDEX = new Change(Change.Kind.DROP_INDEX, "orders", "drop index ix_old [qty]",
            List.of("DROP INDEX `ix_old` ON `orders`"), true, null);
    private static final Change CREATE = new Change(Change.Kind.CREATE_TABLE, "lines", "create table lines",
            List.of("CREATE TABLE `lines` (`id` BIGINT NOT NULL, PRIMARY KEY (`id`))"), false, null);

    @Test
    void eachStatementDemandsTheAlgorithmItsChangeIsClassifiedAs() {
        List<Change> plan = classify("8.0.36", 1_234_567, Long.MAX_VALUE, DROP_INDEX, CREATE, ADD, WIDEN, INDEX);
        assertThat(plan).extracting(Change::statements).containsExactly(
                List.of("DROP INDEX `ix_old` ON `orders`"),
                List.of("CREATE TABLE `lines` (`id` BIGINT NOT NULL, PRIMARY KEY (`id`))"),
                List.of("ALTER TABLE `orders` ADD COLUMN `z` INT NULL, ALGORITHM=INSTANT"),
                List.of("ALTER TABLE `orders` MODIFY COLUMN `qty` BIGINT NULL"),
                List.of("CREATE INDEX `ix_qty` ON `orders` (`qty`) ALGORITHM=INPLACE LOCK=NONE"));
        assertThat(plan).extracting(c -> c.online().toString()).containsExactly("INPLACE, ~1.2M rows",
                "INSTANT, ~0 rows", "INSTANT, ~1.2M rows", "COPY, blocks writes, ~1.2M rows", "INPLACE, ~1.2M rows");
        assertThat(classify("5.7.44", 10, Long.MAX_VALUE, ADD).get(0).statements())
                .containsExactly("ALTER TABLE `orders` ADD COLUMN `z` INT NULL, ALGORITHM=INPLACE, LOCK=NONE");
    }

    @Test
    void aChangeThatBlocksWritesToMoreRowsThanAllowedIsRefusedWithTheWayToApplyIt() {
        Change refused = classify("8.0.36", 5_000, 1_000, WIDEN).get(0);
        assertThat(refused.refusal()).isEqualTo("blocks writes to orders (~5000 rows, more than the 1000 this sync"
                + " allows) while it runs: the column's type changes: every row is converted with a copy of the table."
                + " Apply it when a pause in writes is acceptable, from the command line: SchemaSyncCli --mode"
                + " apply-safe (or apply-all)");
        assertThat(classify("8.0.36", 1_000, 1_000, WIDEN).get(0).isRefused()).as("at the limit").isFalse();
        assertThat(classify("8.0.36", 5_000, 1_000, ADD).get(0).isRefused()).as("instant").isFalse();
    }

    @Test
    void rowCountsAreShownRounded() {
        assertThat(new OnlineDdl(Algorithm.INPLACE, false, 1_234_567, null)).hasToString("INPLACE, ~1.2M rows");
        assertThat(new OnlineDdl(Algorithm.COPY, true, 5_400, null)).hasToString("COPY, blocks writes, ~5400 rows");
        assertThat(new OnlineDdl(Algorithm.NOCOPY, false, 12_345, null)).hasToString("NOCOPY, ~12k rows");
        assertThat(new OnlineDdl(Algorithm.INSTANT, false, 1, null)).hasToString("INSTANT, ~1 row");
        assertThat(new OnlineDdl(Algorithm.INSTANT, false, -1, null)).hasToString("INSTANT");
        assertThat(new OnlineDdl(Algorithm.COPY, true, 3_000_000, null)).hasToString("COPY, blocks writes, ~3M rows");
    }

    @Test
    void identifiersAreReadFromCairnsOwnQuoting() {
        assertThat(Clauses.identifierAfter("ALTER TABLE `t` DROP COLUMN `a``b`", " DROP COLUMN ")).isEqualTo("a`b");
        assertThat(Clauses.identifierAfter("ALTER TABLE `t` DROP COLUMN a", " DROP COLUMN ")).isNull();
    }
}
