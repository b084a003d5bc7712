package dev.cairn.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.type.ReferentialAction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** M8: every bad definition fails where it is made, with a message naming the table and the column. */
class DefinitionErrorsTest {

    static final class DuplicateColumn extends Table<Row, Void> {
        final Column<String> name = varchar("name", 10);
        final Column<Integer> shout = integer("NAME");

        DuplicateColumn() {
            super("people");
        }
    }

    @Test
    void duplicateColumnNameIsRejectedCaseInsensitively() {
        assertThatThrownBy(DuplicateColumn::new)
                .isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model: table 'people', column 'NAME': duplicate column name (column names are"
                        + " case-insensitive; 'name' exists)")
                .satisfies(e -> {
                    assertThat(((DefinitionException) e).table()).isEqualTo("people");
                    assertThat(((DefinitionException) e).column()).isEqualTo("NAME");
                });
    }

    static final class TwoPrimaryKeys extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> otherId = bigint("other_id").primaryKey();

        TwoPrimaryKeys() {
            super("orders");
        }
    }

    static final class PrimaryKeyTwiceCompound extends Table<Row, Void> {
        final Column<Long> a = bigint("a").primaryKey();
        final Column<Long> b = bigint("b");
        final PrimaryKey pk = primaryKey(a, b);

        PrimaryKeyTwiceCompound() {
            super("lines");
        }
    }

    @Test
    void secondPrimaryKeyDeclarationIsRejected() {
        assertThatThrownBy(TwoPrimaryKeys::new)
                .isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model: table 'orders', column 'other_id': a second primary key is declared; the"
                        + " table already has PRIMARY KEY(id) (declare a compound key once: primaryKey(a, b))");
        assertThatThrownBy(PrimaryKeyTwiceCompound::new)
                .hasMessageStartingWith("Invalid model: table 'lines', column 'a': a second primary key is declared");
    }

    static final class ZeroVarchar extends Table<Row, Void> {
        final Column<String> code = varchar("code", 0);

        ZeroVarchar() {
            super("codes");
        }
    }

    static final class NegativeVarchar extends Table<Row, Void> {
        final Column<String> code = varchar("code", -5);

        NegativeVarchar() {
            super("codes");
        }
    }

    @Test
    void varcharNeedsPositiveLength() {
        assertThatThrownBy(ZeroVarchar::new)
                .isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model: table 'codes', column 'code': varchar needs a positive length, got 0");
        assertThatThrownBy(NegativeVarchar::new)
                .hasMessage("Invalid model: table 'codes', column 'code': varchar needs a positive length, got -5");
    }

    static final class ScaleAbovePrecision extends Table<Row, Void> {
        final Column<java.math.BigDecimal> price = decimal("price", 5, 6);

        ScaleAbovePrecision() {
            super("products");
        }
    }

    static final class PrecisionTooLarge extends Table<Row, Void> {
        final Column<java.math.BigDecimal> price = decimal("price", 66, 2);

        PrecisionTooLarge() {
            super("products");
        }
    }

    @Test
    void decimalScaleMustNotExceedPrecision() {
        assertThatThrownBy(ScaleAbovePrecision::new)
                .isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model: table 'products', column 'price': decimal scale 6 must be from 0 to the"
                        + " precision 5");
        assertThatThrownBy(PrecisionTooLarge::new)
                .hasMessage("Invalid model: table 'products', column 'price': decimal precision must be from 1 to 65,"
                        + " got 66");
    }

    static final class EmptyTableName extends Table<Row, Void> {
        EmptyTableName() {
            super("");
        }
    }

    static final class LongTableName extends Table<Row, Void> {
        LongTableName() {
            super("t".repeat(65));
        }
    }

    static final class EmptyColumnName extends Table<Row, Void> {
        final Column<String> blank = varchar("", 10);

        EmptyColumnName() {
            super("things");
        }
    }

    static final class LongColumnName extends Table<Row, Void> {
        final Column<String> longName = varchar("c".repeat(65), 10);

        LongColumnName() {
            super("things");
        }
    }

    static final class InvalidColumnName extends Table<Row, Void> {
        final Column<String> spaced = varchar("first name", 10);

        InvalidColumnName() {
            super("things");
        }
    }

    static final class SixtyFourIsFine extends Table<Row, Void> {
        final Column<String> longest = varchar("c".repeat(64), 10);

        SixtyFourIsFine() {
            super("t".repeat(64));
        }
    }

    @Test
    void namesMustBeNonEmptyValidAndAtMost64Characters() {
        assertThatThrownBy(EmptyTableName::new)
                .isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model: table '': table name must not be empty");
        assertThatThrownBy(LongTableName::new)
                .hasMessage("Invalid model: table '" + "t".repeat(65) + "': table name '" + "t".repeat(65)
                        + "' is 65 characters long; MySQL allows at most 64");
        assertThatThrownBy(EmptyColumnName::new)
                .hasMessage("Invalid model: table 'things', column '': column name must not be empty");
        assertThatThrownBy(LongColumnName::new)
                .hasMessage("Invalid model: table 'things', column '" + "c".repeat(65) + "': column name '"
                        + "c".repeat(65) + "' is 65 characters long; MySQL allows at most 64");
        assertThatThrownBy(InvalidColumnName::new)
                .hasMessage("Invalid model: table 'things', column 'first name': column name 'first name' is not a"
                        + " valid identifier (letters, digits, '_' and '$', not starting with a digit)");
        assertThat(new SixtyFourIsFine().columns()).hasSize(1);
    }

    static final class Owners extends Table<Row, Long> {
        static final Owners OWNERS = new Owners();
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> name = varchar("name", 50);
        final Column<String> code = varchar("code", 10).unique();

        Owners() {
            super("owners");
        }
    }

    static final class PetsWithIntOwner extends Table<Row, Void> {
        final Column<Integer> ownerId = integer("owner_id");

        @SuppressWarnings({"unchecked", "rawtypes"})
        PetsWithIntOwner() {
            super("pets");
            // The Java types differ, so this only compiles through raw types, as generated or reflective code might.
            ((Column) ownerId).references((Supplier) () -> Owners.OWNERS.id);
        }
    }

    static final class PetsWithWrongCharLength extends Table<Row, Void> {
        final Column<String> ownerCode = fixedChar("owner_code", 12);

        PetsWithWrongCharLength() {
            super("pets");
        }
    }

    static final class PetsWithTextOwner extends Table<Row, Void> {
        final Column<String> ownerCode = text("owner_code").references(() -> Owners.OWNERS.code);

        PetsWithTextOwner() {
            super("pets");
        }
    }

    @Test
    void foreignKeyTypeMustMatchTheReferencedColumn() {
        PetsWithIntOwner pets = new PetsWithIntOwner();
        assertThatThrownBy(() -> Schema.of(Owners.OWNERS, pets))
                .isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model: table 'pets', column 'owner_id': foreign key type int differs from the"
                        + " referenced column owners.id of type bigint");
        PetsWithTextOwner textPets = new PetsWithTextOwner();
        assertThatThrownBy(() -> Schema.of(Owners.OWNERS, textPets))
                .hasMessage("Invalid model: table 'pets', column 'owner_code': foreign key type text differs from the"
                        + " referenced column owners.code of type varchar(10)");
    }

    static final class DirectWrongReference extends Table<Row, Void> {
        final Column<String> ownerName = varchar("owner_name", 50);
        final Column<String> ownerCode = text("owner_code").references(ownerName);

        DirectWrongReference() {
            super("pets");
        }
    }

    @Test
    void aReferenceToAColumnAlreadyDefinedIsCheckedAtOnce() {
        assertThatThrownBy(DirectWrongReference::new)
                .isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model: table 'pets', column 'owner_code': foreign key type text differs from the"
                        + " referenced column pets.owner_name of type varchar(50)");
    }

    static final class PetsByOwnerName extends Table<Row, Void> {
        final Column<String> ownerName = varchar("owner_name", 50).references(() -> Owners.OWNERS.name);

        PetsByOwnerName() {
            super("pets");
        }
    }

    @Test
    void foreignKeyMustReferenceAKey() {
        PetsByOwnerName pets = new PetsByOwnerName();
        assertThatThrownBy(() -> Schema.of(Owners.OWNERS, pets))
                .isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model: table 'pets', column 'owner_name': the foreign key references owners(name),"
                        + " which is neither the primary key nor a unique key of table 'owners'");
    }

    static final class PetsOfMissingTable extends Table<Row, Void> {
        final Column<Long> ownerId = bigint("owner_id").references(() -> Owners.OWNERS.id);

        PetsOfMissingTable() {
            super("pets");
        }
    }

    @Test
    void foreignKeyMustLeadToATableOfTheSchema() {
        assertThatThrownBy(() -> Schema.of(new PetsOfMissingTable()))
                .isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model: table 'pets', column 'owner_id': the foreign key refers to table 'owners',"
                        + " which is not part of this schema");
    }

    static final class Authors extends Table<Row, Long> {
        static final Authors AUTHORS = new Authors();
        final Column<Long> id = bigint("id").primaryKey();
        final HasMany<Row, Row> books = hasMany(() -> Books.BOOKS, b -> b.authorId);

        Authors() {
            super("authors");
        }
    }

    static final class Books extends Table<Row, Long> {
        static final Books BOOKS = new Books();
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> authorId = bigint("author_id");

        Books() {
            super("books");
        }
    }

    @Test
    void relationMustLeadToATableOfTheSchema() {
        assertThatThrownBy(() -> Schema.of(Authors.AUTHORS))
                .isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model: table 'authors': relation 'books' leads to table 'books', which is not"
                        + " part of this schema");
        assertThat(Schema.of(Authors.AUTHORS, Books.BOOKS).tables()).hasSize(2);
    }

    static final class TextAutoIncrement extends Table<Row, Void> {
        final Column<String> id = varchar("id", 10).autoIncrement();

        TextAutoIncrement() {
            super("counters");
        }
    }

    static final class NowOnInt extends Table<Row, Void> {
        final Column<Integer> created = integer("created").defaultNow();

        NowOnInt() {
            super("events");
        }
    }

    static final class TooLongDefault extends Table<Row, Void> {
        final Column<String> state = varchar("state", 3).defaultValue("open");

        TooLongDefault() {
            super("tickets");
        }
    }

    static final class AutoIncrementNotKey extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> seq = bigint("seq").autoIncrement();

        AutoIncrementNotKey() {
            super("sequences");
        }
    }

    static final class IndexOnText extends Table<Row, Void> {
        final Column<String> body = text("body").index();

        IndexOnText() {
            super("notes");
        }
    }

    static final class ForeignColumnInIndex extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Index byOwner = index(Owners.OWNERS.name);

        ForeignColumnInIndex() {
            super("pets");
        }
    }

    static final class SetNullOnNotNull extends Table<Row, Void> {
        final Column<Long> ownerId = bigint("owner_id").notNull().references(() -> Owners.OWNERS.id)
                .onDelete(ReferentialAction.SET_NULL);

        SetNullOnNotNull() {
            super("pets");
        }
    }

    @Test
    void otherMistakesAreReportedWithTableAndColumn() {
        assertThatThrownBy(TextAutoIncrement::new).hasMessage("Invalid model: table 'counters', column 'id': only"
                + " integer columns can auto-increment, not varchar(10)");
        assertThatThrownBy(NowOnInt::new).hasMessage("Invalid model: table 'events', column 'created': only datetime and"
                + " timestamp columns can default to now, not int");
        assertThatThrownBy(TooLongDefault::new).hasMessage("Invalid model: table 'tickets', column 'state': default value"
                + " of 4 characters does not fit varchar(3)");
        assertThatThrownBy(() -> new AutoIncrementNotKey().columns()).hasMessage("Invalid model: table 'sequences',"
                + " column 'seq': an auto-increment column must be the primary key or lead a unique key");
        assertThatThrownBy(IndexOnText::new).hasMessage("Invalid model: table 'notes', column 'body': text cannot be in"
                + " an index on MySQL/MariaDB without a prefix length; use varchar");
        assertThatThrownBy(ForeignColumnInIndex::new).hasMessage("Invalid model: table 'pets', column 'name': an index of"
                + " table 'pets' cannot use column owners.name of another table");
        assertThatThrownBy(SetNullOnNotNull::new).hasMessage("Invalid model: table 'pets', column 'owner_id': ON DELETE"
                + " SET NULL needs a nullable column");
    }

    static final class TooPrecise extends Table<Row, Void> {
        final Column<java.time.Instant> at = timestamp("at").precision(7);

        TooPrecise() {
            super("events");
        }
    }

    static final class PrecisionOnText extends Table<Row, Void> {
        final Column<String> name = varchar("name", 5).precision(2);

        PrecisionOnText() {
            super("events");
        }
    }

    @Test
    void fractionalSecondPrecisionIsForDateTimesAndAtMostSix() {
        assertThatThrownBy(TooPrecise::new).hasMessage("Invalid model: table 'events', column 'at': fractional-second"
                + " precision must be from 0 to 6, got 7");
        assertThatThrownBy(PrecisionOnText::new).hasMessage("Invalid model: table 'events', column 'name': only datetime,"
                + " timestamp and time columns have a fractional-second precision, not varchar(5)");
    }

    static final class ClashA extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> code = varchar("code", 5).unique("uk_code").index("idx_code");
        final Column<Long> other = bigint("other_id").references("fk_other", () -> ClashB.B.id);

        ClashA() {
            super("a");
        }
    }

    static final class ClashB extends Table<Row, Long> {
        static final ClashB B = new ClashB();
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> code = varchar("code", 5).unique("UK_CODE").index("idx_code").check("ck", c -> c.ne(""));
        final Column<Long> other = bigint("other_id").references("FK_OTHER", () -> B.id);

        ClashB() {
            super("b");
        }
    }

    static final class SameIndexName extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> code = varchar("code", 5).unique("by_code");
        final Column<String> name = varchar("name", 5).index("BY_CODE");

        SameIndexName() {
            super("c");
        }
    }

    @Test
    void foreignKeyNamesAreUniqueAcrossTheSchemaOtherNamesWithinTheirTable() {
        assertThatThrownBy(() -> Schema.of(new ClashA(), ClashB.B))
                .isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model: table 'b', column 'other_id': foreign key name 'FK_OTHER' is already used"
                        + " in table 'a'; foreign key names must be unique across the schema");
        assertThatThrownBy(SameIndexName::new)
                .isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model: table 'c', column 'name': index name 'BY_CODE' is already used by"
                        + " UNIQUE by_code(code) of this table; unique keys and indexes share one set of names");
    }

    static final class Shop extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> email = varchar("email", 50).unique("email");
        final Column<Long> createdAt = bigint("created_at").index("idx_created_at").check("ck_created", c -> c.gt(0L));

        Shop(String name) {
            super(name);
        }
    }

    @Test
    void twoTablesMayEachHaveAnIndexUniqueKeyAndCheckOfTheSameName() {
        Schema schema = Schema.of(new Shop("shop_customers"), new Shop("shop_orders"));
        assertThat(schema.tables()).extracting(t -> t.uniqueKeys().get(0).name(), t -> t.indexes().get(0).name())
                .containsOnly(org.assertj.core.groups.Tuple.tuple("email", "idx_created_at"));
    }

    @Test
    void aNameGivenInTheModelIsMarkedAsSuch() {
        Shop shop = new Shop("shop");
        assertThat(shop.uniqueKeys().get(0).isNamed()).isTrue();
        assertThat(shop.checks().get(0).isNamed()).isTrue();
        assertThat(shop.indexes().get(0).isNamed()).isTrue();
        ClashA a = new ClashA();
        assertThat(a.foreignKeys()).extracting(ForeignKey::name, ForeignKey::isNamed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("fk_other", true));
        final class Pets extends Table<Row, Long> {
            final Column<Long> id = bigint("id").primaryKey();
            final Column<Long> owner = bigint("owner_id").references(() -> Owners.OWNERS.id).index();
            final Column<String> code = varchar("code", 10).unique().check(c -> c.ne(""));

            Pets() {
                super("pets");
            }
        }
        Pets pets = new Pets();
        assertThat(pets.foreignKeys()).extracting(ForeignKey::name, ForeignKey::isNamed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("fk_pets_owner_id", false));
        assertThat(pets.indexes().get(0).isNamed()).isFalse();
        assertThat(pets.uniqueKeys().get(0).isNamed()).isFalse();
        assertThat(pets.checks().get(0).isNamed()).isFalse();
    }

    @Test
    void aDefinedTableCannotBeChanged() {
        Owners owners = Owners.OWNERS;
        owners.columns();
        assertThatThrownBy(owners.name::notNull)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Table 'owners' is already defined");
    }

    static final class Options extends Table<Row, Void> {
        Options(java.util.function.Consumer<Options> declare) {
            super("opts");
            declare.accept(this);
        }

        Column<String> text() {
            return varchar("t", 10);
        }

        Column<Integer> number() {
            return integer("n");
        }
    }

    private static void rejects(java.util.function.Consumer<Options> declare, String message) {
        assertThatThrownBy(() -> new Options(declare)).isInstanceOf(DefinitionException.class).hasMessage(message);
    }

    @Test
    void badCollationsCharsetsCommentsAndDefaultExpressionsAreRejected() {
        rejects(o -> o.text().collation("utf8mb4 bin"), "Invalid model: table 'opts', column 't': collation"
                + " 'utf8mb4 bin' is not a name of letters, digits and '_'");
        rejects(o -> o.text().charset("latin1").collation("utf8mb4_bin"), "Invalid model: table 'opts', column 't':"
                + " collation utf8mb4_bin does not belong to character set latin1");
        rejects(o -> o.number().collation("utf8mb4_bin"), "Invalid model: table 'opts', column 'n': only text, enum"
                + " and set columns have a collation, not int");
        rejects(o -> o.text().comment("x".repeat(1025)), "Invalid model: table 'opts', column 't': a comment holds"
                + " at most 1024 characters, got 1025");
        rejects(o -> o.text().defaultExpression("uuid(); DROP TABLE x"), "Invalid model: table 'opts', column 't':"
                + " default expression uuid(); DROP TABLE x holds a ';'; write one SQL expression");
        rejects(o -> o.text().defaultExpression("concat('a', b"), "Invalid model: table 'opts', column 't':"
                + " default expression concat('a', b has unbalanced parentheses");
        rejects(o -> o.text().defaultExpression("1 -- x"), "Invalid model: table 'opts', column 't':"
                + " default expression 1 -- x holds a comment; write one SQL expression");
        rejects(o -> o.text().defaultExpression(" "), "Invalid model: table 'opts', column 't':"
                + " a default expression must not be blank");
        rejects(o -> o.options().charset("latin1").collation("utf8mb4_bin"), "Invalid model: table 'opts':"
                + " collation utf8mb4_bin does not belong to character set latin1");
        rejects(o -> o.text().defaultExpression("(1 + 2) * 'x'"), "Invalid model: table 'opts', column 't':"
                + " default expression (1 + 2) * 'x' is a constant; declare it with defaultValue(...): H2 stores a"
                + " constant expression folded into its value, so it would never compare equal there");
        assertThat(new Options(o -> o.text().defaultExpression("concat('a;--', ')')")).columns().get(0)
                .defaultValue().expression()).isEqualTo("concat('a;--', ')')");
        assertThat(new Options(o -> o.text().defaultExpression("b'1'")).columns().get(0).defaultValue().expression())
                .isEqualTo("b'1'");
    }

    static final class Docs extends Table<Row, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> title = varchar("title", 100).collation("utf8mb4_bin");
        final Column<String> body = text("body");

        Docs(boolean tableCollation) {
            super("docs");
            if (tableCollation) {
                options().collation("utf8mb4_unicode_ci");
            }
            fullTextIndex("ft_docs", title, body);
        }
    }

    static final class Refs extends Table<Row, Void> {
        final Column<String> title = varchar("title", 100).collation("utf8mb4_general_ci");

        Refs(Docs docs) {
            super("refs");
            title.references(() -> docs.title);
        }
    }

    @Test
    void fullTextColumnsAndForeignKeyEndsOfAnotherDeclaredCollationAreRejected() {
        assertThat(new Docs(false).indexes()).hasSize(1);
        assertThatThrownBy(() -> new Docs(true).indexes()).isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model: table 'docs', column 'body': the columns of full-text index ft_docs need"
                        + " one collation; title, body have utf8mb4_bin and utf8mb4_unicode_ci");
        Docs docs = new Docs(false);
        assertThatThrownBy(() -> Schema.of(docs, new Refs(docs))).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("table 'refs', column 'title': foreign key collation utf8mb4_general_ci differs"
                        + " from the referenced column docs.title's utf8mb4_bin; declare the same collation on both");
    }

    static final class FloatDefault extends Table<Row, Void> {
        final Column<Float> ratio;

        FloatDefault(float value) {
            super("ratios");
            ratio = singlePrecision("ratio").defaultValue(value);
        }
    }

    @Test
    void aFloatDefaultOfMoreThanSixSignificantDigitsIsRejected() {
        assertThat(new FloatDefault(-3.40282E38f).ratio.defaultValue().literal()).isEqualTo(-3.40282E38f);
        assertThatThrownBy(() -> new FloatDefault(1.2345678f)).isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model: table 'ratios', column 'ratio': a float default keeps at most 6"
                        + " significant digits on MySQL/MariaDB (MariaDB rounds it at the next ALTER), not 1.2345678;"
                        + " declare it rounded, or use doublePrecision");
    }
}
