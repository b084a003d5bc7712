package dev.cairn.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shape trie finds exactly the shapes stored in it, by each token's identity or equality, under concurrency. */
class ShapeTrieTest {

    private static CompiledQuery query(String sql) {
        return new CompiledQuery(sql, new int[0], new Object[0]);
    }

    /** What a lookup finds: the statement of the shape its cursor reached, or null. */
    private static CompiledQuery find(ShapeTrie trie, List<?> tokens) {
        ShapeTrie.Cursor cursor = new ShapeTrie.Cursor();
        cursor.start(trie);
        for (Object t : tokens) {
            cursor.step(t);
        }
        return cursor.query();
    }

    private static List<Object> tokens(Object... ts) {
        return new ArrayList<>(List.of(ts));
    }

    @Test
    void findsAShapeAndNeitherItsPrefixNorALongerOneUnlessStored() {
        ShapeTrie trie = new ShapeTrie();
        CompiledQuery where = query("where");
        trie.add(tokens('S', "SELECT[", "]FROM ", " WHERE ", "(", "<=", ")"), where);

        assertThat(find(trie, tokens('S', "SELECT[", "]FROM ", " WHERE ", "(", "<=", ")"))).isSameAs(where);
        assertThat(find(trie, tokens('S', "SELECT[", "]FROM "))).isNull();
        assertThat(find(trie, tokens('S', "SELECT[", "]FROM ", " WHERE ", "(", "<=", ")", " LIMIT "))).isNull();
        assertThat(find(trie, tokens('C', "SELECT[", "]FROM "))).isNull();

        CompiledQuery all = query("all");
        trie.add(tokens('S', "SELECT[", "]FROM "), all);
        assertThat(find(trie, tokens('S', "SELECT[", "]FROM "))).isSameAs(all);
        assertThat(find(trie, tokens('S', "SELECT[", "]FROM ", " WHERE ", "(", "<=", ")"))).isSameAs(where);
    }

    @Test
    void shapesThatPartInsideARunKeepTheirOwnStatements() {
        ShapeTrie trie = new ShapeTrie();
        CompiledQuery le = query("le");
        CompiledQuery eq = query("eq");
        CompiledQuery limited = query("limited");
        trie.add(tokens('S', "SELECT[", "]FROM ", " WHERE ", "(", "<=", ")"), le);
        // A cursor part way along the run when the run is parted goes on along the nodes it started on.
        ShapeTrie.Cursor underWay = new ShapeTrie.Cursor();
        underWay.start(trie);
        for (Object t : tokens('S', "SELECT[", "]FROM ", " WHERE ")) {
            underWay.step(t);
        }

        trie.add(tokens('S', "SELECT[", "]FROM ", " WHERE ", "(", "=", ")"), eq);
        trie.add(tokens('S', "SELECT[", "]FROM ", " WHERE ", "(", "<=", ")", " LIMIT ", "?INT"), limited);

        for (Object t : tokens("(", "<=", ")")) {
            underWay.step(t);
        }
        assertThat(underWay.query()).isSameAs(le);
        assertThat(find(trie, tokens('S', "SELECT[", "]FROM ", " WHERE ", "(", "<=", ")"))).isSameAs(le);
        assertThat(find(trie, tokens('S', "SELECT[", "]FROM ", " WHERE ", "(", "=", ")"))).isSameAs(eq);
        assertThat(find(trie, tokens('S', "SELECT[", "]FROM ", " WHERE ", "(", "<=", ")", " LIMIT ", "?INT")))
                .isSameAs(limited);
        assertThat(find(trie, tokens('S', "SELECT[", "]FROM ", " WHERE ", "(", "<", ")"))).isNull();
        assertThat(find(trie, tokens('S', "SELECT[", "]FROM ", " WHERE ", "(", "<=", ")", " LIMIT "))).isNull();
        assertThat(find(trie, tokens('S', "SELECT[", "]FROM ", " WHERE ", "(", "<=", ")", " LIMIT ", "?INT",
                " OFFSET "))).isNull();
        assertThat(find(trie, tokens('S', "SELECT[", "]FROM ", " WHERE ", "(", "="))).isNull();
    }

