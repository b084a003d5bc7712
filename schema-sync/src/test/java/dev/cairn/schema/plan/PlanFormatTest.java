package dev.cairn.schema.plan;

import static dev.cairn.schema.Change.Kind.ADD_COLUMN;
import static dev.cairn.schema.Change.Kind.ADD_FOREIGN_KEY;
import static dev.cairn.schema.Change.Kind.ADD_UNIQUE;
import static dev.cairn.schema.Change.Kind.CREATE_TABLE;
import static dev.cairn.schema.Change.Kind.DROP_COLUMN;
import static dev.cairn.schema.Change.Kind.DROP_FOREIGN_KEY;
import static dev.cairn.schema.Change.Kind.DROP_UNIQUE;
import static dev.cairn.schema.Change.Kind.MODIFY_COLUMN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.schema.Change;
import dev.cairn.schema.OnlineDdl;
import dev.cairn.schema.ProbeResult;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.SyncReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan as people read it, from changes built directly: marks, pairs, probe, algorithm, counts. */
class PlanFormatTest {
    private static final String FK = "foreign key fk_orders_user: ON DELETE NO ACTION -> CASCADE";
    private static final String UK = "unique key uk_users_email: (email) -> (email, tenant_id)";

    static final Change DROP_FK = new Change(DROP_FOREIGN_KEY, "orders", FK,
            List.of("ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`"), false, null);
    static final Change DROP_UK = new Change(DROP_UNIQUE, "users", UK,
            List.of("ALTER TABLE `users` DROP INDEX `uk_users_email`"), true, null);
    static final Change ADD_AGE = new Change(ADD_COLUMN, "users", "add column `age` INT NULL",
            List.of("ALTER TABLE `users` ADD COLUMN `age` INT NULL"), false, null);
    static final Change ADD_CODE = new Change(ADD_COLUMN, "users", "add column `code` CHAR(3) NOT NULL", List.of(),
            false, "the table has rows and the column is NOT NULL without a default");
    static final Change NARROW = new Change(MODIFY_COLUMN, "users", "modify column name: type varchar(100) -> varchar(50)",
            List.of("ALTER TABLE `users` MODIFY COLUMN `name` VARCHAR(50) NOT NULL"), true, null)
            .withProbe(new ProbeResult("rows longer than 50 in name", 2, List.of("id=4", "id=9"), false))
            .withOnline(new OnlineDdl(OnlineDdl.Algorithm.COPY, true, 120000, null));
    static final Change DROP_LEGACY = new Change(DROP_COLUMN, "users", "drop column legacy (not in the model)",
            List.of("ALTER TABLE `users` DROP COLUMN `legacy`"), true, null);
    static final Change ADD_UK = new Change(ADD_UNIQUE, "users", UK,
            List.of("ALTER TABLE `users` ADD CONSTRAINT `uk_users_email` UNIQUE (`email`, `tenant_id`)"), true, null)
            .withProbe(new ProbeResult("rows with duplicate (email, tenant_id)", 0, List.of(), false))
            .withOnline(new OnlineDdl(OnlineDdl.Algorithm.INPLACE, false, 120000, null));
    static final Change CREATE = new Change(CREATE_TABLE, "tags", "create table tags",
            List.of("CREATE TABLE `tags` (`id` BIGINT NOT NULL, PRIMARY KEY (`id`))"), false, null);
    static final Change ADD_FK = new Change(ADD_FOREIGN_KEY, "orders", FK,
            List.of("ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users`"
                    + " (`id`) ON DELETE CASCADE"), false, null);
    /** In plan order: drops first, foreign keys added last. */
    static final List<Change> PLAN = List.of(DROP_FK, DROP_UK, CREATE, ADD_AGE, ADD_CODE, NARROW, DROP_LEGACY, ADD_UK,
            ADD_FK);

    private static SyncReport report(SyncMode mode, List<Change> applied, List<Change> skipped) {
        return new SyncReport(mode, PLAN, applied, skipped, List.of(ADD_CODE));
    }

