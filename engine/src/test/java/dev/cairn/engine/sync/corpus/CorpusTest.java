package dev.cairn.engine.sync.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.Database;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import dev.cairn.schema.SyncMode;
import dev.cairn.schema.SyncReport;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Schemas as people and tools write them (src/test/resources/corpus: a dump of a film-rental store, Laravel, Rails
 * and Hibernate migrations, tables written by hand), loaded into MariaDB: each paired model plans nothing. Each model
 * created from scratch then plans nothing on a second sync, on H2, MariaDB and PostgreSQL.
 */
class CorpusTest {
    private static final String CORPUS_IS_MYSQL = "the corpus file is MySQL's SQL (backquotes, UNSIGNED,"
            + " AUTO_INCREMENT, ENGINE=); PostgreSQL's schemas as tools write them are a corpus of their own";

    @Test
    void theCorpusHoldsAtLeastFortyTablesAndEachModelNamesTheSameTables() throws Exception {
        int total = 0;
        for (Pair p : PAIRS) {
            List<String> created = Corpus.tables(p.file).stream().sorted().toList();
            List<String> modelled = p.schema.tables().stream().map(Table::name).sorted().toList();
            assertThat(modelled).as(p.file).isEqualTo(created);
            total += created.size();
        }
        assertThat(total).isGreaterThanOrEqualTo(40);
    }

    @DatabaseTest(notOnPostgres = CORPUS_IS_MYSQL)
    void aFilmRentalDumpPlansNothing(TestDatabase t) throws Exception {
        check(t, PAIRS.get(0));
    }

    @DatabaseTest(notOnPostgres = CORPUS_IS_MYSQL)
    void laravelMigrationsPlanNothing(TestDatabase t) throws Exception {
        check(t, PAIRS.get(1));
    }

    @DatabaseTest(notOnPostgres = CORPUS_IS_MYSQL)
    void railsMigrationsPlanNothing(TestDatabase t) throws Exception {
        check(t, PAIRS.get(2));
    }

    @DatabaseTest(notOnPostgres = CORPUS_IS_MYSQL)
    void hibernateSchemaExportPlansNothing(TestDatabase t) throws Exception {
        check(t, PAIRS.get(3));
    }

    @DatabaseTest(notOnPostgres = CORPUS_IS_MYSQL)
    void handWrittenTablesPlanNothing(TestDatabase t) throws Exception {
        check(t, PAIRS.get(4));
    }

    @DatabaseTest
    void eachModelCreatedFromScratchPlansNothingOnTheSecondSync(TestDatabase t) throws Exception {
        for (Pair p : PAIRS) {
            try (Database db = t.config().schema(p.schema).build()) {
                SyncReport first = db.sync(SyncMode.APPLY_SAFE).lastSync();
                assertThat(first.skipped()).as(p.file + "\n" + first.planText()).isEmpty();
                SyncReport second = db.schemaSync().plan();
                assertThat(second.plan()).as(p.file + "\n" + second.planText()).isEmpty();
            }
            // The corpus reuses table names across files (users, customer): one model at a time.
            dropAll(t, p.schema);
        }
    }

    /** On MariaDB: the live tables of the file plan nothing against the model; on H2 the file is MariaDB's SQL. */
    private static void check(TestDatabase t, Pair p) throws Exception {
        if (t.target().equals("H2")) {
            try (Database db = t.config().schema(p.schema).build()) {
                db.sync(SyncMode.APPLY_SAFE);
                assertThat(db.schemaSync().plan().plan()).as(p.file).isEmpty();
            }
            return;
        }
        try (Connection c = t.rawConnection()) {
            Corpus.load(c, p.file);
        }
        SyncReport report = t.open(p.schema).schemaSync().plan();
        assertThat(report.plan()).as(p.file + "\n" + report.planText() + "\n"
                + report.plan().stream().map(ch -> String.join(";\n", ch.statements())).toList()).isEmpty();
    }

    /** Drops the model's tables, so that the next model (which may reuse their names) starts from nothing. */
    static void dropAll(TestDatabase t, Schema schema) throws java.sql.SQLException {
        // H2 and PostgreSQL drop the foreign keys that refer to a table with it; MySQL is told not to check them.
        boolean cascades = t.target().equals("H2") || t.target().equals("PostgreSQL");
        try (Connection c = t.rawConnection(); java.sql.Statement st = c.createStatement()) {
            if (!cascades) {
                st.execute("SET FOREIGN_KEY_CHECKS = 0");
            }
            for (Table<?, ?> table : schema.tables()) {
                st.execute(cascades ? "DROP TABLE \"" + table.name() + "\" CASCADE" : "DROP TABLE `" + table.name() + "`");
            }
        }
    }

    /** A dump and the model that describes it. */
    record Pair(String file, Schema schema) {
    }

    private static final List<Pair> PAIRS = List.of(
            new Pair("rental.sql", RentalModel.SCHEMA),
            new Pair("laravel.sql", LaravelModel.SCHEMA),
            new Pair("rails.sql", RailsModel.SCHEMA),
            new Pair("hibernate.sql", HibernateModel.SCHEMA),
            new Pair("handwritten.sql", HandwrittenModel.SCHEMA));
}
