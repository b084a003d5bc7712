package dev.cairn.engine.sync;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Index;
import dev.cairn.dsl.PrimaryKey;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.UniqueKey;
import dev.cairn.dsl.type.ReferentialAction;
import dev.cairn.engine.model.AllTypes;
import dev.cairn.engine.model.Posts;
import dev.cairn.engine.model.Products;
import dev.cairn.engine.model.Users;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Every column type and constraint the DSL can express, with and without defaults, NULL and NOT NULL. */
final class Vocabulary {
    enum Level { LOW, MID, HIGH }

    enum Rating implements dev.cairn.dsl.type.Labelled {
        G, PG_13, NC_17;

        @Override
        public String label() {
            return name().replace('_', '-');
        }
    }

    static final class Defaults extends Table<Row, Long> {
        static final Defaults DEFAULTS = new Defaults();
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<String> vc = varchar("vc", 40).notNull().defaultValue("it's \"quoted\" \\ ; --");
        final Column<String> ch = fixedChar("ch", 2).defaultValue("ab");
        final Column<Short> sm = smallint("sm").notNull().defaultValue((short) -7);
        final Column<Integer> i = integer("i").defaultValue(42);
        final Column<Long> bi = bigint("bi").notNull().defaultValue(9_000_000_000L);
        final Column<BigDecimal> dec = decimal("dec", 10, 3).defaultValue(new BigDecimal("12.500"));
        final Column<Double> dbl = doublePrecision("dbl").defaultValue(0.25);
        final Column<Boolean> yes = bool("yes").notNull().defaultValue(true);
        final Column<Boolean> no = bool("no").defaultValue(false);
        final Column<LocalDate> day = date("day").defaultValue(LocalDate.of(2024, 2, 29));
        final Column<LocalDateTime> at = datetime("at").notNull().defaultNow();
        final Column<LocalDateTime> changed = datetime("changed").defaultNow().onUpdateNow();
        final Column<Instant> ts = timestamp("ts").notNull().defaultNow().onUpdateNow();
        final Column<Instant> tsNull = timestamp("ts_null");
        final Column<LocalTime> tm = time("tm").defaultValue(LocalTime.of(12, 30));
        final Column<UUID> uid = uuid("uid");
        final Column<byte[]> bin = binary("bin", 16);
        final Column<byte[]> vbin = varbinary("vbin", 200);
        final Column<byte[]> blob = blob("blob");
        final Column<byte[]> tinyBlob = tinyBlob("tiny_blob");
        final Column<byte[]> mediumBlob = mediumBlob("medium_blob");
        final Column<byte[]> longBlob = longBlob("long_blob");
        final Column<String> tinyTxt = tinyText("tiny_txt");
        final Column<String> mediumTxt = mediumText("medium_txt");
        final Column<Byte> ti = tinyint("ti").notNull().defaultValue((byte) -1);
        final Column<Short> tiu = tinyintUnsigned("tiu").defaultValue((short) 255);
        final Column<Integer> smu = smallintUnsigned("smu").defaultValue(65_535);
        final Column<Integer> mi = mediumint("mi").defaultValue(-8_388_608);
        final Column<Integer> miu = mediumintUnsigned("miu").defaultValue(16_777_215);
        final Column<Long> iu = integerUnsigned("iu").notNull().defaultValue(4_294_967_295L);
        final Column<java.math.BigInteger> biu = bigintUnsigned("biu").defaultValue(new java.math.BigInteger(
                "18446744073709551615"));
        final Column<Float> fl = singlePrecision("fl").defaultValue(-3.40282E38f);
        final Column<java.time.Year> yr = year("yr").defaultValue(java.time.Year.of(1901));
        final Column<Long> flags = bit("flags", 12).defaultValue(0b1010L);
        final Column<Rating> rating = enumeration("rating", Rating.class).defaultValue(Rating.PG_13);
        final Column<String> txt = text("txt");
        final Column<String> ltxt = longText("ltxt").notNull();
        final Column<String> doc = json("doc");
        final Column<Level> level = enumeration("level", Level.class).notNull().defaultValue(Level.MID);
        final Column<Set<Level>> levels = enumSet("levels", Level.class).defaultValue(EnumSet.of(Level.LOW, Level.HIGH));
        final UniqueKey pair = unique(vc, sm);
        final Index byDay = index("ix_defaults_day_i", day, i);

