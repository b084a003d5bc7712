package dev.cairn.schema.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Index;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Table;
import dev.cairn.schema.SchemaSyncException;
import dev.cairn.schema.diff.DesiredShape;
import dev.cairn.schema.shape.IndexShape;
import org.junit.jupiter.api.Test;

/** FULLTEXT indexes: their DDL per database, their desired shape, and H2, which has none. */
class FullTextIndexDdlTest {
    static final Dialect H2 = new Dialect(Dialect.Family.H2, 2, 3);
    static final Dialect MYSQL = new Dialect(Dialect.Family.MYSQL, 8, 0);
    static final Dialect MARIADB = new Dialect(Dialect.Family.MARIADB, 10, 11);

    static final class Articles extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> title = varchar("title", 200);
        final Column<String> body = longText("body");
        final Index search = fullTextIndex(null, title, body);
        final Index cjk = fullTextIndex("ft_cjk", body).parser("ngram");
        final Index byTitle = index(title);

        Articles() {
            super("articles");
        }
    }

    static final Articles ARTICLES = new Articles();

    @Test
    void fullTextIndexesAreCreatedWithTheirParserOnMySql() {
        DdlRenderer ddl = new DdlRenderer(MYSQL);
        assertThat(ddl.createIndex(ARTICLES.search))
                .isEqualTo("CREATE FULLTEXT INDEX `ftx_articles_title_body` ON `articles` (`title`, `body`)");
        assertThat(ddl.createIndex(ARTICLES.cjk))
                .isEqualTo("CREATE FULLTEXT INDEX `ft_cjk` ON `articles` (`body`) WITH PARSER ngram");
        assertThat(ddl.createIndex(ARTICLES.byTitle)).isEqualTo("CREATE INDEX `idx_articles_title` ON `articles` (`title`)");
    }

    @Test
    void mariaDbRefusesTheNgramParserNamingTableAndIndex() {
        DdlRenderer ddl = new DdlRenderer(MARIADB);
        assertThat(ddl.createIndex(ARTICLES.search)).startsWith("CREATE FULLTEXT INDEX `ftx_articles_title_body`");
        assertThatThrownBy(() -> ddl.createIndex(ARTICLES.cjk)).isInstanceOf(SchemaSyncException.class)
                .hasMessage("Table 'articles', full-text index 'ft_cjk': MariaDB has no ngram parser (MySQL 5.7.6+ has);"
                        + " declare the index without parser(\"ngram\") for MariaDB");
    }

    @Test
    void theDesiredShapeHasFullTextIndexesOfTheirKindAndNoneOnH2() {
        assertThat(DesiredShape.of(ARTICLES, MYSQL).indexes().values()).containsExactlyInAnyOrder(
                new IndexShape("ftx_articles_title_body", java.util.List.of("title", "body"), false, true),
                new IndexShape("ft_cjk", java.util.List.of("body"), false, true),
                new IndexShape("idx_articles_title", java.util.List.of("title"), false));
        assertThat(DesiredShape.of(ARTICLES, H2).indexes().values()).extracting(IndexShape::name)
                .containsExactly("idx_articles_title");
        assertThat(new DdlRenderer(H2).creates(ARTICLES.search)).isFalse();
        assertThat(new DdlRenderer(H2).creates(ARTICLES.byTitle)).isTrue();
    }
}
