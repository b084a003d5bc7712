package dev.cairn.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Table;
import dev.cairn.engine.exception.CheckViolationException;
import dev.cairn.engine.exception.DatabaseException;
import dev.cairn.engine.exception.ForeignKeyViolationException;
import dev.cairn.engine.exception.NotNullViolationException;
import dev.cairn.engine.exception.UniqueViolationException;
import dev.cairn.engine.exception.ValueRejectedException;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Every kind of database error whose driver message can carry a value arrives in Cairn's own words: what happened,
 * the constraint, table and column, the SQLState; the value never. The live tables are narrower than the model
 * here (as after a drift), so that the database, not Cairn, refuses the values.
 */
class ErrorMessageTest {
    static final String SECRET = "ann.secret@example.com";

    public record Account(Long id, String email, Integer small, BigDecimal amount, String label, String day,
                          String required, Integer positive, Long parentId) {
        Account withEmail(String address) {
            return new Account(id, address, small, amount, label, day, required, positive, parentId);
        }
    }

    static final class Accounts extends Table<Account, Long> {
        static final Accounts ACCOUNTS = new Accounts();
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> email = varchar("email", 100).unique();
        final Column<Integer> small = integer("small");
        final Column<BigDecimal> amount = decimal("amount", 10, 2);
        final Column<String> label = varchar("label", 100);
        final Column<String> day = varchar("day", 100);
        final Column<String> required = varchar("required", 100);
        final Column<Integer> positive = integer("positive");
        final Column<Long> parentId = bigint("parent_id");

        private Accounts() {
            super("accounts");
        }
    }

    private static final Accounts A = Accounts.ACCOUNTS;

