package dev.cairn.engine.entity;

import static dev.cairn.engine.model.Accounts.ARTICLES;
import static dev.cairn.engine.model.Accounts.AUDITS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Schema;
import dev.cairn.engine.Database;
import dev.cairn.engine.exception.ValidationException;
import dev.cairn.engine.model.Accounts;
import dev.cairn.engine.model.Accounts.Article;
import dev.cairn.engine.model.Accounts.Audit;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.time.Instant;

/** M7: hooks run around each write, in order, in the write's transaction; a failing hook leaves nothing written. */
class HookTest {

    @DatabaseTest
    void hooksRunInOrderAndMayChangeTheRow(TestDatabase t) {
        Database db = t.open(Schema.of(ARTICLES, AUDITS)).createMissingTables();
        Accounts.SEEN.clear();
        Article a = db.persist(new Article(null, "Hello", null, null, null));
        assertThat(Accounts.SEEN).containsExactly("before validate", "after validate", "before save", "before create",
                "after create", "after save");
        Instant created = Instant.parse("2026-01-02T03:04:05Z");
        assertThat(a.createdAt()).isEqualTo(created);
        assertThat(db.find(ARTICLES, a.id())).isEqualTo(new Article(a.id(), "Hello", created, created, 1));
        assertThat(db.selectFrom(AUDITS).fetch()).extracting(Audit::entry).containsExactly("created Hello");

        Accounts.SEEN.clear();
        Article edited = db.update(a.withTitle("Hello again"));
        assertThat(Accounts.SEEN).containsExactly("before validate", "after validate", "before save", "before update",
                "after update", "after save");
        assertThat(edited.revision()).isEqualTo(2);
        assertThat(db.find(ARTICLES, a.id())).isEqualTo(new Article(a.id(), "Hello again", created,
                Instant.parse("2026-02-03T04:05:06Z"), 2));

        Accounts.SEEN.clear();
        db.remove(ARTICLES, a.id());
        assertThat(Accounts.SEEN).containsExactly("before remove", "after remove");
        assertThat(db.selectFrom(ARTICLES).count()).isZero();
        assertThat(db.selectFrom(AUDITS).fetch()).extracting(Audit::entry)
                .containsExactly("created Hello", "removed Hello again");
    }

    @DatabaseTest
    void aFailingHookLeavesNothingWritten(TestDatabase t) {
        Database db = t.open(Schema.of(ARTICLES, AUDITS)).createMissingTables();
        assertThatThrownBy(() -> db.persist(new Article(null, "forbidden words", null, null, null)))
                .isInstanceOf(IllegalStateException.class).hasMessage("Titles may not be forbidden");
        assertThat(db.selectFrom(ARTICLES).count()).isZero();
        assertThat(db.selectFrom(AUDITS).count()).isZero();

        // Inside a transaction the hook's failure undoes only this write (a savepoint); the caller may go on.
        db.transaction(tx -> {
            tx.persist(new Article(null, "kept", null, null, null));
            assertThatThrownBy(() -> tx.persist(new Article(null, "forbidden", null, null, null)))
                    .hasMessage("Titles may not be forbidden");
        });
        assertThat(db.selectFrom(ARTICLES).fetch()).extracting(Article::title).containsExactly("kept");
        assertThat(db.selectFrom(AUDITS).fetch()).extracting(Audit::entry).containsExactly("created kept");

        Accounts.SEEN.clear();
        assertThat(db.validate(new Article(null, " ", null, null, null), dev.cairn.dsl.lifecycle.Scenario.CREATE).fullMessages())
                .containsExactly("title is required");
        assertThat(Accounts.SEEN).containsExactly("before validate");    // validate sees what a write would
        Accounts.SEEN.clear();
        assertThatThrownBy(() -> db.persist(new Article(null, " ", null, null, null))).isInstanceOf(ValidationException.class)
                .hasMessage("Cannot insert into 'articles': title is required");
        assertThat(Accounts.SEEN).containsExactly("before validate");
        assertThat(db.selectFrom(ARTICLES).count()).isEqualTo(1);
    }
}
