package dev.cairn.dialect.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * Cairn's placeholders in jOOQ parts: named {@code p0, p1, ...} after the index of the value they take, so that the
 * order in which jOOQ writes them into the SQL (which may differ from the model's, as in {@code LIMIT ?, ?} or an
 * emulated upsert) maps back to the values without counting.
 */
public final class Placeholders {
    private Placeholders() {
    }

    /** The placeholder of value number {@code index}. */
    public static Field<Object> param(int index, DataType<Object> type) {
        return DSL.param("p" + index, type);
    }

    /**
     * Renders a statement holding {@code count} of Cairn's placeholders, and lists what each placeholder in the SQL
     * takes. Fails if the SQL does not hold exactly those placeholders: a value would be bound to the wrong one.
     */
    public static RenderedSql render(DSLContext jooq, Query query, int count) {
        String sql = jooq.render(query);
        // jOOQ lists parameters in the order their placeholders appear in the SQL; inline ones have none.
        Map<String, Param<?>> params = jooq.extractParams(query);
        List<Object> constants = new ArrayList<>();
        int[] order = new int[(int) params.values().stream().filter(p -> !p.isInline()).count()];
        int k = 0;
        boolean[] seen = new boolean[count];
        int ours = 0;
        for (Map.Entry<String, Param<?>> e : params.entrySet()) {
            if (e.getValue().isInline()) {
                continue;
            }
            int index = indexOf(e.getKey());
            if (index >= 0 && index < count && !seen[index]) {
                seen[index] = true;
                ours++;
                order[k++] = index;
            } else if (index >= 0) {
                throw new IllegalStateException("Placeholder p" + index + " appears twice or beyond the " + count
                        + " values: " + sql);
            } else {
                constants.add(e.getValue().getValue());
                order[k++] = -constants.size();
            }
        }
        if (ours != count) {
            throw new IllegalStateException("Rendered " + ours + " placeholders for " + count + " values: " + sql);
        }
        return new RenderedSql(sql, order, constants.toArray());
    }

    /** The value index of one of Cairn's placeholders, or -1 for a parameter jOOQ made itself. */
    private static int indexOf(String name) {
        if (name.length() < 2 || name.charAt(0) != 'p') {
            return -1;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(name.substring(1));
    }
}