    @Test
    void theTextPlanIsGroupedByTableWithOneLineForARedefinedConstraint() {
        assertThat(report(SyncMode.DRY_RUN, List.of(), List.of()).planText()).isEqualTo("""
                orders
                  ~ foreign key fk_orders_user: ON DELETE NO ACTION -> CASCADE  [safe]
                      ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`;
                      ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE;
                users
                  ~ unique key uk_users_email: (email) -> (email, tenant_id)  [destructive]
                      probe: 0 rows with duplicate (email, tenant_id)
                      algorithm: INPLACE, ~120k rows
                      ALTER TABLE `users` DROP INDEX `uk_users_email`;
                      ALTER TABLE `users` ADD CONSTRAINT `uk_users_email` UNIQUE (`email`, `tenant_id`);
                  + add column `age` INT NULL  [safe]
                      ALTER TABLE `users` ADD COLUMN `age` INT NULL;
                  ! add column `code` CHAR(3) NOT NULL  [refused: the table has rows and the column is NOT NULL without a default]
                  ~ modify column name: type varchar(100) -> varchar(50)  [destructive]
                      probe: 2 rows longer than 50 in name (id=4, id=9)
                      algorithm: COPY, blocks writes, ~120k rows
                      ALTER TABLE `users` MODIFY COLUMN `name` VARCHAR(50) NOT NULL;
                  - drop column legacy (not in the model)  [destructive]
                      ALTER TABLE `users` DROP COLUMN `legacy`;
                tags
                  + create table tags  [safe]
                      CREATE TABLE `tags` (`id` BIGINT NOT NULL, PRIMARY KEY (`id`));

                2 to add, 3 to change, 1 to destroy, 1 refused; nothing applied (dry run)""");
    }

    @Test
    void aDryRunLeavesNothingOutAndApplySafeLeavesOutOnlyTheDestructive() {
        assertThat(report(SyncMode.DRY_RUN, List.of(), List.of())).hasToString(
                "DRY_RUN: 2 to add, 3 to change, 1 to destroy, 1 refused; nothing applied (dry run)");
        assertThat(report(SyncMode.VALIDATE, List.of(), List.of())).hasToString(
                "VALIDATE: 2 to add, 3 to change, 1 to destroy, 1 refused; nothing applied (validate)");
        List<Change> safe = List.of(DROP_FK, CREATE, ADD_AGE, ADD_FK);
        SyncReport applySafe = report(SyncMode.APPLY_SAFE, safe, List.of(DROP_UK, NARROW, DROP_LEGACY, ADD_UK));
        assertThat(applySafe).hasToString("APPLY_SAFE: 2 to add, 3 to change, 1 to destroy, 1 refused; 3 applied,"
                + " 3 left out as destructive (only APPLY_ALL applies them)");
        assertThat(applySafe.planText()).contains("  + add column `age` INT NULL  [safe, applied]\n",
                "  - drop column legacy (not in the model)  [destructive, left out]\n",
                "  ! add column `code` CHAR(3) NOT NULL  [refused: the table has rows");
        List<Change> all = PLAN.stream().filter(c -> !c.isRefused()).toList();
        assertThat(report(SyncMode.APPLY_ALL, all, List.of())).hasToString(
                "APPLY_ALL: 2 to add, 3 to change, 1 to destroy, 1 refused; 6 applied");
        assertThat(report(SyncMode.APPLY_ALL, all, List.of()).hasRemainingDrift()).isTrue();
        assertThat(new SyncReport(SyncMode.APPLY_ALL, all, all, List.of(), List.of()).hasRemainingDrift()).isFalse();
        assertThat(report(SyncMode.DRY_RUN, List.of(), List.of()).hasRemainingDrift()).isTrue();
    }

