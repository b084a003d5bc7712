package dev.cairn.engine;

import static dev.cairn.engine.model.Ledger.LEDGER;
import static dev.cairn.engine.model.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.query.Changes;
import dev.cairn.dsl.query.Key;
import dev.cairn.engine.exception.NotUniqueException;
import dev.cairn.engine.exception.QueryTimeoutException;
import dev.cairn.engine.exception.ValueRejectedException;
import dev.cairn.engine.model.Ledger.Entry;
import dev.cairn.engine.model.Posts;
import dev.cairn.engine.model.Users.User;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Every value is stored exactly or refused with an error naming table and column, never the value. */
class ValueIntegrityTest {
    private static final String LONE = "x\uD800y";
    private static final String LONE_LOW = "\uDC00tail";

    private static void refused(ThrowingCallable call, String column, String value) {
        assertThatThrownBy(call)
                .isInstanceOf(ValueRejectedException.class)
                .hasMessageContaining(column)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(value));
    }

    @DatabaseTest
    void unpairedSurrogatesAreRefusedInEveryPositionAndPairsAreKept(TestDatabase t) {
        Database db = t.open(Schema.of(LEDGER)).createMissingTables();
        Entry decoy = db.persist(Entry.of("decoy").withNote("x?y"));
        Entry emoji = db.persist(Entry.of("emoji").withNote("x\uD83D\uDE00y"));

        refused(() -> db.persist(Entry.of("a").withNote(LONE)), "ledger.note", LONE);
        refused(() -> db.persist(Entry.of("b").withNote(LONE_LOW)), "ledger.note", LONE_LOW);
        refused(() -> db.insertInto(LEDGER).rows(List.of(Entry.of("c"), Entry.of(LONE))).execute(), "ledger.code", LONE);
        refused(() -> db.batch(b -> b.persist(Entry.of("d").withNote(LONE))), "ledger.note", LONE);
        refused(() -> db.updateTable(LEDGER).set(LEDGER.note, LONE).where(LEDGER.id.eq(decoy.id())).execute(),
                "ledger.note", LONE);
        refused(() -> db.update(LEDGER, decoy.id(), Changes.of(LEDGER.note, LONE)), "ledger.note", LONE);
        refused(() -> db.update(decoy.withNote(LONE)), "ledger.note", LONE);
        refused(() -> db.save(decoy.withNote(LONE)), "ledger.note", LONE);
        refused(() -> db.table("ledger").persist(Map.of("code", "e", "note", LONE)), "ledger.note", LONE);
        // Compared values: sent as '?', they would match the decoy.
        refused(() -> db.selectFrom(LEDGER).where(LEDGER.note.eq(LONE)).fetch(), "ledger.note", LONE);
        refused(() -> db.selectFrom(LEDGER).where(LEDGER.note.in(List.of("z", LONE))).count(), "ledger.note", LONE);
        refused(() -> db.selectFrom(LEDGER).where(LEDGER.note.startsWith(LONE)).fetch(), "ledger.note", LONE);
        refused(() -> db.selectFrom(LEDGER).where(LEDGER.note.like(LONE)).fetch(), "ledger.note", LONE);
        refused(() -> db.find(LEDGER, LEDGER.code, LONE), "ledger.code", LONE);
        refused(() -> db.remove(LEDGER, Key.of(LEDGER.code, LONE)), "ledger.code", LONE);
        refused(() -> db.selectFrom(LEDGER).where(Condition.raw("note = ?", LONE)).fetch(), "raw condition", LONE);

        assertThat(db.selectFrom(LEDGER).fetch()).containsExactlyInAnyOrder(decoy, emoji);
        assertThat(db.selectFrom(LEDGER).where(LEDGER.note.eq("x\uD83D\uDE00y")).one()).isEqualTo(emoji);
    }

    @DatabaseTest
    void decimalsWithMoreDigitsThanTheScaleAreRefusedUnlessTheColumnRounds(TestDatabase t) {
        Database db = t.open(Schema.of(LEDGER)).createMissingTables();
        Entry kept = db.persist(Entry.of("kept").withAmount(new BigDecimal("1.500")));
        assertThat(kept.amount()).isEqualTo(new BigDecimal("1.50"));

        refused(() -> db.persist(Entry.of("a").withAmount(new BigDecimal("1.005"))), "ledger.amount", "1.005");
        refused(() -> db.persist(Entry.of("b").withAmount(new BigDecimal("1E-10"))), "ledger.amount", "1E-10");
        refused(() -> db.persist(new Entry(null, "c", null, null, null, new BigDecimal("0.5"), null, null,
                null)), "ledger.big", "0.5");
        refused(() -> db.persist(Entry.of("d").withAmount(new BigDecimal("123456789.5"))), "ledger.amount",
                "123456789");
        refused(() -> db.updateTable(LEDGER).set(LEDGER.amount, new BigDecimal("2.001")).all().execute(), "ledger.amount",
                "2.001");
        refused(() -> db.update(LEDGER, kept.id(), Changes.of(LEDGER.amount, new BigDecimal("2.001"))), "ledger.amount",
                "2.001");
        refused(() -> db.update(kept.withAmount(new BigDecimal("2.001"))), "ledger.amount", "2.001");
        assertThat(db.selectFrom(LEDGER).fetch()).containsExactly(kept);

        // A column that declares its rounding rounds before sending; the returned row holds what is stored.
        Entry rounded = db.persist(Entry.of("r").withRounded(new BigDecimal("1.005")));
        assertThat(rounded.rounded()).isEqualTo(new BigDecimal("1.00"));
        assertThat(db.find(LEDGER, rounded.id()).rounded()).isEqualTo(new BigDecimal("1.00"));
        Entry updated = db.update(rounded.withRounded(new BigDecimal("2.675")));
        assertThat(updated.rounded()).isEqualTo(new BigDecimal("2.68"));
        db.updateTable(LEDGER).set(LEDGER.rounded, new BigDecimal("3.125")).where(LEDGER.id.eq(rounded.id())).execute();
        assertThat(db.find(LEDGER, rounded.id()).rounded()).isEqualTo(new BigDecimal("3.12"));
        // Comparisons keep their digits: nothing is stored.
        assertThat(db.selectFrom(LEDGER).where(LEDGER.amount.lt(new BigDecimal("1.5001"))).fetch()).containsExactly(kept);
    }

    @DatabaseTest
    void integersBeyondLongAreConvertedExactlyOrRefusedNeverWrapped(TestDatabase t) {
        Database db = t.open(Schema.of(LEDGER)).createMissingTables();
        db.persist(new Entry(-1L, "minus-one", null, null, null, null, null, null, null));
        db.persist(new Entry(5L, "five", null, null, null, null, null, null, null));
        BigInteger twoTo64 = BigInteger.ONE.shiftLeft(64);

        // Keys given as any value arrive through a table reached by name; typed lookups take a Long.
        DynamicTable ledger = db.table("ledger");
        assertThatThrownBy(() -> ledger.find(twoTo64.subtract(BigInteger.ONE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ledger.id")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("18446744073709551615"));
        assertThatThrownBy(() -> db.find(LEDGER, Map.of("id", twoTo64.add(BigInteger.valueOf(5)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ledger.id");
        assertThatThrownBy(() -> ledger.find(new BigDecimal(twoTo64).add(BigDecimal.valueOf(5))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.table("ledger").persist(Map.of("id", twoTo64.add(BigInteger.valueOf(5)),
                "code", "wrapped"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ledger.id");
        assertThat(db.selectFrom(LEDGER).count()).isEqualTo(2);
        // Exact conversions still work, and a 10^30 reaches decimal(38,0) whole.
        assertThat(ledger.find(BigInteger.valueOf(5)).get("code")).isEqualTo("five");
        assertThat(ledger.find(new BigDecimal("5.000")).get("code")).isEqualTo("five");
        BigInteger huge = BigInteger.TEN.pow(30);
        Map<String, Object> stored = db.table("ledger").persist(Map.of("code", "huge", "big", huge));
        assertThat(db.find(LEDGER, (Long) stored.get("id")).big()).isEqualTo(new BigDecimal(huge));
    }

    @DatabaseTest
    void rawParametersKeepFractionalSeconds(TestDatabase t) {
        Database db = t.open(Schema.of(LEDGER)).createMissingTables();
        LocalDateTime whole = LocalDateTime.of(2024, 5, 6, 3, 4, 5);
        LocalDateTime half = whole.plusNanos(500_000_000);
        Instant wholeInstant = Instant.parse("2024-05-06T03:04:05Z");
        Instant halfInstant = wholeInstant.plusMillis(500);
        db.persist(new Entry(null, "whole", null, null, null, null, wholeInstant, whole, whole.toLocalTime()));
        db.persist(new Entry(null, "half", null, null, null, null, halfInstant, half, half.toLocalTime()));
        boolean h2 = !db.dialect().isMySqlFamily();
        String q = h2 ? "\"" : "`";
        assertThat(db.select(LEDGER.code).from(LEDGER).where(Condition.raw(q + "local_at" + q + " = ?", half)).fetch())
                .containsExactly("half");
        assertThat(db.select(LEDGER.code).from(LEDGER).where(Condition.raw(q + "time" + q + " = ?", half.toLocalTime()))
                .fetch()).containsExactly("half");
        assertThat(db.select(LEDGER.code).from(LEDGER).where(Condition.raw(q + "at" + q + " = ?", halfInstant)).fetch())
                .containsExactly("half");
    }

    @DatabaseTest
    void oneKeepsTheCallersLimit(TestDatabase t) {
        Database db = t.open(Schema.of(LEDGER)).createMissingTables();
        db.persist(Entry.of("a"));
        Entry b = db.persist(Entry.of("b"));
        assertThat(db.selectFrom(LEDGER).orderBy(LEDGER.id.desc()).limit(1).one()).isEqualTo(b);
        assertThat(db.select(LEDGER.id).from(LEDGER).orderBy(LEDGER.id.desc()).limit(1).one()).isEqualTo(b.id());
        assertThatThrownBy(() -> db.selectFrom(LEDGER).limit(5).one()).isInstanceOf(NotUniqueException.class);
    }

    @DatabaseTest
    void readOnlyTransactionsReadInSavepointsAndBatchesAndRefuseWrites(TestDatabase t) {
        Database db = t.open(Schema.of(LEDGER)).createMissingTables();
        db.persist(Entry.of("a"));
        TransactionOptions ro = TransactionOptions.defaults().readOnly();
        long nested = db.transactionResult(ro, tx -> tx.transactionResult(inner -> inner.selectFrom(LEDGER).count()));
        assertThat(nested).isEqualTo(1);
        Entry inBatch = db.transactionResult(ro, tx -> {
            Batch batch = tx.batch();
            Entry found = batch.find(LEDGER, LEDGER.code, "a");
            batch.flush();
            return found;
        });
        assertThat(inBatch.code()).isEqualTo("a");
        assertThatThrownBy(() -> db.transaction(ro, tx -> tx.batch(b -> b.persist(Entry.of("b")))))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("The transaction is read-only");
        assertThatThrownBy(() -> db.transaction(ro, tx -> tx.transaction(inner -> inner.persist(Entry.of("c")))))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("The transaction is read-only");
        assertThat(db.selectFrom(LEDGER).count()).isEqualTo(1);
    }

    @DatabaseTest
    void aTransactionRefusesEveryCallAfterItsBlock(TestDatabase test) {
        Database db = test.open(Schema.of(LEDGER)).createMissingTables();
        AtomicReference<Transaction> kept = new AtomicReference<>();
        db.transaction(kept::set);
        Transaction tx = kept.get();
        List<ThrowingCallable> calls = List.of(
                () -> tx.table("ledger"), () -> tx.selectFrom(LEDGER), () -> tx.select(LEDGER.id),
                () -> tx.insertInto(LEDGER), () -> tx.update(LEDGER), () -> tx.deleteFrom(LEDGER),
                () -> tx.find(LEDGER, 1L), () -> tx.findOptional(LEDGER, 1L), () -> tx.persist(Entry.of("a")),
                () -> tx.batch(), () -> tx.connection(), () -> tx.transaction(t -> { }),
                () -> tx.validate(Entry.of("a"), dev.cairn.dsl.lifecycle.Scenario.CREATE), () -> tx.select(LEDGER.id, LEDGER.code));
        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("The transaction has ended");
        }
    }

    @DatabaseTest
    void aStatementTimeoutAppliesOutsideTransactions(dev.cairn.engine.testing.TestDatabase t) {
        Database db = t.config().schema(LEDGER).statementTimeout(Duration.ofSeconds(1)).build();
        try {
            db.createMissingTables();
            db.persist(Entry.of("a"));
            assertThatThrownBy(() -> db.selectFrom(LEDGER).where(slow(db)).fetch()).isInstanceOf(QueryTimeoutException.class);
            assertThatThrownBy(() -> t.db().selectFrom(LEDGER).where(slow(db)).timeout(Duration.ofSeconds(1)).count())
                    .isInstanceOf(QueryTimeoutException.class);
            assertThat(t.db().selectFrom(LEDGER).timeout(Duration.ofSeconds(5)).count()).isEqualTo(1);
        } finally {
            db.close();
        }
    }

    // A condition that takes several seconds: MariaDB's SLEEP and PostgreSQL's pg_sleep, on H2 a count over a large
    // generated range.
    private static Condition slow(Database db) {
        return db.dialect().isMySqlFamily() ? Condition.raw("SLEEP(?) = 0", 5)
                : db.dialect().isPostgres() ? Condition.raw("(SELECT COUNT(*) FROM pg_sleep(?)) > 0", 5)
                : Condition.raw("(SELECT SUM(X) FROM SYSTEM_RANGE(1, 3000000000) WHERE MOD(X, 7) = 3) > ?", 0);
    }

    @DatabaseTest
    void explicitIdsMoveTheGeneratedIdsPastThemOnEveryDatabase(TestDatabase t) {
        Database db = t.open(Schema.of(USERS, Posts.POSTS)).createMissingTables();
        db.persist(new User(100L, "a@x.io", "A", 1, true, null));
        db.insertInto(USERS).rows(List.of(new User(200L, "b@x.io", "B", 1, true, null), new User(150L, "c@x.io", "C", 1, true, null)))
                .execute();
        User next = db.persist(new User(null, "d@x.io", "D", 1, true, null));
        assertThat(next.id()).isEqualTo(201L);
        db.save(new User(300L, "e@x.io", "E", 1, true, null));
        assertThat(db.persist(new User(null, "f@x.io", "F", 1, true, null)).id()).isEqualTo(301L);
    }
}
