package dev.cairn.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A table's key type is the Java type of its one-column primary key, or {@link Void} when the key has several
 * columns or there is none; anything else is refused when the table is frozen, naming the table and both types.
 */
class KeyTypeTest {

    public record Item(Long id, String name) {
    }

    static final class Items extends Table<Item, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> name = varchar("name", 20);

        Items() {
            super("items");
        }
    }

    static final class StringKeyed extends Table<Item, String> {
        final Column<Long> id = bigint("id").primaryKey();

        StringKeyed() {
            super("string_keyed");
        }
    }

    static final class VoidKeyed extends Table<Item, Void> {
        final Column<Long> id = bigint("id").primaryKey();

        VoidKeyed() {
            super("void_keyed");
        }
    }

    static final class Pairs extends Table<Row, Void> {
        final Column<Integer> a = integer("a");
        final Column<UUID> b = uuid("b");
        final PrimaryKey pk = primaryKey(a, b);

        Pairs() {
            super("pairs");
        }
    }

    static final class PairsAsInteger extends Table<Row, Integer> {
        final Column<Integer> a = integer("a");
        final Column<UUID> b = uuid("b");
        final PrimaryKey pk = primaryKey(a, b);

        PairsAsInteger() {
            super("pairs_as_integer");
        }
    }

    static final class Log extends Table<Row, Void> {
        final Column<String> line = text("line");

        Log() {
            super("log");
        }
    }

    static final class LogAsLong extends Table<Row, Long> {
        final Column<String> line = text("line");

        LogAsLong() {
            super("log_as_long");
        }
    }

    static final class Codes extends Table<Row, String> {
        final Column<String> code = varchar("code", 8).primaryKey();

        Codes() {
            super("codes");
        }
    }

    static final class Untyped extends Table<Row, Object> {
        final Column<Long> id = bigint("id").primaryKey();

        Untyped() {
            super("untyped");
        }
    }

    static final class ObjectKeyedItems extends Table<Item, Object> {
        final Column<Long> id = bigint("id").primaryKey();

        ObjectKeyedItems() {
            super("object_keyed");
        }
    }

    abstract static class Keyed<R, K> extends Table<R, K> {
        final Column<Long> id = bigint("id").primaryKey();

        Keyed(String name) {
            super(name);
        }
    }

    static final class Inherited extends Keyed<Row, Long> {
        Inherited() {
            super("inherited");
        }
    }

    static final class InheritedWrong extends Keyed<Row, Integer> {
        InheritedWrong() {
            super("inherited_wrong");
        }
    }

    @Test
    void theKeyTypeOfAOneColumnPrimaryKeyIsItsJavaType() {
        assertThat(new Items().columns()).hasSize(2);
        assertThat(new Codes().columns()).hasSize(1);
        assertThat(new Inherited().columns()).hasSize(1);
        assertThat(Schema.of(new Items(), new Codes()).tables()).hasSize(2);
    }

    @Test
    void aCompoundKeyOrNoKeyIsVoid() {
        assertThat(new Pairs().primaryKey().columns()).hasSize(2);
        assertThat(new Log().primaryKey()).isNull();
    }

    @Test
    void anUntypedTableMayLeaveItsKeyToRunTime() {
        assertThat(new Untyped().columns()).hasSize(1);
        assertThatThrownBy(() -> new ObjectKeyedItems().columns()).isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model: table 'object_keyed', column 'id': the key type is Object but the"
                        + " primary key id holds Long; declare Table<Item, Long>");
    }

    @Test
    void aKeyTypeOtherThanThePrimaryKeysIsRefusedNamingBothTypes() {
        assertThatThrownBy(() -> new StringKeyed().columns()).isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model: table 'string_keyed', column 'id': the key type is String but the"
                        + " primary key id holds Long; declare Table<Item, Long>");
        assertThatThrownBy(() -> new VoidKeyed().columns()).isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model: table 'void_keyed', column 'id': the key type is Void but the"
                        + " primary key id holds Long; declare Table<Item, Long>");
        assertThatThrownBy(() -> new InheritedWrong().columns()).isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model: table 'inherited_wrong', column 'id': the key type is Integer but the"
                        + " primary key id holds Long; declare Table<Row, Long>");
    }

    @Test
    void aSingleKeyTypeForACompoundKeyOrNoKeyIsRefused() {
        assertThatThrownBy(() -> new PairsAsInteger().columns()).isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model: table 'pairs_as_integer': the key type is Integer but the table has a"
                        + " primary key of 2 columns (a, b), so no single value is its key; declare Table<Row, Void>"
                        + " and find rows by a Key, a map or a unique column");
        assertThatThrownBy(() -> new LogAsLong().columns()).isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model: table 'log_as_long': the key type is Long but the table has no primary"
                        + " key, so no single value is its key; declare Table<Row, Void> and find rows by a Key, a"
                        + " map or a unique column");
    }

    @Test
    void aSchemaOfAMiskeyedTableIsRefused() {
        assertThatThrownBy(() -> Schema.of(new Items(), new StringKeyed())).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("table 'string_keyed'");
    }
}