    @Test
    void theReadmesSamplePlanIsWhatThePlanSays() {
        String reason = "the table has rows and the column is NOT NULL without a default; give it a default, or add"
                + " it nullable, fill it, then make it NOT NULL";
        Change uk = new Change(ADD_UNIQUE, "users", "add unique key uk_users_email [email]",
                List.of("ALTER TABLE `users` ADD CONSTRAINT `uk_users_email` UNIQUE (`email`)"), false, null)
                .withProbe(new ProbeResult("rows with duplicate (email)", 0, List.of(), false))
                .withOnline(new OnlineDdl(OnlineDdl.Algorithm.INPLACE, false, 120000, null));
        List<Change> plan = List.of(DROP_FK, ADD_AGE, ADD_CODE.with(false, reason), DROP_LEGACY, uk, ADD_FK);
        assertThat(new SyncReport(SyncMode.DRY_RUN, plan, List.of(), List.of(), List.of()).planText()).isEqualTo("""
                orders
                  ~ foreign key fk_orders_user: ON DELETE NO ACTION -> CASCADE  [safe]
                      ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`;
                      ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE;
                users
                  + add column `age` INT NULL  [safe]
                      ALTER TABLE `users` ADD COLUMN `age` INT NULL;
                  ! add column `code` CHAR(3) NOT NULL  [refused: %s]
                  - drop column legacy (not in the model)  [destructive]
                      ALTER TABLE `users` DROP COLUMN `legacy`;
                  + add unique key uk_users_email [email]  [safe]
                      probe: 0 rows with duplicate (email)
                      algorithm: INPLACE, ~120k rows
                      ALTER TABLE `users` ADD CONSTRAINT `uk_users_email` UNIQUE (`email`);

                2 to add, 1 to change, 1 to destroy, 1 refused; nothing applied (dry run)""".formatted(reason));
    }

    @Test
    void anEmptyPlanSaysSo() {
        SyncReport none = new SyncReport(SyncMode.APPLY_SAFE, List.of(), List.of(), List.of(), List.of());
        assertThat(none.planText()).isEqualTo("No changes: the database matches the model.");
        assertThat(none).hasToString("APPLY_SAFE: no changes");
        assertThat(none.planMarkdown()).isEqualTo("### Schema plan: no changes\n\nThe database matches the model.\n");
    }

    @Test
    void theMarkdownPlanHasATableOfChangesAndTheSqlOfEachTable() {
        String md = report(SyncMode.DRY_RUN, List.of(), List.of()).planMarkdown();
        assertThat(md).startsWith("""
                ### Schema plan: 2 to add, 3 to change, 1 to destroy, 1 refused

                DRY_RUN: nothing applied (dry run).

                #### orders

                | | Change | Safety |
                |---|---|---|
                | `~` | foreign key fk_orders_user: ON DELETE NO ACTION -> CASCADE | safe |

                <details><summary>SQL</summary>

                ```sql
                ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`;
                ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE;
                ```

                </details>

                #### users
                """);
        assertThat(md).contains("| `~` | unique key uk_users_email: (email) -> (email, tenant_id)<br>probe: 0 rows with"
                        + " duplicate (email, tenant_id)<br>algorithm: INPLACE, ~120k rows | **destructive** |\n",
                "| `!` | add column `code` CHAR(3) NOT NULL | **refused**: the table has rows and the column is NOT NULL"
                        + " without a default |\n");
        assertThat(md.lines().filter(l -> l.startsWith("#### "))).containsExactly("#### orders", "#### users",
                "#### tags");
        assertThat(md.lines().filter(l -> l.equals("```sql"))).hasSize(3);
    }

    @Test
    void aDropAndAnAddAreOneChangeOnlyForTheSameTableAndWords() {
        Change dropOther = new Change(DROP_UNIQUE, "accounts", UK, List.of("x"), true, null);
        assertThat(PlanItem.of(List.of(dropOther, ADD_UK))).extracting(PlanItem::action)
                .containsExactly(PlanItem.Action.DESTROY, PlanItem.Action.ADD);
        assertThat(PlanItem.of(List.of(DROP_UK, ADD_UK))).singleElement().satisfies(i -> {
            assertThat(i.action()).isEqualTo(PlanItem.Action.CHANGE);
            assertThat(i.statements()).containsExactly(DROP_UK.statements().get(0), ADD_UK.statements().get(0));
        });
    }
}
