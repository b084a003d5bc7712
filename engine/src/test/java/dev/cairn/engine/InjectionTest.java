package dev.cairn.engine;

import static dev.cairn.engine.model.Posts.POSTS;
import static dev.cairn.engine.model.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Condition;
import dev.cairn.dsl.Schema;
import dev.cairn.engine.exception.ValueRejectedException;
import dev.cairn.engine.model.Users.User;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;

/**
 * Hostile values through every value position: the table stays intact and every value is stored exactly, or (a NUL
 * character on PostgreSQL, whose text cannot hold one) refused naming the column, with nothing written.
 */
class InjectionTest {
    static final List<String> HOSTILE = List.of(
            "'; DROP TABLE users; --",
            "' OR '1'='1",
            "\" OR \"1\"=\"1",
            "admin'--",
            "x'); DELETE FROM users WHERE ('1'='1",
            "/* comment */ OR 1=1",
            "# mysql comment",
            "back\\slash\\",
            "\\'; DROP TABLE users; -- \\",
            "nul\u0000byte",
            "%_%",
            "!%!_!!",
            "? and ?",
            "$1 {0} :name",
            "𝄞 Ωμέγα 日本語 🚀",
            "x".repeat(100),
            "");

    @DatabaseTest
    void hostileValuesAreStoredAndMatchedExactly(TestDatabase t) {
        Database db = t.open(Schema.of(USERS, POSTS)).createMissingTables();
        db.persist(new User("victim@x.io", "Victim", 1));
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            String evil = HOSTILE.get(i);
            String email = "e" + i + "@x.io";
            if (db.dialect().isPostgres() && evil.indexOf('\u0000') >= 0) {
                User refused = new User(email, evil, i);
                assertThatThrownBy(() -> db.persist(refused)).isInstanceOf(ValueRejectedException.class)
                        .hasMessageContaining("users.name").hasMessageContaining("NUL").hasMessageNotContaining(evil);
                assertThatThrownBy(() -> db.selectFrom(USERS).where(USERS.name.eq(evil)).fetch())
                        .isInstanceOf(ValueRejectedException.class).hasMessageContaining("column users.name");
                assertThat(db.selectFrom(USERS).where(USERS.email.eq(email)).count()).isZero();
                continue;
            }
            stored.add(evil);

            User inserted = db.persist(new User(email, evil, i));
            assertThat(db.select(USERS.name).from(USERS).where(USERS.id.eq(inserted.id())).one()).isEqualTo(evil);
            assertThat(db.select(USERS.email).from(USERS).where(USERS.name.eq(evil).and(USERS.age.eq(i))).fetch())
                    .containsExactly(email);
            assertThat(db.select(USERS.email).from(USERS).where(USERS.name.in(List.of(evil, "zz"))
                    .and(USERS.age.eq(i))).fetch()).containsExactly(email);
            assertThat(db.select(USERS.email).from(USERS).where(USERS.name.contains(evil).and(USERS.age.eq(i))).fetch())
                    .containsExactly(email);
            assertThat(db.select(USERS.email).from(USERS).where(USERS.name.startsWith(evil).and(USERS.name.endsWith(evil))
                    .and(USERS.age.eq(i))).fetch()).containsExactly(email);
            db.select(USERS.email).from(USERS).where(USERS.name.like(evil)).fetch();
            String column = db.dialect().isMySqlFamily() ? "`name`" : "\"name\"";
            assertThat(db.select(USERS.email).from(USERS).where(Condition.raw(column + " = ?", evil)
                    .and(USERS.age.eq(i))).fetch()).containsExactly(email);

            String changed = evil + "|" + evil;
            if (changed.length() <= 100) {
                assertThat(db.updateTable(USERS).set(USERS.name, changed).where(USERS.name.eq(evil).and(USERS.age.eq(i)))
                        .execute()).isEqualTo(1);
                assertThat(db.select(USERS.name).from(USERS).where(USERS.id.eq(inserted.id())).one()).isEqualTo(changed);
            }
            User upserted = db.insertInto(USERS).row(new User(email, evil, i)).onDuplicateKeyUpdate(USERS.name)
                    .returning().get(0);
            assertThat(upserted.id()).isEqualTo(inserted.id());
            assertThat(upserted.name()).isEqualTo(evil);
            assertThat(db.deleteFrom(USERS).where(USERS.name.eq(evil + "no")).execute()).isZero();
        }
        assertThat(db.selectFrom(USERS).count()).isEqualTo(stored.size() + 1);
        assertThat(db.selectFrom(USERS).where(USERS.email.eq("victim@x.io")).one().name()).isEqualTo("Victim");
        assertThat(db.select(USERS.name).from(USERS).where(USERS.email.ne("victim@x.io")).orderBy(USERS.age.asc())
                .fetch()).containsExactlyElementsOf(stored);
    }
}
