package dev.cairn.engine.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.query.Functions;
import dev.cairn.dsl.query.Select;
import dev.cairn.dsl.query.Tuple2;
import dev.cairn.engine.Database;
import dev.cairn.engine.bind.RowMapper;
import dev.cairn.engine.compile.CompiledQuery;
import dev.cairn.engine.compile.QueryCompiler;
import dev.cairn.engine.exception.MappingException;
import dev.cairn.engine.model.AllTypes;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Mappers are generated classes for records, mutable classes, tuples and single columns; reflection only as a fallback. */
class GeneratedMapperTest {
    public record Item(Long id, String name, int qty) {
    }

    private record Hidden(Long id, String name, int qty) {
    }

    /** Package-private fields are stored directly. */
    public static final class FieldBean {
        Long id;
        String name;
        int qty;
    }

    /** Private fields are set through their setters. */
    public static final class SetterBean {
        private Long id;
        private String name;
        private int qty;

        public void setId(Long id) {
            this.id = id;
        }

        public void setName(String name) {
            this.name = name;
        }

        public void setQty(int qty) {
            this.qty = qty;
        }
    }

    static final class Items<R> extends Table<R, Long> {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> name = varchar("name", 20).notNull();
        final Column<Integer> qty = integer("qty");

        Items(Class<R> rowType) {
            super("items", rowType);
        }
    }

    private static <R> List<R> run(Database db, Select<R> select) throws Exception {
        QueryCompiler compiler = new QueryCompiler(db.dialect(), 10);
        Mappers mappers = new Mappers(db.dialect());
        CompiledQuery q = compiler.select(select);
        RowMapper<R> mapper = mappers.of(select.projection(), q);
        lastMapper = mapper;
        assertThat(mappers.of(select.projection(), q)).isSameAs(mapper);
        List<R> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(q.sql())) {
            var values = dev.cairn.engine.compile.QueryValues.of(select, new dev.cairn.engine.bind.ValueRules(db.dialect()));
            var binder = new dev.cairn.engine.bind.ValueBinder(db.dialect());
            for (int k = 0; k < q.bindOrder().length; k++) {
                var p = values.get(q.bindOrder()[k]);
                binder.bind(ps, k + 1, p.type(), p.value());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
        }
        return out;
    }

    private static RowMapper<?> lastMapper;

    private static void seed(Database db, Items<?> items) {
        try (Connection c = db.dataSource().getConnection()) {
            dev.cairn.schema.SchemaCreator.createMissing(c, Schema.of(items));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        db.updateTable(items).set(items.qty, 0).all().execute();
        try (Connection c = db.dataSource().getConnection(); var st = c.createStatement()) {
            String q = db.dialect().isMySqlFamily() ? "`" : "\"";
            st.execute("insert into " + q + "items" + q + " values (1, 'one', 1), (2, 'two', null)");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @DatabaseTest
    void recordsBeansTuplesAndSingleColumnsGetGeneratedClasses(Database db) throws Exception {
        Items<Item> items = new Items<>(Item.class);
        seed(db, items);
        assertThatThrownBy(() -> run(db, Select.rowsOf(items))).isInstanceOf(MappingException.class)
                .hasMessage("Column items.qty is NULL but Item.qty is a primitive int; make it Integer");
        assertThat(lastMapper.getClass().getName()).contains("$$CairnMapper");
        assertThat(run(db, Select.rowsOf(items).where(items.id.eq(1L)))).containsExactly(new Item(1L, "one", 1));

        Items<FieldBean> fieldItems = new Items<>(FieldBean.class);
        List<FieldBean> fields = run(db, Select.rowsOf(fieldItems).where(fieldItems.id.eq(1L)));
        assertThat(lastMapper.getClass().getName()).contains("$$CairnMapper");
        assertThat(fields.get(0).name).isEqualTo("one");
        assertThat(fields.get(0).qty).isEqualTo(1);

        Items<SetterBean> setterItems = new Items<>(SetterBean.class);
        List<SetterBean> set = run(db, Select.rowsOf(setterItems).where(setterItems.id.eq(1L)));
        assertThat(lastMapper.getClass().getName()).contains("$$CairnMapper");
        assertThat(set.get(0).id).isEqualTo(1L);
        assertThat(set.get(0).name).isEqualTo("one");

        List<Tuple2<String, Integer>> pairs = run(db, Select.select(items.name, items.qty).from(items)
                .orderBy(items.id.asc()));
        assertThat(lastMapper.getClass().getName()).contains("$$CairnMapper");
        assertThat(pairs).containsExactly(new Tuple2<>("one", 1), new Tuple2<>("two", null));

        List<Long> counts = run(db, Select.select(Functions.count()).from(items));
        assertThat(lastMapper.getClass().getName()).contains("$$CairnMapper");
        assertThat(counts).containsExactly(2L);
    }

    @DatabaseTest
    void unreachableTargetsFallBackToReflectionAndStillMap(Database db) throws Exception {
        Items<Hidden> items = new Items<>(Hidden.class);
        seed(db, items);
        assertThat(run(db, Select.rowsOf(items).where(items.id.eq(1L)))).containsExactly(new Hidden(1L, "one", 1));
        assertThat(lastMapper.getClass().getName()).doesNotContain("$$CairnMapper");
        assertThatThrownBy(() -> run(db, Select.rowsOf(items))).isInstanceOf(MappingException.class)
                .hasMessage("Column items.qty is NULL but Hidden.qty is a primitive int; make it Integer");
    }

    @DatabaseTest
    void everyModelTypeMapsThroughAGeneratedMapper(TestDatabase t) throws Exception {
        Database db = t.open(Schema.of(AllTypes.ALL_TYPES)).createMissingTables();
        db.persist(new AllTypes.Values(null, "v", "abc", "t", "lt", (short) 1, 2, 3L,
                new java.math.BigDecimal("4.5000"), 5.5, true, java.time.LocalDate.of(2020, 1, 1),
                java.time.LocalDateTime.of(2020, 1, 1, 1, 1, 1, 123_000), java.time.Instant.parse("2020-01-01T00:00:00.5Z"),
                java.time.LocalTime.of(1, 2, 3), java.util.UUID.randomUUID(), new byte[] {1, 2, 3, 4}, new byte[] {5},
                new byte[] {6}, "{}", new AllTypes.Prefs("x", 1), AllTypes.Mood.SAD,
                java.util.EnumSet.of(AllTypes.Perm.WRITE)));
        List<AllTypes.Values> rows = run(db, Select.rowsOf(AllTypes.ALL_TYPES));
        assertThat(lastMapper.getClass().getName()).contains("$$CairnMapper");
        assertThat(rows).singleElement().satisfies(v -> {
            assertThat(v.prefs()).isEqualTo(new AllTypes.Prefs("x", 1));
            assertThat(v.mood()).isEqualTo(AllTypes.Mood.SAD);
            assertThat(v.perms()).containsExactly(AllTypes.Perm.WRITE);
            assertThat(v.ts()).isEqualTo(java.time.Instant.parse("2020-01-01T00:00:00.5Z"));
        });
    }
}
