package dev.cairn.schema.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RunningDdlTest {
    private static final Set<String> APP = Set.of("app");

    @Test
    void ddlOnATableOfTheSchemaCountsWhetherNamedWithItOrRunInIt() {
        assertThat(RunningDdl.concerns("app", "ALTER TABLE big ADD INDEX idx_big_n (n)", APP)).isTrue();
        assertThat(RunningDdl.concerns(null, "ALTER TABLE `app`.`big` ADD INDEX idx_big_n (n)", APP)).isTrue();
        assertThat(RunningDdl.concerns("other", "/* x */ create index i on app.big (n)", APP)).isTrue();
        assertThat(RunningDdl.concerns("app", "DROP TABLE IF EXISTS t", APP)).isTrue();
        assertThat(RunningDdl.concerns("app", "TRUNCATE t", APP)).isTrue();
    }

    @Test
    void ddlOnAnotherSchemaAndStatementsThatAreNotDdlDoNotCount() {
        assertThat(RunningDdl.concerns("app", "ALTER TABLE other.t ADD COLUMN n INT", APP)).isFalse();
        assertThat(RunningDdl.concerns("other", "ALTER TABLE t ADD COLUMN n INT", APP)).isFalse();
        assertThat(RunningDdl.concerns("app", "SELECT GET_LOCK('cairn.schema_sync.app', 60)", APP)).isFalse();
        assertThat(RunningDdl.concerns("app", "UPDATE t SET altered = 1", APP)).isFalse();
    }
}
