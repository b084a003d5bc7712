package dev.cairn.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Building a schema checks every table against its row type and reports every mismatch at once. */
class RowTypeCheckTest {

    public record Order(Long id, String customerName, int lines, Instant placedAt) {
    }

    static final class Orders extends Table<Order, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> customerName = varchar("customer_name", 100);
        final Column<Integer> lines = integer("line_count");
        final Column<Instant> placed = timestamp("placed_at");
        final Column<String> note = text("note");

        Orders() {
            super("orders");
        }
    }

    public record Misfit(Long id, Integer customerName, String shippedAt) {
    }

    static final class Misfits extends Table<Misfit, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> customerName = varchar("customer_name", 100);

        Misfits() {
            super("misfits");
        }
    }

    public record Pet(Long id, long ownerId, String nickname) {
    }

    static final class Pets extends Table<Pet, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Integer> ownerId = integer("owner_id");
        final Column<String> name = varchar("name", 50);

        Pets() {
            super("pets");
        }
    }

    public record Cat(Long id, long ownerId) {
    }

    static final class Cats extends Table<Cat, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Integer> ownerId = integer("owner_id");

        Cats() {
            super("cats");
        }
    }

    /** A mutable row type: every non-static, non-transient field is matched. */
    public static final class Bean {
        public Long id;
        public final String title = "";
        public transient String scratch;

        public Bean(String unused) {
        }
    }

    static final class Beans extends Table<Bean, Long> {
        final Column<Long> id = bigint("id").primaryKey();

        Beans() {
            super("beans");
        }
    }

    static final class Untyped extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();

        Untyped() {
            super("untyped");
        }
    }

    @Test
    void rowTypesMatchedByFieldNameOrCamelCaseWithCompatibleTypesPass() {
        // lines: the field holding line_count; placedAt: placed_at in camelCase; int holds an Integer column.
        Schema s = Schema.of(new Orders(), new Untyped());
        assertThat(s.tables()).hasSize(2);
    }

    @Test
    void everyMismatchOfEveryTableIsReportedAtOnce() {
        assertThatThrownBy(() -> Schema.of(new Orders(), new Misfits(), new Pets(), new Beans()))
                .isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model, 6 problems:\n"
                        + "  table 'misfits', column 'customer_name': Misfit.customerName is Integer but the column of"
                        + " type varchar(100) holds String\n"
                        + "  table 'misfits': Misfit.shippedAt matches no column (columns: id, customer_name); name it"
                        + " after a column field or a column in camelCase\n"
                        + "  table 'pets', column 'owner_id': Pet.ownerId is long but the column of type int holds"
                        + " Integer\n"
                        + "  table 'pets': Pet.nickname matches no column (columns: id, owner_id, name); name it after a"
                        + " column field or a column in camelCase\n"
                        + "  table 'beans': rows map to class " + Bean.class.getName() + ", which needs a no-argument"
                        + " constructor, or make it a record\n"
                        + "  table 'beans': field Bean.title is final, so rows cannot be read into it; make it a record"
                        + " or the field non-final")
                .satisfies(e -> {
                    DefinitionException d = (DefinitionException) e;
                    assertThat(d.problems()).hasSize(6);
                    assertThat(d.problems()).extracting(DefinitionException::table)
                            .containsExactly("misfits", "misfits", "pets", "pets", "beans", "beans");
                    assertThat(d.problems()).extracting(DefinitionException::column)
                            .containsExactly("customer_name", null, "owner_id", null, null, null);
                    assertThat(d.table()).isEqualTo("misfits");
                });
    }

    @Test
    void aSingleMismatchReadsAsOneProblem() {
        assertThatThrownBy(() -> Schema.of(new Cats()))
                .isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model: table 'cats', column 'owner_id': Cat.ownerId is long but the column of type"
                        + " int holds Integer")
                .satisfies(e -> assertThat(((DefinitionException) e).problems()).containsExactly((DefinitionException) e));
    }
}
