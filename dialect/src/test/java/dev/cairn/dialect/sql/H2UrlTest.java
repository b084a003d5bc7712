package dev.cairn.dialect.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** H2 URLs get case-insensitive identifiers unless they set the setting themselves. */
class H2UrlTest {
    @Test
    void theSettingIsAddedWhereTheUrlDoesNotSetIt() {
        assertThat(ServerSql.h2Url("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1"))
                .isEqualTo("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
        assertThat(ServerSql.h2Url("jdbc:h2:file:/tmp/db;case_insensitive_identifiers=false"))
                .isEqualTo("jdbc:h2:file:/tmp/db;case_insensitive_identifiers=false");
    }
}
