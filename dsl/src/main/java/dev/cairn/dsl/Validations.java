package dev.cairn.dsl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The validation rules of a table, declared in the table class with {@link Table#validate(Column)} and
 * {@link Table#validateRow}; the engine runs them before every insert and update.
 *
 * @param <R> the row type
 */
public final class Validations<R> {
    /** One rule: returns the default message when the value breaks it, else {@code null}. */
    static final class Rule<R> {
        final Column<?> column;
        private final String rowField;
        final BiFunction<Object, R, String> check;
        String message;
        Set<Scenario> on = Set.of();

        Rule(Column<?> column, String rowField, BiFunction<Object, R, String> check) {
            this.column = column;
            this.rowField = rowField;
            this.check = check;
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
    }

    private final Table<R> table;
    private final List<Rule<R>> rules = new ArrayList<>();

    Validations(Table<R> table) {
        this.table = table;
    }

    void add(Rule<R> rule) {
        table.checkBuilding();
        rules.add(rule);
    }

    Rule<R> last() {
        return rules.get(rules.size() - 1);
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
                String problem = rule.check.apply(rule.column == null ? null : valueOf.apply(rule.column), row);
                if (problem != null) {
                    errors.computeIfAbsent(rule.field(), f -> new ArrayList<>())
                            .add(rule.message != null ? rule.message : problem);
                }
            }
        }
        return errors.isEmpty() ? ValidationErrors.none() : new ValidationErrors(errors);
    }

    /**
     * Runs the rules of the given columns only (for a change to some columns of a row): rules over the whole row, and
     * confirmations, which need the row, are left out.
     */
    public ValidationErrors checkColumns(Map<Column<?>, Object> values, Scenario scenario) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Collection<Column<?>> changed = values.keySet();
        for (Rule<R> rule : rules) {
            if (rule.column != null && changed.contains(rule.column) && rule.appliesTo(scenario)) {
                String problem;
                try {
                    problem = rule.check.apply(values.get(rule.column), null);
                } catch (RowNeeded e) {
                    continue;
                }
                if (problem != null) {
                    errors.computeIfAbsent(rule.field(), f -> new ArrayList<>())
                            .add(rule.message != null ? rule.message : problem);
                }
            }
        }
        return errors.isEmpty() ? ValidationErrors.none() : new ValidationErrors(errors);
    }

    /** Thrown by a rule that needs the whole row when only column values are at hand. */
    static final class RowNeeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RowNeeded() {
            super(null, null, false, false);
        }
    }
}