    private static void createLiveTables(Database db) throws Exception {
        boolean h2 = !db.dialect().isMySqlFamily();
        boolean postgres = db.dialect().family() == Dialect.Family.POSTGRES;
        String q = h2 ? "\"" : "`";
        // PostgreSQL's enum is a type of its own, declared before the table.
        String ddl = (postgres ? "CREATE TYPE [accounts_label] AS ENUM ('a','b');" : "")
                + "CREATE TABLE [parents] ([id] BIGINT PRIMARY KEY);"
                + "CREATE TABLE [accounts] ([id] BIGINT PRIMARY KEY, [email] VARCHAR(100), [small] SMALLINT,"
                + " [amount] DECIMAL(4,2), [label] " + (postgres ? "[accounts_label]" : "ENUM('a','b')") + ", [day] DATE, [required] VARCHAR(100) NOT NULL"
                + " DEFAULT 'x', [positive] INT, [parent_id] BIGINT,"
                + " CONSTRAINT [uk_accounts_email] UNIQUE ([email]),"
                + " CONSTRAINT [ck_accounts_positive] CHECK ([positive] > 0),"
                + " CONSTRAINT [fk_accounts_parent] FOREIGN KEY ([parent_id]) REFERENCES [parents] ([id]))";
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            for (String s : ddl.replace("[", q).replace("]", q).split(";")) {
                st.execute(s);
            }
            st.execute("INSERT INTO " + q + "parents" + q + " VALUES (1)");
        }
    }

    private static Account account(long id) {
        return new Account(id, "a" + id + "@x.io", 1, new BigDecimal("1.00"), "a", "2024-01-01", "r", 1, null);
    }

    private static void inWords(ThrowingCallable call, Class<? extends DatabaseException> type, String value,
                                String... names) {
        assertThatThrownBy(call).isInstanceOf(type).satisfies(e -> {
            DatabaseException d = (DatabaseException) e;
            assertThat(d.getMessage()).contains(names).contains("SQLState").doesNotContain(value);
            assertThat(d.sqlState()).isNotNull();
            assertThat(d.getCause()).isNotNull();
        });
    }

    @DatabaseTest
    void databaseErrorsAreTranslatedWithNamesAndWithoutValues(TestDatabase t) throws Exception {
        Database db = t.db();
        createLiveTables(db);
        db.insertInto(A).row(new Account(1L, SECRET, 1, new BigDecimal("1.00"), "a", "2024-01-01", "r", 1, null)).execute();

        // Duplicate primary key: H2 quotes the whole existing row, MySQL the key.
        inWords(() -> db.insertInto(A).row(account(1).withEmail("other@x.io")).execute(), UniqueViolationException.class, SECRET,
                "accounts", "primary key");
        inWords(() -> db.insertInto(A).row(account(2).withEmail(SECRET)).execute(), UniqueViolationException.class, SECRET,
                "accounts", "uk_accounts_email");
        inWords(() -> db.updateTable(A).set(A.small, 70_000).all().execute(), ValueRejectedException.class, "70000",
                "Value out of range", "small");
        inWords(() -> db.updateTable(A).set(A.amount, new BigDecimal("123.45")).all().execute(), ValueRejectedException.class,
                "123.45", "amount");
        inWords(() -> db.updateTable(A).set(A.label, "secret-label").all().execute(), ValueRejectedException.class,
                "secret-label", "accounts");
        inWords(() -> db.updateTable(A).set(A.day, "not-a-date-secret").all().execute(), ValueRejectedException.class,
                "not-a-date-secret", "accounts");
        inWords(() -> db.updateTable(A).set(A.required, (String) null).all().execute(), NotNullViolationException.class, "no value",
                "NULL not allowed", "required");
        inWords(() -> db.updateTable(A).set(A.positive, -987_654).all().execute(), CheckViolationException.class, "987654",
                "ck_accounts_positive", "accounts");
        inWords(() -> db.updateTable(A).set(A.parentId, 987_654L).all().execute(), ForeignKeyViolationException.class, "987654",
                "fk_accounts_parent", "parents", "accounts");
        db.updateTable(A).set(A.parentId, 1L).all().execute();
        inWords(() -> db.deleteFrom(Parents.PARENTS).all().execute(), ForeignKeyViolationException.class, SECRET,
                "fk_accounts_parent", "parents", "still referenced");
        assertThat(db.selectFrom(A).fetch()).singleElement().satisfies(a -> assertThat(a.email()).isEqualTo(SECRET));
        assertThat(db.selectFrom(Parents.PARENTS).count()).isEqualTo(1);
    }

    public record Parent(Long id) {
    }

    static final class Parents extends Table<Parent, Long> {
        static final Parents PARENTS = new Parents();
        final Column<Long> id = bigint("id").primaryKey();

        private Parents() {
            super("parents");
        }
    }

    @DatabaseTest
    void textTooLongForTheLiveColumnIsReportedWithoutIt(Database db) throws Exception {
        boolean h2 = !db.dialect().isMySqlFamily();
        String q = h2 ? "\"" : "`";
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + q + "notes" + q + " (" + q + "id" + q + " BIGINT PRIMARY KEY, " + q + "body" + q
                    + " VARCHAR(5))");
        }
        Notes n = Notes.NOTES;
        inWords(() -> db.insertInto(n).row(new Note(1L, "a-long-secret-text")).execute(), ValueRejectedException.class, "a-long-secret-text",
                "Value too long", "body");
        assertThat(db.selectFrom(n).count()).isZero();
    }

    public record Note(Long id, String body) {
    }

    static final class Notes extends Table<Note, Long> {
        static final Notes NOTES = new Notes();
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> body = varchar("body", 100);

        private Notes() {
            super("notes");
        }
    }

    @DatabaseTest
    void aDateTheServerCannotHoldIsRefusedBeforeSending(TestDatabase t) {
        Holidays h = Holidays.HOLIDAYS;
        Database db = t.open(dev.cairn.dsl.Schema.of(h)).createMissingTables();
        if (db.dialect().isMySqlFamily()) {
            assertThatThrownBy(() -> db.persist(new Holiday(1L, LocalDate.of(10_000, 1, 1),
                    java.time.Instant.parse("2038-01-19T03:14:08Z"))))
                    .isInstanceOf(ValueRejectedException.class).hasMessageContaining("holidays.day")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("10000"));
            assertThatThrownBy(() -> db.persist(new Holiday(1L, LocalDate.of(2000, 1, 1),
                    java.time.Instant.parse("2040-05-06T03:14:08Z"))))
                    .isInstanceOf(ValueRejectedException.class).hasMessageContaining("holidays.at")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("2040-05-06"));
        } else {
            Holiday far = db.persist(new Holiday(1L, LocalDate.of(10_000, 1, 1),
                    java.time.Instant.parse("2038-01-19T03:14:08Z")));
            assertThat(db.find(h, 1L)).isEqualTo(far);
        }
    }

    public record Holiday(Long id, LocalDate day, java.time.Instant at) {
    }

    static final class Holidays extends Table<Holiday, Long> {
        static final Holidays HOLIDAYS = new Holidays();
        final Column<Long> id = bigint("id").primaryKey();
        final Column<LocalDate> day = date("day");
        final Column<java.time.Instant> at = timestamp("at");

        private Holidays() {
            super("holidays");
        }
    }
}
