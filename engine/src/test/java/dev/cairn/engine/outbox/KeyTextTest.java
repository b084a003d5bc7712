package dev.cairn.engine.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.PrimaryKey;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Keys written to the outbox as text come back as the key columns' values. */
class KeyTextTest {
    static final class Keys extends Table<Row, Void> {
        final Column<String> code = varchar("code", 50);
        final Column<UUID> ref = uuid("ref");
        final Column<LocalDate> day = date("day");
        final Column<Instant> at = timestamp("at");
        final PrimaryKey pk = primaryKey(code, ref, day, at);

        Keys() {
            super("ob_keys");
        }
    }

    static final class Bytes extends Table<Row, byte[]> {
        final Column<byte[]> id = binary("id", 4).primaryKey();

        Bytes() {
            super("ob_bytes");
        }
    }

    @Test
    void compositeKeysWithCommasAndBackslashesComeBackWhole() {
        Keys keys = new Keys();
        List<Object> key = List.of("a,b\\c,", UUID.randomUUID(), LocalDate.of(2024, 2, 29),
                Instant.parse("2024-02-29T10:15:30.123456Z"));
        String text = KeyText.encode(key);
        assertThat(KeyText.decode(keys, text)).isEqualTo(key);
        assertThat(KeyText.split(KeyText.join(List.of("x", "", ",", "\\")))).containsExactly("x", "", ",", "\\");
        assertThat(KeyText.split("")).isEmpty();
    }

    @Test
    void oneColumnKeysAndBytes() {
        Bytes bytes = new Bytes();
        assertThat((byte[]) KeyText.decode(bytes, KeyText.encode(new byte[] {1, 2, (byte) 0xff, 0})))
                .containsExactly(1, 2, (byte) 0xff, 0);
        assertThat(KeyText.encode(null)).isNull();
        assertThat(KeyText.decode(bytes, null)).isNull();
    }

    @Test
    void aKeyOfTheWrongShapeNamesTheTable() {
        assertThatThrownBy(() -> KeyText.decode(new Keys(), "only,two")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table 'ob_keys' has 2 part(s); its primary key has 4 column(s)");
        assertThatThrownBy(() -> KeyText.decode(new Keys(), "a,not-a-uuid,2024-01-01,2024-01-01T00:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ob_keys.ref");
    }
}
