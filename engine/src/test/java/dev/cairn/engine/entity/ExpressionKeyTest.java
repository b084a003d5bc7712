package dev.cairn.engine.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.Batch;
import dev.cairn.engine.BatchResult;
import dev.cairn.engine.Database;
import dev.cairn.engine.DynamicTable;
import dev.cairn.engine.exception.DatabaseException;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.SchemaSyncException;
import dev.cairn.schema.SyncMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keys that an expression default computes ({@code uuid()}) come back from every write that returns rows, as
 * auto-increment keys do: persist, save, batch persists, inserts with {@code returning()}, upserts and tables by
 * name. The returned keys are those the database holds; other expression defaults come back filled.
 */
class ExpressionKeyTest {

    record Ticket(UUID id, String title, LocalDate createdOn) {
    }

    static final class Tickets extends Table<Ticket, UUID> {
        final Column<UUID> id = uuid("id").defaultExpression("uuid()").primaryKey();
        final Column<String> title = varchar("title", 50).notNull().unique();
        final Column<LocalDate> createdOn = date("created_on").defaultExpression("curdate()");

        Tickets() {
            super("dk_tickets");
        }
    }

    /** A text key: {@code CHAR(36) DEFAULT uuid()}. */
    static final class Codes extends Table<Row, String> {
        final Column<String> code = fixedChar("code", 36).defaultExpression("uuid()").primaryKey();
        final Column<String> name = varchar("name", 20);

        Codes() {
            super("dk_codes");
        }
    }

    /** A binary key: 16 bytes of a UUID. */
    static final class Blobs extends Table<Row, byte[]> {
        final Column<byte[]> id;
        final Column<String> name = varchar("name", 20);

        Blobs(boolean h2) {
            super("dk_blobs");
            id = binary("id", 16).defaultExpression(h2 ? "CAST(RANDOM_UUID() AS BINARY(16))"
                    : "unhex(replace(uuid(),'-',''))").primaryKey();
        }
    }

    /** A key computed from another column: the database evaluates it in the row, not alone. */
    static final class Derived extends Table<Row, Integer> {
        final Column<Integer> base = integer("base").notNull();
        final Column<Integer> n = integer("n").defaultExpression("(base * 2)").primaryKey();

        Derived() {
            super("dk_derived");
        }
    }

    private static boolean h2(TestDatabase t) {
        return t.target().equals("H2");
    }

    private static boolean postgres(TestDatabase t) {
        return t.target().equals("PostgreSQL");
    }

    private static String quoted(TestDatabase t, String name) {
        return h2(t) || postgres(t) ? "\"" + name + "\"" : "`" + name + "`";
    }

