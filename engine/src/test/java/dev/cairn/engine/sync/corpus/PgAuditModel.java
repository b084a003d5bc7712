package dev.cairn.engine.sync.corpus;

import static dev.cairn.dsl.type.ReferentialAction.SET_NULL;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Index;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import java.time.Instant;
import java.util.List;

/**
 * The model of {@code corpus/postgres/audit.sql}: {@code accounts} in the connection's schema, the audit trail in a
 * schema of its own, whose name each run chooses (the dump's {@code audit}).
 */
final class PgAuditModel {
    final Accounts accounts = new Accounts();
    final Changes changes;
    final Schema schema;

    PgAuditModel(String auditSchema) {
        changes = new Changes(auditSchema + ".changes", accounts);
        schema = Schema.of(accounts, changes);
    }

    static final class Accounts extends Table<Row, Integer> {
        final Column<Integer> id = integer("id").autoIncrement().primaryKey();
        final Column<String> login = varchar("login", 60).notNull().unique("accounts_login_key");
        final Column<Boolean> active = bool("active").notNull().defaultValue(true);

        Accounts() {
            super("accounts");
        }
    }

    static final class Changes extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<Integer> accountId;
        final Column<String> tableName = varchar("table_name", 63).notNull();
        final Column<String> rowKey = varchar("row_key", 100).notNull();
        final Column<String> action = fixedChar("action", 1).notNull()
                .check("changes_action_check", a -> a.in(List.of("I", "U", "D")));
        final Column<String> oldRow = json("old_row");
        final Column<String> newRow = json("new_row");
        final Column<Instant> changedAt = timestamp("changed_at").notNull().defaultNow();
        final Index byRow = index("changes_table_name_row_key_idx", tableName, rowKey);

        Changes(String name, Accounts accounts) {
            super(name);
            accountId = integer("account_id").references("changes_account_id_fkey", () -> accounts.id)
                    .onDelete(SET_NULL);
        }
    }
}
