package dev.cairn.engine.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.query.Functions;
import dev.cairn.engine.Database;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.util.List;

/** H2 pads a CHAR(n) with spaces where MariaDB drops them: every way of reading or comparing one agrees. */
class CharPaddingTest {
    static final class Codes extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> code = fixedChar("code", 5);
        final Column<String> other = fixedChar("other", 5);

        Codes() {
            super("ty_codes");
        }
    }

    @DatabaseTest
    void aCharValueIsTheSameOnBothDatabases(TestDatabase t) {
        Codes c = new Codes();
        Database db = t.open(Schema.of(c)).createMissingTables();
        db.persist(Row.builder(c).set(c.id, 1L).set(c.code, "ab").set(c.other, "ab").build());
        assertThat(db.find(c, 1L).get(c.code)).isEqualTo("ab");
        assertThat(db.select(c.code).from(c).one()).isEqualTo("ab");
        assertThat(db.select(c.code, c.other).from(c).one().first()).isEqualTo("ab");
        assertThat(db.select(Functions.max(c.code)).from(c).one()).isEqualTo("ab");
        assertThat(db.select(c.code.upper()).from(c).one()).isEqualTo("AB");
        assertThat(db.table("ty_codes").find(1L).get("code")).isEqualTo("ab");
        assertThat(db.table("ty_codes").select().one().get("other")).isEqualTo("ab");
        assertThat(db.selectFrom(c).where(c.code.eq("ab")).count()).isOne();
        assertThat(db.selectFrom(c).where(c.code.in(List.of("ab", "x"))).count()).isOne();
        assertThat(db.selectFrom(c).where(c.code.eq(c.other)).count()).isOne();
        assertThat(db.selectFrom(c).where(c.code.endsWith("b")).count()).isOne();
        assertThat(db.selectFrom(c).where(c.code.like("%b")).count()).isOne();
    }
}