    @Test
    void equalTokensThatAreNotTheSameObjectMatch() {
        ShapeTrie trie = new ShapeTrie();
        CompiledQuery q = query("in list");
        trie.add(tokens('S', new String("alias"), Integer.valueOf(1024)), q);

        assertThat(find(trie, tokens('S', new String("alias"), Integer.valueOf(1024)))).isSameAs(q);
        assertThat(find(trie, tokens('S', "alias", 1024))).isSameAs(q);
        assertThat(find(trie, tokens('S', "alias", 1023))).isNull();
        assertThat(find(trie, tokens('S', "alia", 1024))).isNull();
    }

    @Test
    void aNodeOfManyChildrenFindsEachAndNoOther() {
        for (int children : new int[] {1, 2, 8, 9, 40}) {
            ShapeTrie trie = new ShapeTrie();
            List<CompiledQuery> stored = new ArrayList<>();
            for (int i = 0; i < children; i++) {
                CompiledQuery q = query("child " + i);
                stored.add(q);
                trie.add(tokens('S', " WHERE ", "column" + i, "?INT"), q);
            }
            for (int i = 0; i < children; i++) {
                assertThat(find(trie, tokens('S', " WHERE ", "column" + i, "?INT")))
                        .as("child %d of %d", i, children).isSameAs(stored.get(i));
                assertThat(find(trie, tokens('S', " WHERE ", "column" + i, "?VARCHAR"))).isNull();
            }
            assertThat(find(trie, tokens('S', " WHERE ", "column" + children, "?INT"))).isNull();
        }
    }

    @Test
    void aShapeAddedTwiceKeepsTheFirstStatement() {
        ShapeTrie trie = new ShapeTrie();
        CompiledQuery first = query("first");
        assertThat(trie.add(tokens('U', "UPDATE ", "?INT"), first)).isSameAs(first);
        assertThat(trie.add(tokens('U', "UPDATE ", "?INT"), query("second"))).isSameAs(first);
        assertThat(find(trie, tokens('U', "UPDATE ", "?INT"))).isSameAs(first);
    }

    @Test
    void clearDropsEveryShape() {
        ShapeTrie trie = new ShapeTrie();
        trie.add(tokens('D', "DELETE "), query("delete"));
        trie.clear();
        assertThat(find(trie, tokens('D', "DELETE "))).isNull();
    }

    @Test
    void concurrentLookupsFindNothingOrTheirOwnStatementWhileShapesAreAdded() throws Exception {
        ShapeTrie trie = new ShapeTrie();
        int shapes = 400;
        List<List<Object>> keys = new ArrayList<>();
        List<CompiledQuery> queries = new ArrayList<>();
        for (int i = 0; i < shapes; i++) {
            // Shared prefixes, a wide node (i % 37) and a narrow one (i % 3) below it, then a tail of its own.
            keys.add(tokens('S', "SELECT[", "t" + (i % 37), "c" + (i % 3), Integer.valueOf(1000 + i)));
            queries.add(query("q" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Object lock = new Object();
            List<Future<?>> work = new ArrayList<>();
            work.add(pool.submit(() -> {
                for (int i = 0; i < shapes; i++) {
                    synchronized (lock) { // additions are serialised by the cache that owns the trie
                        trie.add(keys.get(i), queries.get(i));
                    }
                }
            }));
            for (int reader = 0; reader < 3; reader++) {
                work.add(pool.submit(() -> {
                    for (int round = 0; round < 50; round++) {
                        for (int i = 0; i < shapes; i++) {
                            CompiledQuery found = find(trie, keys.get(i));
                            if (found != null && found != queries.get(i)) {
                                throw new AssertionError("shape " + i + " found " + found.sql());
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < shapes; i++) {
            assertThat(find(trie, keys.get(i))).isSameAs(queries.get(i));
        }
    }
}
