package dev.cairn.engine.compile;

import dev.cairn.engine.bind.RowMapper;

/**
 * A statement shape compiled for one dialect: its SQL text with {@code ?} placeholders, and what each placeholder
 * takes, in order: the index of one of the statement's values as {@link QueryValues} collects them, or, for the few
 * values jOOQ adds to the SQL by itself, a constant. A SELECT's shape also keeps the row mapper of its result
 * layout once the engine has built it, so that queries of a cached shape neither compile nor build anything.
 */
public final class CompiledQuery {
    private final String sql;
    private final int[] bindOrder;
    private final Object[] constants;
    private volatile RowMapper<?> mapper;

    /**
     * @param sql       the SQL text
     * @param bindOrder {@code bindOrder[k] >= 0}: placeholder {@code k + 1} takes value {@code bindOrder[k]};
     *                  {@code bindOrder[k] < 0}: it takes {@code constants[-1 - bindOrder[k]]}
     * @param constants values jOOQ rendered as parameters of its own
     */
    public CompiledQuery(String sql, int[] bindOrder, Object[] constants) {
        this.sql = sql;
        this.bindOrder = bindOrder;
        this.constants = constants;
    }

    public String sql() {
        return sql;
    }

    public int[] bindOrder() {
        return bindOrder;
    }

    public Object[] constants() {
        return constants;
    }

    /** The row mapper kept with this shape, or {@code null} before the first query built it. */
    public RowMapper<?> mapper() {
        return mapper;
    }

    /** Keeps the row mapper of this shape (several threads may race to set equal mappers; any one wins). */
    public void mapper(RowMapper<?> rowMapper) {
        this.mapper = rowMapper;
    }

    @Override
    public String toString() {
        return sql;
    }
}
