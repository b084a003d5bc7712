package dev.cairn.engine.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.Labelled;
import dev.cairn.engine.Database;
import dev.cairn.engine.DynamicTable;
import dev.cairn.engine.exception.MappingException;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.introspect.LiveTable;
import java.sql.Connection;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** ENUM and SET labels that are not Java names: declared by the enum, bound in conditions, read back by label. */
class LabelledEnumTest {
    public enum Rating implements Labelled {
        G("G"), PG_13("PG-13"), NC_17("NC-17");

        private final String label;

        Rating(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    public enum Stage implements Labelled {
        DRAFT("draft"), IN_REVIEW("in-review"), BEHIND_THE_SCENES("Behind the Scenes");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    public record Movie(Long id, String title, Rating rating, Set<Stage> stages) {
    }

    static final class Movies extends Table<Movie, Long> {
        static final Movies MOVIES = new Movies();
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<String> title = varchar("title", 50);
        final Column<Rating> rating = enumeration("rating", Rating.class).defaultValue(Rating.PG_13);
        final Column<Set<Stage>> stages = enumSet("stages", Stage.class);

        Movies() {
            super("ty_movies");
        }
    }

    static final Movies M = Movies.MOVIES;

    @DatabaseTest
    void labelsAreStoredComparedAndReadBack(TestDatabase t) {
        Database db = t.open(Schema.of(M)).sync(SyncMode.APPLY_SAFE);
        assertThat(db.schemaSync().plan().plan()).isEmpty();
        Movie a = db.persist(new Movie(null, "a", Rating.PG_13, EnumSet.of(Stage.IN_REVIEW, Stage.BEHIND_THE_SCENES)));
        db.persist(new Movie(null, "b", Rating.NC_17, EnumSet.of(Stage.DRAFT)));
        db.persist(new Movie(null, "c", Rating.G, EnumSet.noneOf(Stage.class)));

        assertThat(db.find(M, a.id())).isEqualTo(a);
        assertThat(db.selectFrom(M).where(M.rating.eq(Rating.PG_13)).fetch()).extracting(Movie::title)
                .containsExactly("a");
        assertThat(db.selectFrom(M).where(M.rating.in(List.of(Rating.NC_17, Rating.G))).fetch())
                .extracting(Movie::title).containsExactlyInAnyOrder("b", "c");
        assertThat(db.selectFrom(M).where(M.stages.eq(EnumSet.of(Stage.BEHIND_THE_SCENES, Stage.IN_REVIEW))).fetch())
                .extracting(Movie::title).containsExactly("a");
        assertThat(db.select(M.rating).from(M).where(M.title.eq("b")).one()).isEqualTo(Rating.NC_17);

        DynamicTable live = db.table("ty_movies");
        assertThat(((LiveTable) live.table()).labels(live.column("rating"))).containsExactly("G", "PG-13", "NC-17");
        assertThat(live.find(a.id())).containsEntry("rating", "PG-13");
        Map<String, Object> d = live.persist(Map.of("title", "d"));
        assertThat(db.find(M, ((Number) d.get("id")).longValue()).rating()).as("the default, by label")
                .isEqualTo(Rating.PG_13);
    }

    @DatabaseTest
    void aLabelTheEnumDoesNotDeclareIsAnErrorNamingTableAndColumn(TestDatabase t) throws Exception {
        Database db = t.open(Schema.of(M)).createMissingTables();
        boolean h2 = !db.dialect().isMySqlFamily();
        boolean postgres = t.target().equals("PostgreSQL");
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            if (postgres) {
                // Cairn made the column's enum type, ty_movies_rating: a label appended to it.
                st.execute("ALTER TYPE \"ty_movies_rating\" ADD VALUE 'X'");
            } else {
                st.execute(h2 ? "ALTER TABLE \"ty_movies\" ALTER COLUMN \"rating\" ENUM('G','PG-13','NC-17','X')"
                        : "ALTER TABLE ty_movies MODIFY rating ENUM('G','PG-13','NC-17','X')");
            }
            st.execute(h2 || postgres ? "INSERT INTO \"ty_movies\" (\"title\", \"rating\") VALUES ('x', 'X')"
                    : "INSERT INTO ty_movies (title, rating) VALUES ('x', 'X')");
        }
        String message = "Table 'ty_movies', column 'rating': the database holds 'X', which is no label of "
                + Rating.class.getName() + " (its labels are [G, PG-13, NC-17])";
        assertThatThrownBy(() -> db.selectFrom(M).fetch()).isInstanceOf(MappingException.class).hasMessage(message);
        assertThatThrownBy(() -> db.select(M.rating).from(M).fetch()).isInstanceOf(MappingException.class)
                .hasMessage(message);
    }

    /** ty_movies without its rating column. */
    static final class Unrated extends Table<dev.cairn.dsl.Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<String> title = varchar("title", 50);
        final Column<Set<Stage>> stages = enumSet("stages", Stage.class);

        Unrated() {
            super("ty_movies");
        }
    }

    /** Another table, so that a model without ty_movies is not empty. */
    static final class Other extends Table<dev.cairn.dsl.Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();

        Other() {
            super("ty_other");
        }
    }

    @DatabaseTest(postgresOnly = "PostgreSQL's enum is a type of its own, which DROP TABLE and DROP COLUMN leave behind")
    void anEnumColumnDroppedBySyncTakesItsTypeAlong(TestDatabase t) throws Exception {
        t.open(Schema.of(M)).sync(SyncMode.APPLY_SAFE);
        assertThat(enumTypes(t)).containsExactly("ty_movies_rating");
        Database unrated = t.open(Schema.of(new Unrated())).sync(SyncMode.APPLY_ALL);
        assertThat(enumTypes(t)).as("the column dropped").isEmpty();
        assertThat(unrated.schemaSync().plan().plan()).isEmpty();

        t.open(Schema.of(M)).sync(SyncMode.APPLY_SAFE);
        Database other = t.open(Schema.of(new Other())).sync(SyncMode.APPLY_ALL);
        assertThat(other.schemaSync().plan().plan()).isEmpty();
        assertThat(enumTypes(t)).as("the table dropped").isEmpty();

        // A type of Cairn's name that another table uses as well stays, and the plan is applied.
        t.open(Schema.of(M)).sync(SyncMode.APPLY_SAFE);
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE ty_borrower (rating ty_movies_rating)");
        }
        Database kept = t.open(Schema.of(new Other(), new Borrower())).sync(SyncMode.APPLY_ALL);
        assertThat(kept.schemaSync().plan().plan()).isEmpty();
        assertThat(enumTypes(t)).as("still used by ty_borrower").containsExactly("ty_movies_rating");
    }

    /** The hand-made table that uses ty_movies' type, declared so that sync keeps it. */
    static final class Borrower extends Table<dev.cairn.dsl.Row, Void> {
        final Column<Rating> rating = enumeration("rating", Rating.class);

        Borrower() {
            super("ty_borrower");
        }
    }

    private static List<String> enumTypes(TestDatabase t) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (Connection c = t.rawConnection(); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT t.typname FROM pg_type t JOIN pg_namespace n"
                     + " ON n.oid = t.typnamespace WHERE n.nspname = current_schema() AND t.typtype = 'e'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