    /** The rows as a plain JDBC query reads them: each value as text (binary as hex), by the first column. */
    private static Map<String, List<String>> plain(TestDatabase t, String table, String... columns) throws Exception {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        String list = java.util.Arrays.stream(columns).map(c -> quoted(t, c)).collect(Collectors.joining(", "));
        try (Connection c = t.rawConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + list + " FROM " + quoted(t, table))) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns.length; i++) {
                    row.add(text(rs.getObject(i)));
                }
                rows.put(row.get(0), row.subList(1, row.size()));
            }
        }
        return rows;
    }

    private static String text(Object value) {
        return value instanceof byte[] b ? HexFormat.of().formatHex(b) : value == null ? null : value.toString().trim();
    }

    private static void execute(TestDatabase t, String sql) throws Exception {
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @DatabaseTest
    void persistAndSaveReturnTheKeyTheDatabaseHolds(TestDatabase t) throws Exception {
        Tickets tickets = new Tickets();
        Database db = t.open(Schema.of(tickets)).sync(SyncMode.APPLY_SAFE);

        Ticket a = db.persist(new Ticket(null, "a", null));
        assertThat(a.id()).isNotNull();
        assertThat(a.createdOn()).as("a non-key expression default comes back filled").isNotNull();
        assertThat(plain(t, "dk_tickets", "id", "title", "created_on"))
                .containsExactly(Map.entry(a.id().toString(), List.of("a", a.createdOn().toString())));
        assertThat(db.find(tickets, a.id())).isEqualTo(a);

        UUID own = UUID.randomUUID();
        Ticket b = db.persist(new Ticket(own, "b", null));
        assertThat(b.id()).as("a row that gives its key keeps it").isEqualTo(own);
        assertThat(b.createdOn()).isNotNull();

        Ticket c = db.save(new Ticket(null, "c", null));              // without its key: a persist
        assertThat(c.id()).isNotNull().isNotIn(a.id(), b.id());
        Ticket renamed = db.save(new Ticket(c.id(), "c2", c.createdOn()));   // with it: an upsert by key
        assertThat(renamed.id()).isEqualTo(c.id());
        assertThat(plain(t, "dk_tickets", "id", "title")).containsOnly(Map.entry(a.id().toString(), List.of("a")),
                Map.entry(own.toString(), List.of("b")), Map.entry(c.id().toString(), List.of("c2")));

        Ticket inTx = db.transactionResult(tx -> tx.persist(new Ticket(null, "d", null)));
        assertThat(db.find(tickets, inTx.id())).isEqualTo(inTx);
    }

    @DatabaseTest
    void batchPersistsAndInsertsReturningCarryTheStoredKeys(TestDatabase t) throws Exception {
        Tickets tickets = new Tickets();
        Database db = t.open(Schema.of(tickets)).sync(SyncMode.APPLY_SAFE);

        // More rows than one SELECT draws, and one row with its own key among them.
        UUID own = UUID.randomUUID();
        Batch batch = db.batch();
        List<Ticket> queued = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            queued.add(batch.persist(new Ticket(i == 7 ? own : null, "t" + i, null)));
        }
        BatchResult done = batch.flush();
        List<Ticket> stored = queued.stream().map(done::stored).toList();
        assertThat(stored.get(7).id()).isEqualTo(own);
        Map<String, List<String>> held = plain(t, "dk_tickets", "id", "title", "created_on");
        assertThat(held).hasSize(250);
        for (Ticket s : stored) {
            assertThat(held.get(s.id().toString())).as(s.title()).containsExactly(s.title(), s.createdOn().toString());
        }

        List<Ticket> returned = db.insertInto(tickets).rows(List.of(new Ticket(null, "r1", null),
                new Ticket(null, "r2", null))).returning();
        Ticket one = db.insertInto(tickets).row(new Ticket(null, "r3", null)).returning().get(0);
        held = plain(t, "dk_tickets", "id", "title");
        for (Ticket r : List.of(returned.get(0), returned.get(1), one)) {
            assertThat(held.get(r.id().toString())).as(r.title()).containsExactly(r.title());
            assertThat(r.createdOn()).isNotNull();
        }
        Set<UUID> ids = stored.stream().map(Ticket::id).collect(Collectors.toSet());
        assertThat(ids).hasSize(250).doesNotContain(returned.get(0).id(), returned.get(1).id(), one.id());

        // A plain insert without returning() leaves the key to the database's default.
        db.insertInto(tickets).row(new Ticket(null, "plain", null)).execute();
        assertThat(db.selectFrom(tickets).where(tickets.title.eq("plain")).one().id()).isNotNull();
    }

    @DatabaseTest
    void upsertsMatchOnTheDrawnKeyOrOnAUniqueKeyTheRowHas(TestDatabase t) throws Exception {
        Tickets tickets = new Tickets();
        Codes codes = new Codes();
        Database db = t.open(Schema.of(tickets, codes)).sync(SyncMode.APPLY_SAFE);

        // A row with no value for any key: the drawn primary key is what the upsert matches on, and returns.
        List<Row> drawn = db.insertInto(codes).rows(List.of(Row.builder(codes).set(codes.name, "k1").build(),
                Row.builder(codes).set(codes.name, "k2").build())).onDuplicateKeyUpdate(codes.name).returning();
        Row k1 = drawn.get(0);
        Row k1b = db.insertInto(codes).row(Row.builder(codes).set(codes.code, k1.get(codes.code)).set(codes.name, "k1b")
                .build()).onDuplicateKeyUpdate(codes.name).returning().get(0);
        assertThat(k1b.get(codes.code)).isEqualTo(k1.get(codes.code));
        assertThat(plain(t, "dk_codes", "code", "name")).containsOnly(Map.entry(k1.get(codes.code), List.of("k1b")),
                Map.entry(drawn.get(1).get(codes.code), List.of("k2")));

        Ticket first = db.insertInto(tickets).row(new Ticket(null, "u", null)).onDuplicateKeyUpdate(tickets.title)
                .returning().get(0);
        assertThat(first.id()).isNotNull();
        assertThat(plain(t, "dk_tickets", "id", "created_on"))
                .containsExactly(Map.entry(first.id().toString(), List.of(first.createdOn().toString())));
        // Without a key but with the unique title: the row is matched on the title and keeps its id.
        Ticket again = db.insertInto(tickets).row(new Ticket(null, "u", LocalDate.of(2020, 1, 2)))
                .onDuplicateKeyUpdate(tickets.createdOn).returning().get(0);
        assertThat(again).isEqualTo(new Ticket(first.id(), "u", LocalDate.of(2020, 1, 2)));
        Ticket byKey = db.insertInto(tickets).row(new Ticket(first.id(), "u2", null))
                .onDuplicateKeyUpdate(tickets.title).returning().get(0);
        assertThat(byKey.id()).isEqualTo(first.id());
        assertThat(plain(t, "dk_tickets", "id", "title"))
                .containsExactly(Map.entry(first.id().toString(), List.of("u2")));

        List<Ticket> many = db.insertInto(tickets).rows(List.of(new Ticket(null, "v1", null),
                new Ticket(null, "v2", null))).onDuplicateKeyUpdate(tickets.title).returning();
        Map<String, List<String>> held = plain(t, "dk_tickets", "id", "title");
        assertThat(held).hasSize(3);
        for (Ticket m : many) {
            assertThat(held.get(m.id().toString())).containsExactly(m.title());
        }
    }

    @DatabaseTest
    void textAndBinaryKeysAreReadAsTheirColumnsAre(TestDatabase t) throws Exception {
        Codes codes = new Codes();
        Blobs blobs = new Blobs(h2(t));
        Database db = t.open(Schema.of(codes, blobs)).sync(SyncMode.APPLY_SAFE);

        Row code = db.persist(Row.builder(codes).set(codes.name, "one").build());
        assertThat(code.get(codes.code)).hasSize(36);
        Row blob = db.persist(Row.builder(blobs).set(blobs.name, "one").build());
        assertThat(blob.get(blobs.id)).hasSize(16);

        List<Row> rows = db.insertInto(blobs).rows(List.of(Row.builder(blobs).set(blobs.name, "two").build(),
                Row.builder(blobs).set(blobs.name, "three").build())).returning();
        Map<String, List<String>> held = plain(t, "dk_blobs", "id", "name");
        assertThat(held).hasSize(3);
        for (Row r : List.of(blob, rows.get(0), rows.get(1))) {
            assertThat(held.get(HexFormat.of().formatHex(r.get(blobs.id)))).containsExactly(r.get(blobs.name));
        }
        assertThat(plain(t, "dk_codes", "code", "name")).containsExactly(Map.entry(code.get(codes.code), List.of("one")));
        assertThat(db.find(codes, code.get(codes.code))).isEqualTo(code);
    }

    @DatabaseTest
    void aTableByNameReturnsKeysItsDefinitionComputes(TestDatabase t) throws Exception {
        if (h2(t)) {
            execute(t, "CREATE TABLE \"dk_live\" (\"id\" UUID DEFAULT RANDOM_UUID() PRIMARY KEY,"
                    + " \"name\" VARCHAR(20), \"created_on\" DATE DEFAULT CURRENT_DATE)");
            execute(t, "CREATE TABLE \"dk_public\" (\"public_id\" CHAR(36) DEFAULT UUID(), \"name\" VARCHAR(20),"
                    + " CONSTRAINT \"uk_dk_public\" UNIQUE (\"public_id\"))");
            execute(t, "CREATE TABLE \"dk_numbered\" (\"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                    + " \"public_id\" CHAR(36) DEFAULT UUID() NOT NULL UNIQUE, \"name\" VARCHAR(20))");
        } else if (postgres(t)) {
            execute(t, "CREATE TABLE dk_live (id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,"
                    + " name varchar(20), created_on date DEFAULT CURRENT_DATE)");
            execute(t, "CREATE TABLE dk_public (public_id char(36) DEFAULT gen_random_uuid(), name varchar(20),"
                    + " CONSTRAINT uk_dk_public UNIQUE (public_id))");
            execute(t, "CREATE TABLE dk_numbered (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                    + " public_id char(36) NOT NULL DEFAULT gen_random_uuid() UNIQUE, name varchar(20))");
        } else {
            execute(t, "CREATE TABLE dk_live (id UUID NOT NULL DEFAULT uuid() PRIMARY KEY, name VARCHAR(20),"
                    + " created_on DATE DEFAULT (curdate()))");
            execute(t, "CREATE TABLE dk_public (public_id CHAR(36) DEFAULT (uuid()), name VARCHAR(20),"
                    + " UNIQUE KEY uk_dk_public (public_id))");
            execute(t, "CREATE TABLE dk_numbered (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                    + " public_id CHAR(36) NOT NULL DEFAULT (uuid()) UNIQUE, name VARCHAR(20))");
        }
        Database db = t.db();

        DynamicTable live = db.table("dk_live");
        Map<String, Object> row = live.persist(Map.of("name", "x"));
        assertThat(row.get("id")).isInstanceOf(UUID.class);
        assertThat(row.get("created_on")).isInstanceOf(LocalDate.class);
        assertThat(plain(t, "dk_live", "id", "name", "created_on"))
                .containsExactly(Map.entry(row.get("id").toString(), List.of("x", row.get("created_on").toString())));
        assertThat(live.find(row.get("id"))).isEqualTo(row);
        Map<String, Object> saved = live.save(Map.of("name", "y"));
        assertThat(saved.get("id")).isNotNull().isNotEqualTo(row.get("id"));

        DynamicTable pub = db.table("dk_public");   // no primary key: found again by its unique key
        Map<String, Object> p = pub.persist(Map.of("name", "p"));
        assertThat(p.get("public_id")).asString().hasSize(36);
        assertThat(plain(t, "dk_public", "public_id", "name")).containsExactly(Map.entry((String) p.get("public_id"),
                List.of("p")));

        DynamicTable numbered = db.table("dk_numbered");  // found again by its auto-increment key
        Map<String, Object> n = numbered.persist(Map.of("name", "n"));
        assertThat(plain(t, "dk_numbered", "id", "public_id")).containsExactly(Map.entry(String.valueOf(n.get("id")),
                List.of(Objects.toString(n.get("public_id")))));
    }

    @DatabaseTest
    void aKeyExpressionThatNamesAColumnIsAClearErrorAndWritesNothing(TestDatabase t) throws Exception {
        Derived derived = new Derived();
        boolean mySql = !h2(t) && !postgres(t);
        if (postgres(t)) {
            assertThatThrownBy(() -> t.open(Schema.of(derived)).sync(SyncMode.APPLY_SAFE))
                    .isInstanceOf(SchemaSyncException.class).hasMessageContaining("Table 'dk_derived', column 'n':"
                            + " its default (base * 2) reads column 'base', and PostgreSQL's DEFAULT can name no column");
            assertThatThrownBy(() -> t.db().table("dk_derived")).as("nothing was created")
                    .isInstanceOf(IllegalArgumentException.class);
        }
        // H2 and PostgreSQL take no column in a default: there the table is made by hand, and the model's
        // expression is what Cairn selects.
        if (!mySql) {
            execute(t, "CREATE TABLE \"dk_derived\" (\"base\" INT NOT NULL, \"n\" INT DEFAULT 0 PRIMARY KEY)");
        }
        Database db = t.open(Schema.of(derived));
        if (mySql) {
            db.sync(SyncMode.APPLY_SAFE);
        }
        assertThatThrownBy(() -> db.persist(Row.builder(derived).set(derived.base, 4).build()))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("Cannot insert into 'dk_derived' and find the row again: its key"
                        + " [dk_derived.n DEFAULT (base * 2)] is selected before the insert, and the database cannot"
                        + " evaluate it alone (");
        assertThat(plain(t, "dk_derived", "n")).isEmpty();

        // A statement that returns nothing leaves the key to the database, as before.
        db.insertInto(derived).row(Row.builder(derived).set(derived.base, 4).build()).execute();
        assertThat(plain(t, "dk_derived", "n", "base")).containsExactly(Map.entry(mySql ? "8" : "0", List.of("4")));
    }
}
