package dev.cairn.dsl;

import dev.cairn.dsl.lifecycle.Scenario;
import dev.cairn.dsl.lifecycle.ValidationErrors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The validation rules of a table, declared in the table class with {@link Column#required()},
 * {@link Table#validate(Column)} and {@link Table#validateRow}; the engine runs them before every insert and update
 * of a row object, before any SQL is sent.
 *
 * @param <R> the row type
 */
public final class Validations<R> {
    /** One rule: gives the message when the value breaks it, else {@code null}. Immutable. */
    record Rule<R>(Column<?> column, String rowField, BiFunction<Object, R, String> check, String message,
                   Set<Scenario> on) {

        Rule(Column<?> column, String rowField, BiFunction<Object, R, String> check) {
            this(column, rowField, check, null, Set.of());
        }

        Rule<R> withMessage(String m) {
            return new Rule<>(column, rowField, check, m, on);
        }

        Rule<R> on(Set<Scenario> scenarios) {
            return new Rule<>(column, rowField, check, message, Set.copyOf(scenarios));
        }

        // Column fields are named when the table is frozen, after the rules are declared.
        String field() {
            return column == null ? rowField : column.fieldName() != null ? column.fieldName() : column.name();
        }

        boolean appliesTo(Scenario scenario) {
            if (on.isEmpty()) {
                return true;
            }
            if (scenario.equals(Scenario.SAVE)) {
                return on.contains(Scenario.SAVE) || on.contains(Scenario.CREATE) && on.contains(Scenario.UPDATE);
            }
            return on.contains(scenario);
        }

        String problem(Object value, R row) {
            String problem = check.apply(value, row);
            return problem == null ? null : message != null ? message : problem;
        }
    }

    private final TableDefinition<R> table;
    private List<Rule<R>> rules = new ArrayList<>();

    Validations(TableDefinition<R> table) {
        this.table = table;
    }

    void add(Rule<R> rule) {
        table.checkBuilding();
        rules.add(rule);
    }

    Rule<R> last() {
        return rules.isEmpty() ? null : rules.get(rules.size() - 1);
    }

    void replaceLast(Rule<R> rule) {
        table.checkBuilding();
        rules.set(rules.size() - 1, rule);
    }

    /** The rule of {@link Column#required()}: a value, and for text one that is not blank. */
    void addRequired(Column<?> column) {
        add(new Rule<>(column, null, (v, row) -> v == null || v instanceof String s && s.isBlank() ? "is required" : null));
    }

    void addRowRule(String field, Function<? super R, String> rule, Set<Scenario> on) {
        add(new Rule<R>(null, field, (v, row) -> {
            if (row == null) {
                throw new RowNeeded();
            }
            return rule.apply(row);
        }).on(on));
    }

    void freeze() {
        rules = List.copyOf(rules);
    }

    /** Whether the table declares no rule. */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * Runs every rule that applies in {@code scenario} against a row whose column values {@code valueOf} returns,
     * and collects the failures by field.
     */
    public ValidationErrors check(R row, Function<Column<?>, Object> valueOf, Scenario scenario) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (Rule<R> rule : rules) {
            if (rule.appliesTo(scenario)) {
                String problem = rule.problem(rule.column() == null ? null : valueOf.apply(rule.column()), row);
                if (problem != null) {
                    errors.computeIfAbsent(rule.field(), f -> new ArrayList<>()).add(problem);
                }
            }
        }
        return ValidationErrors.of(errors);
    }

    /**
     * Runs the rules of the given columns only (for a change to some columns of a row): rules over the whole row, and
     * confirmations, which need the row, are left out.
     */
    public ValidationErrors checkColumns(Map<Column<?>, Object> values, Scenario scenario) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Collection<Column<?>> changed = values.keySet();
        for (Rule<R> rule : rules) {
            if (rule.column() != null && changed.contains(rule.column()) && rule.appliesTo(scenario)) {
                String problem;
                try {
                    problem = rule.problem(values.get(rule.column()), null);
                } catch (RowNeeded e) {
                    continue;
                }
                if (problem != null) {
                    errors.computeIfAbsent(rule.field(), f -> new ArrayList<>()).add(problem);
                }
            }
        }
        return ValidationErrors.of(errors);
    }

    /** Thrown by a rule that needs the whole row when only column values are at hand. */
    static final class RowNeeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RowNeeded() {
            super(null, null, false, false);
        }
    }
}