        Defaults() {
            super("defaults");
            check("ck_defaults_range", i.between(0, 1000).or(i.isNull()));
        }
    }

    static final class Parents extends Table<Row, Void> {
        static final Parents PARENTS = new Parents();
        final Column<Integer> a = integer("a");
        final Column<String> b = varchar("b", 10);
        final Column<String> label = varchar("label", 30).unique("uk_parent_label");
        final PrimaryKey pk = primaryKey(a, b);

        Parents() {
            super("parents");
        }
    }

    static final class Children extends Table<Row, Long> {
        static final Children CHILDREN = new Children();
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Integer> pa = integer("pa");
        final Column<String> pb = varchar("pb", 10);
        final Column<Long> parentChild = bigint("parent_child").references(() -> Children.CHILDREN.id)
                .onDelete(ReferentialAction.SET_NULL).onUpdate(ReferentialAction.CASCADE);
        final Column<String> label = varchar("label", 30).references(() -> Parents.PARENTS.label)
                .onDelete(ReferentialAction.RESTRICT);

        Children() {
            super("children");
            foreignKey(List.of(pa, pb), () -> List.of(Parents.PARENTS.a, Parents.PARENTS.b), ReferentialAction.CASCADE,
                    ReferentialAction.NO_ACTION);
        }
    }

    /**
     * Every option a table and its constraints can declare: names (or none) for each kind of constraint, index and
     * unique-key names its twin reuses, collations, character sets, comments, expression defaults, full-text indexes.
     */
    static final class Options extends Table<Row, UUID> {
        static final Options OPTIONS = new Options();
        final Column<UUID> id = uuid("id").defaultExpression("uuid()").primaryKey();
        final Column<String> email = varchar("email", 190).notNull().unique("email");
        final Column<String> name = varchar("name", 50).notNull().collation("utf8mb4_bin").comment("display name");
        final Column<String> code = varchar("code", 8).charset("ascii").collation("ascii_bin").index();
        final Column<String> bio = text("bio").notNull().defaultValue("").comment("it's \"free\" text");
        final Column<LocalDate> joined = date("joined").notNull().defaultExpression("curdate()");
        final Column<LocalDateTime> created = datetime("created").precision(3).notNull().defaultExpression("now(3)")
                .index("idx_created");
        final Column<Integer> score = integer("score").check(c -> c.ge(0));
        final Column<String> note = varchar("note", 200);
        final Column<Long> childId = bigint("child_id").references("fk_options_child", () -> Children.CHILDREN.id)
                .onDelete(ReferentialAction.CASCADE);
        final Column<Integer> pa = integer("pa");
        final Column<String> pb = varchar("pb", 10);
        final Index search = fullTextIndex(null, bio, note);
        final Index named = fullTextIndex("ft_options_code", code);

        Options() {
            super("options");
            options().comment("every option").charset("utf8mb4");
            foreignKey("fk_options_parent", List.of(pa, pb), () -> List.of(Parents.PARENTS.a, Parents.PARENTS.b),
                    ReferentialAction.NO_ACTION, ReferentialAction.CASCADE);
            unique(pa, pb, email);
        }
    }

    /** Reuses the index and unique-key names of {@link Options}, as MySQL allows in another table. */
    static final class OptionsTwin extends Table<Row, Long> {
        static final OptionsTwin TWIN = new OptionsTwin();
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<String> email = varchar("email", 190).notNull().unique("email");
        final Column<LocalDateTime> created = datetime("created").notNull().defaultNow().index("idx_created");
        final Column<UUID> optionId = uuid("option_id").references(() -> Options.OPTIONS.id);

        OptionsTwin() {
            super("options_twin");
            options().comment("reuses names").collation("utf8mb4_unicode_ci");
        }
    }

    static final Schema ALL = Schema.of(Defaults.DEFAULTS, Parents.PARENTS, Children.CHILDREN, AllTypes.ALL_TYPES,
            Users.USERS, Posts.POSTS, Products.PRODUCTS, Options.OPTIONS, OptionsTwin.TWIN);

    private Vocabulary() {
    }
}
