package dev.cairn.dsl.ast;

import dev.cairn.dsl.Condition;
import java.util.List;

/** SQL text from the application with a {@code ?} for each bound parameter. */
public record RawCondition(String sql, List<Param<?>> params) implements Condition {
    public RawCondition {
        params = List.copyOf(params);
    }

    @Override
    public String toString() {
        return "(" + sql + ")";
    }
}
