package dev.cairn.schema.shape;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a plan says changes in a column: {@code wanted.differences(live)}, old value first, in a fixed order. */
class ColumnShapeTest {
    private static final ColumnShape NAME = new ColumnShape("name", "varchar(50)", true, null, false, false);

    @Test
    void equalColumnsHaveNoDifferences() {
        assertThat(NAME.differences(new ColumnShape("name", "varchar(50)", true, null, false, false))).isEmpty();
    }

    @Test
    void theNameIsNotCompared() {
        assertThat(NAME.differences(new ColumnShape("title", "varchar(50)", true, null, false, false))).isEmpty();
    }

    @Test
    void eachDifferenceInWords() {
        assertThat(new ColumnShape("name", "varchar(100)", true, null, false, false).differences(NAME))
                .isEqualTo("type varchar(50) -> varchar(100)");
        assertThat(new ColumnShape("name", "varchar(50)", false, null, false, false).differences(NAME))
                .isEqualTo("NULL -> NOT NULL");
        assertThat(NAME.differences(new ColumnShape("name", "varchar(50)", false, null, false, false)))
                .isEqualTo("NOT NULL -> NULL");
        assertThat(new ColumnShape("name", "varchar(50)", true, "open", false, false).differences(NAME))
                .isEqualTo("default none -> open");
        assertThat(NAME.differences(new ColumnShape("name", "varchar(50)", true, "open", false, false)))
                .isEqualTo("default open -> none");
        assertThat(new ColumnShape("name", "varchar(50)", true, "b", false, false)
                .differences(new ColumnShape("name", "varchar(50)", true, "a", false, false)))
                .isEqualTo("default a -> b");
    }

    @Test
    void flagsInWords() {
        ColumnShape id = new ColumnShape("id", "bigint", false, null, false, false);
        ColumnShape generated = new ColumnShape("id", "bigint", false, null, true, false);
        assertThat(generated.differences(id)).isEqualTo("auto-increment added");
        assertThat(id.differences(generated)).isEqualTo("auto-increment removed");
        ColumnShape at = new ColumnShape("at", "timestamp(6)", false, "now", false, false);
        ColumnShape touched = new ColumnShape("at", "timestamp(6)", false, "now", false, true);
        assertThat(touched.differences(at)).isEqualTo("on update now added");
        assertThat(at.differences(touched)).isEqualTo("on update now removed");
    }

    @Test
    void allDifferencesInOneLineInAFixedOrder() {
        ColumnShape live = new ColumnShape("at", "datetime(0)", true, "2000-01-01 00:00:00", true, false);
        ColumnShape wanted = new ColumnShape("at", "datetime(6)", false, "now", false, true);
        assertThat(wanted.differences(live)).isEqualTo("type datetime(0) -> datetime(6); NULL -> NOT NULL;"
                + " default 2000-01-01 00:00:00 -> now; auto-increment removed; on update now added");
    }

    @Test
    void anEmptyTextDefaultIsNotNoDefault() {
        ColumnShape empty = new ColumnShape("s", "varchar(5)", true, "", false, false);
        ColumnShape none = new ColumnShape("s", "varchar(5)", true, null, false, false);
        assertThat(empty.differences(none)).isEqualTo("default none -> ");
        assertThat(empty).isNotEqualTo(none);
    }
}
