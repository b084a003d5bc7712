package dev.cairn.engine;

import static dev.cairn.dsl.Condition.Match.Mode.BOOLEAN;
import static dev.cairn.dsl.Condition.Match.Mode.NATURAL_LANGUAGE;
import static dev.cairn.dsl.Condition.Match.Mode.QUERY_EXPANSION;
import static dev.cairn.dsl.query.Functions.match;
import static dev.cairn.engine.model.Sales.DOCS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Condition;
import dev.cairn.dsl.DefinitionException;
import dev.cairn.dsl.Index;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.query.Tuple2;
import dev.cairn.engine.exception.UnsupportedFeatureException;
import dev.cairn.engine.model.Sales.Doc;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.Change;
import dev.cairn.schema.SchemaSyncException;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.SyncReport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * FULLTEXT indexes and {@code match(...).against(...)} on MariaDB/MySQL; on H2 and PostgreSQL, which have neither
 * (PostgreSQL's own search finds and ranks otherwise), the index is left out and a search is refused before anything
 * is sent.
 */
class FullTextTest {

    private static final List<Doc> DOCUMENTS = List.of(
            new Doc(null, "MySQL tutorial", "DBMS stands for DataBase Management System"),
            new Doc(null, "How to use MySQL well", "After you went through a tutorial, read on"),
            new Doc(null, "Optimizing MySQL", "In this tutorial we show how to optimize queries"),
            new Doc(null, "Kotlin and Java", "Cairn is a Java library for relational databases"),
            new Doc(null, "Gardening", "Roses need sun and water"),
            new Doc(null, "Cooking", "Bread needs flour, water and time"));

    // Full-text indexes see committed rows only: the rows are inserted outside any transaction (autocommit).
    private static Database seed(TestDatabase t) {
        Database db = t.open(Schema.of(DOCS)).sync(SyncMode.APPLY_SAFE);
        db.insertInto(DOCS).rows(DOCUMENTS).execute();
        return db;
    }

    /** H2 and PostgreSQL: no MATCH ... AGAINST, and no FULLTEXT index. */
    private static boolean isH2(TestDatabase t) {
        return t.target().equals("H2") || t.target().equals("PostgreSQL");
    }

    @DatabaseTest
    void aFullTextIndexIsCreatedReadBackAndComparedByKind(TestDatabase t) throws Exception {
        Database db = seed(t);
        List<String> kinds = new ArrayList<>();
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            String sql = t.target().equals("H2")
                    ? "SELECT INDEX_NAME, INDEX_TYPE_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'ex_docs'"
                    : t.target().equals("PostgreSQL") ? "SELECT indexname, indexdef FROM pg_indexes"
                            + " WHERE schemaname = current_schema() AND tablename = 'ex_docs'"
                    : "SELECT DISTINCT INDEX_NAME, INDEX_TYPE FROM information_schema.STATISTICS"
                            + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'ex_docs' ORDER BY INDEX_NAME";
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    kinds.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        if (isH2(t)) {
            // Only the primary key's index: H2 and PostgreSQL have no FULLTEXT indexes, so the model's are left out.
            assertThat(kinds).hasSize(1).noneMatch(k -> k.startsWith("ft"));
        } else {
            assertThat(kinds).containsExactlyInAnyOrder("PRIMARY BTREE", "ft_ex_docs_title FULLTEXT",
                    "ftx_ex_docs_title_body FULLTEXT");
        }
        SyncReport again = db.schemaSync().plan();
        assertThat(again.plan()).as(again.planText()).isEmpty();
        if (isH2(t)) {
            return;
        }
        // A plain index under a full-text index's name is another kind of index: replaced, then in line.
        try (Connection c = t.rawConnection(); Statement st = c.createStatement()) {
            st.execute("DROP INDEX ft_ex_docs_title ON ex_docs");
            st.execute("CREATE INDEX ft_ex_docs_title ON ex_docs (title)");
        }
        SyncReport drift = db.schemaSync().plan();
        assertThat(drift.plan()).extracting(Change::kind).containsExactly(Change.Kind.DROP_INDEX, Change.Kind.ADD_INDEX);
        // Two steps, one change for people: both say what the index was and will be.
        assertThat(drift.plan()).extracting(Change::description).containsOnly(
                "full-text index ft_ex_docs_title: index (title) -> full-text index (title)");
        assertThat(drift.planText()).contains("  ~ full-text index ft_ex_docs_title: index (title) -> full-text index"
                + " (title)  [destructive]\n");
        db.sync(SyncMode.APPLY_ALL);
        assertThat(db.schemaSync().plan().plan()).isEmpty();
    }

    @DatabaseTest
    void matchAgainstInEachModeWithItsRelevance(TestDatabase t) {
        Database db = seed(t);
        Condition.Match mysql = match(DOCS.title, DOCS.body).against("mysql tutorial", NATURAL_LANGUAGE);
        if (isH2(t)) {
            assertThatThrownBy(() -> db.selectFrom(DOCS).where(mysql).fetch())
                    .isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessageContaining("Full-text search (match(...).against(...)) needs MySQL or MariaDB");
            assertThatThrownBy(() -> db.select(DOCS.title, mysql.relevance()).from(DOCS).fetch())
                    .isInstanceOf(UnsupportedFeatureException.class);
            return;
        }
        List<Tuple2<String, Double>> ranked = db.select(DOCS.title, mysql.relevance()).from(DOCS).where(mysql)
                .orderBy(mysql.relevance().desc(), DOCS.id.asc()).fetch();
        assertThat(ranked).extracting(Tuple2::first).containsExactlyInAnyOrder("MySQL tutorial",
                "How to use MySQL well", "Optimizing MySQL");
        assertThat(ranked).extracting(Tuple2::second).allSatisfy(r -> assertThat(r).isInstanceOf(Double.class)
                .isPositive()).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        Condition.Match notTutorial = match(DOCS.title, DOCS.body).against("+mysql -tutorial", BOOLEAN);
        assertThat(db.selectFrom(DOCS).where(notTutorial).map(Doc::title).fetch()).isEmpty();
        assertThat(db.selectFrom(DOCS).where(match(DOCS.title, DOCS.body).against("+water -bread", BOOLEAN))
                .map(Doc::title).fetch()).containsExactly("Gardening");
        assertThat(db.selectFrom(DOCS).where(match(DOCS.title, DOCS.body).against("\"management system\"", BOOLEAN))
                .map(Doc::title).fetch()).containsExactly("MySQL tutorial");
        assertThat(db.selectFrom(DOCS).where(match(DOCS.title).against("java")).map(Doc::title).fetch())
                .containsExactly("Kotlin and Java");
        // Query expansion finds more than the words asked for.
        List<String> expanded = db.selectFrom(DOCS).where(match(DOCS.title, DOCS.body).against("dbms",
                QUERY_EXPANSION)).map(Doc::title).fetch();
        assertThat(expanded).contains("MySQL tutorial").hasSizeGreaterThan(1);
        // Relevance of rows that do not match is 0; the text is bound, never in the SQL.
        Condition.Match roses = match(DOCS.title, DOCS.body).against("roses");
        assertThat(db.select(DOCS.title, roses.relevance()).from(DOCS).orderBy(DOCS.id.asc()).fetch())
                .filteredOn(r -> r.second() > 0).extracting(Tuple2::first).containsExactly("Gardening");
        assertThat(db.selectFrom(DOCS).where(roses).sql()).contains("AGAINST(?").doesNotContain("roses");
    }

    @DatabaseTest
    void theSameMatchWithAnotherModeIsAnotherShape(TestDatabase t) {
        if (isH2(t)) {
            return;
        }
        Database db = seed(t);
        long before = db.compilations();
        assertThat(db.selectFrom(DOCS).where(match(DOCS.title, DOCS.body).against("+water -bread", BOOLEAN)).count())
                .isEqualTo(1);
        assertThat(db.selectFrom(DOCS).where(match(DOCS.title, DOCS.body).against("+water -bread")).count())
                .isEqualTo(2);
        assertThat(db.compilations() - before).isEqualTo(2);
    }

    /** A full-text index with MySQL's ngram parser. */
    static final class Notes extends Table<Doc, Long> {
        static final Notes NOTES = new Notes();
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<String> title = varchar("title", 200).notNull();
        final Column<String> body = text("body").notNull();
        final Index search = fullTextIndex(null, title, body).parser("ngram");

        private Notes() {
            super("ex_notes");
        }
    }

    @DatabaseTest
    void mariaDbHasNoNgramParser(TestDatabase t) {
        Database db = t.open(Schema.of(Notes.NOTES));
        if (isH2(t)) {
            db.sync(SyncMode.APPLY_SAFE);
            assertThat(db.schemaSync().plan().plan()).isEmpty();
            return;
        }
        assertThat(Notes.NOTES.search.toString()).endsWith("WITH PARSER ngram");
        assertThatThrownBy(() -> db.sync(SyncMode.APPLY_SAFE)).isInstanceOf(SchemaSyncException.class)
                .hasMessageContaining("Table 'ex_notes', full-text index 'ftx_ex_notes_title_body': MariaDB has no ngram"
                        + " parser");
    }

    static final class BadNumbers extends Table<Doc, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Integer> n = integer("n");
        final Index search = fullTextIndex(null, n);

        BadNumbers() {
            super("ex_bad_numbers");
        }
    }

    static final class BadParser extends Table<Doc, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> title = varchar("title", 20);
        final Index plain = index(title).parser("ngram");

        BadParser() {
            super("ex_bad_parser");
        }
    }

    @Test
    void aFullTextIndexTakesTextColumnsAndOnlyItTakesAParser() {
        assertThatThrownBy(BadNumbers::new).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("table 'ex_bad_numbers', column 'n': a full-text index takes text columns");
        assertThatThrownBy(BadParser::new).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("index 'idx_ex_bad_parser_title' is not a full-text index");
    }
}
