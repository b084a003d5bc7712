package dev.cairn.dsl.ast;

import dev.cairn.dsl.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Conditions joined by AND or by OR; nested junctions of the same kind are flattened. */
public record Junction(boolean isAnd, List<Condition> parts) implements Condition {
    public Junction {
        parts = List.copyOf(parts);
        if (parts.size() < 2) {
            throw new IllegalArgumentException("A junction needs at least two conditions");
        }
    }

    /** Joins conditions with AND (or OR), flattening nested junctions of the same kind. */
    public static Condition of(boolean isAnd, List<Condition> conditions) {
        List<Condition> flat = new ArrayList<>();
        for (Condition c : conditions) {
            Objects.requireNonNull(c, "condition");
            if (c instanceof Junction j && j.isAnd == isAnd) {
                flat.addAll(j.parts);
            } else {
                flat.add(c);
            }
        }
        if (flat.isEmpty()) {
            throw new IllegalArgumentException("At least one condition is required");
        }
        return flat.size() == 1 ? flat.get(0) : new Junction(isAnd, flat);
    }

    @Override
    public String toString() {
        return parts.stream().map(Object::toString).collect(Collectors.joining(isAnd ? " AND " : " OR ", "(", ")"));
    }
}
