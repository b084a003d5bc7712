package dev.cairn.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.exception.MappingException;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;

/** Rows map to records, to mutable classes and to untyped rows; a row type that does not fit fails clearly. */
class RowMappingTest {

    /** A mutable class: a no-argument constructor and non-final fields named after the columns. */
    public static final class Note {
        Long id;
        String bodyText;
        int stars;

        public Note() {
        }

        Note(String bodyText, int stars) {
            this.bodyText = bodyText;
            this.stars = stars;
        }
    }

    static final class Notes extends Table<Note, Long> {
        static final Notes NOTES = new Notes();
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<String> body = varchar("body_text", 100).notNull();
        final Column<Integer> stars = integer("stars");

        Notes() {
            super("notes");
        }
    }

    public record Starred(Long id, String bodyText, int stars) {
    }

    static final class StarredNotes extends Table<Starred, Long> {
        static final StarredNotes STARRED = new StarredNotes();
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<String> bodyText = varchar("body_text", 100).notNull();
        final Column<Integer> stars = integer("stars");

        StarredNotes() {
            super("notes");
        }
    }

    public record Misnamed(Long id, String text) {
    }

    static final class MisnamedNotes extends Table<Misnamed, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> body = varchar("body_text", 100);

        MisnamedNotes() {
            super("notes");
        }
    }

    public record Mistyped(Long id, Integer bodyText) {
    }

    static final class MistypedNotes extends Table<Mistyped, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> bodyText = varchar("body_text", 100);

        MistypedNotes() {
            super("notes");
        }
    }

    static final class RawNotes extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<String> bodyText = varchar("body_text", 100).notNull();
        final Column<Integer> stars = integer("stars");

        RawNotes() {
            super("notes");
        }
    }

    @DatabaseTest
    void mutableClassesAreFilledFieldByField(TestDatabase t) {
        Database db = t.open(Schema.of(Notes.NOTES)).createMissingTables();
        Note saved = db.persist(new Note("first", 4));
        assertThat(saved.id).isPositive();
        Note read = db.selectFrom(Notes.NOTES).where(Notes.NOTES.id.eq(saved.id)).fetch().get(0);
        assertThat(read.bodyText).isEqualTo("first");
        assertThat(read.stars).isEqualTo(4);
    }

    @DatabaseTest
    void untypedRowsReadByColumnOrName(TestDatabase t) {
        RawNotes raw = new RawNotes();
        Database db = t.open(Schema.of(raw)).createMissingTables();
        Row saved = db.persist(Row.builder(raw).set(raw.bodyText, "hi").set(raw.stars, 2).build());
        Row read = db.selectFrom(raw).fetch().get(0);
        assertThat(read).isEqualTo(saved);
        assertThat(read.get(raw.bodyText)).isEqualTo("hi");
        assertThat(read.get("STARS")).isEqualTo(2);
        assertThat(read.asMap()).containsKeys("id", "body_text", "stars");
    }

    @DatabaseTest
    void aNullIntoAPrimitiveComponentIsAClearError(TestDatabase t) {
        Database db = t.open(Schema.of(Notes.NOTES)).createMissingTables();
        RawNotes raw = new RawNotes();
        db.persist(Row.builder(raw).set(raw.bodyText, "no stars").build());
        assertThatThrownBy(() -> db.selectFrom(StarredNotes.STARRED).fetch())
                .isInstanceOf(MappingException.class)
                .hasMessage("Column notes.stars is NULL but Starred.stars is a primitive int; make it Integer");
    }

    @DatabaseTest
    void aComponentWithoutAColumnFailsBeforeAnyQuery(TestDatabase t) {
        Database db = t.open(Schema.of(Notes.NOTES)).createMissingTables();
        assertThatThrownBy(() -> db.selectFrom(new MisnamedNotes()).fetch())
                .isInstanceOf(MappingException.class)
                .hasMessage("Misnamed.text matches no column of table 'notes' (columns: id, body_text); name it after a"
                        + " column field or a column in camelCase");
        assertThatThrownBy(() -> db.selectFrom(new MistypedNotes()).fetch())
                .isInstanceOf(MappingException.class)
                .hasMessage("Mistyped.bodyText is Integer but column notes.body_text of type varchar(100) holds String");
    }
}
