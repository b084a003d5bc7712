package dev.cairn.engine;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a JVM with a small heap by {@link StreamingTest}: inserts more rows than the heap could hold, then reads
 * them all back with {@code forEach}. Prints one line, {@code streamed <rows> <sum> <maxHeapMiB>}, and exits 0.
 */
public final class StreamingMain {
    public record Big(Long id, String payload, Integer n) {
    }

    static final class BigRows extends Table<Big, Long> {
        static final BigRows BIG = new BigRows();
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> payload = varchar("payload", 200).notNull();
        final Column<Integer> n = integer("n").notNull();

        BigRows() {
            super("big_rows");
        }
    }

    private StreamingMain() {
    }

    public static void main(String[] args) {
        String url = args[0];
        int rows = Integer.parseInt(args[3]);
        try (Database db = Database.builder().url(url).user(args[1]).password(args[2]).poolSize(2)
                .schema(BigRows.BIG).build()) {
            db.createMissingTables();
            String filler = "p".repeat(190);
            for (int from = 0; from < rows; from += 10_000) {
                List<Big> chunk = new ArrayList<>(10_000);
                for (int i = from; i < Math.min(rows, from + 10_000); i++) {
                    chunk.add(new Big((long) i, filler + i, i % 7));
                }
                db.insertInto(BigRows.BIG).rows(chunk).chunkSize(2_000).execute();
            }
            long[] sum = {0};
            long count = db.selectFrom(BigRows.BIG).forEach(b -> sum[0] += b.n() + b.payload().length());
            System.out.println("streamed " + count + " " + sum[0] + " " + Runtime.getRuntime().maxMemory() / (1 << 20));
        }
    }
}
