package dev.cairn.dsl;

import dev.cairn.dsl.lifecycle.Scenario;
import dev.cairn.dsl.lifecycle.ValidationErrors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

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

    /**
     * The validation rules of one column, declared in the table's constructor:
     *
     * <pre>{@code
     * validate(email).present().format("[^@\\s]+@[^@\\s]+", "is not an email address");
     * validate(name).length(2, 100).on(Scenario.CREATE);
     * validate(password).confirmedBy(User::passwordConfirmation);
     * validate(code).rule(c -> c.startsWith("X") ? "must not start with X" : null);
     * }</pre>
     *
     * {@link #message(String)} and {@link #on(Scenario...)} apply to the rule declared just before them. A null value
     * breaks only {@link #present()} (and {@link Column#required()}): the other rules pass over nulls, so that an
     * optional column is checked only when it has a value.
     *
     * @param <R> the row type
     * @param <T> the column's value type
     */
    public static final class ColumnRules<R, T> {
        private final Validations<R> validations;
        private final Column<T> column;
        private final String table;

        ColumnRules(Validations<R> validations, Column<T> column) {
            this.validations = validations;
            this.column = column;
            this.table = column.table().name();
        }

        /** The value is there: not null and, for text, not blank. Message "is required". */
        public ColumnRules<R, T> present() {
            return add((v, row) -> v == null || v instanceof String s && s.isBlank() ? "is required" : null);
        }

        /** The value is absent: null or empty text. Message "must be absent". */
        public ColumnRules<R, T> absent() {
            return add((v, row) -> v == null || v instanceof String s && s.isEmpty() ? null : "must be absent");
        }

        /** The length (characters of text, bytes of binary, members of a set) is from {@code min} to {@code max}. */
        public ColumnRules<R, T> length(int min, int max) {
            if (min < 0 || max < min) {
                throw new DefinitionException(table, column.name(),
                        "length(" + min + ", " + max + ") needs 0 <= min <= max");
            }
            requireMeasurable("length");
            return add((v, row) -> {
                if (v == null) {
                    return null;
                }
                int n = lengthOf(v);
                return n < min ? "must be at least " + min + " characters"
                        : n > max ? "must be at most " + max + " characters" : null;
            });
        }

        /** The length is at least {@code min}. */
        public ColumnRules<R, T> minLength(int min) {
            return length(min, Integer.MAX_VALUE);
        }

        /** The length is at most {@code max}. */
        public ColumnRules<R, T> maxLength(int max) {
            return length(0, max);
        }

        /** The length is exactly {@code length}. */
        public ColumnRules<R, T> exactLength(int length) {
            if (length < 0) {
                throw new DefinitionException(table, column.name(), "exactLength needs a length >= 0, got " + length);
            }
            requireMeasurable("exactLength");
            return add((v, row) -> v == null || lengthOf(v) == length ? null
                    : "must be exactly " + length + " characters");
        }

        /** The text matches the regular expression as a whole. Message "is not in the right format". */
        public ColumnRules<R, T> format(String regex) {
            return format(regex, null);
        }

        /** The text matches the regular expression as a whole, else {@code message}. */
        public ColumnRules<R, T> format(String regex, String message) {
            Objects.requireNonNull(regex, "regex");
            if (column.type().javaType() != String.class) {
                throw new DefinitionException(table, column.name(), "format(...) checks text; the column holds "
                        + column.type().javaType().getSimpleName());
            }
            Pattern pattern;
            try {
                pattern = Pattern.compile(regex);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new DefinitionException(table, column.name(), "format(...) has an invalid regular expression: "
                        + e.getDescription());
            }
            add((v, row) -> v == null || pattern.matcher((String) v).matches() ? null : "is not in the right format");
            return message == null ? this : message(message);
        }

        /**
         * The value equals its confirmation, read from the row by {@code confirmation} (a field the row type holds but
         * the table does not store, such as a transient {@code passwordConfirmation}). Message "does not match its
         * confirmation".
         */
        public ColumnRules<R, T> confirmedBy(Function<? super R, ?> confirmation) {
            Objects.requireNonNull(confirmation, "confirmation");
            return add((v, row) -> {
                if (row == null) {
                    throw new RowNeeded();
                }
                return Objects.equals(normal(v), normal(confirmation.apply(row))) ? null
                        : "does not match its confirmation";
            });
        }

        /** A check of the application's own on the value (never given null); message "is not valid". */
        @SuppressWarnings("unchecked")
        public ColumnRules<R, T> satisfies(Predicate<? super T> check) {
            Objects.requireNonNull(check, "check");
            return add((v, row) -> v == null || check.test((T) v) ? null : "is not valid");
        }

        /**
         * A rule of the application's own that gives its own message: given the value (never null), it returns
         * {@code null} when the value is valid, else the message, which may say what is wrong with this value:
         * {@code rule(qty -> qty % 12 == 0 ? null : "must be whole dozens, " + qty + " is not")}.
         */
        @SuppressWarnings("unchecked")
        public ColumnRules<R, T> rule(Function<? super T, String> rule) {
            Objects.requireNonNull(rule, "rule");
            return add((v, row) -> v == null ? null : rule.apply((T) v));
        }

        /** A check of the application's own on the value, with the message to give when it fails. */
        public ColumnRules<R, T> satisfies(Predicate<? super T> check, String message) {
            return satisfies(check).message(message);
        }

        /** The message of the rule declared just before, instead of its default one. */
        public ColumnRules<R, T> message(String message) {
            Objects.requireNonNull(message, "message");
            requireRule("message");
            validations.replaceLast(validations.last().withMessage(message));
            return this;
        }

        /** The scenarios in which the rule declared just before applies (by default: all). */
        public ColumnRules<R, T> on(Scenario... scenarios) {
            if (scenarios.length == 0) {
                throw new DefinitionException(table, column.name(), "on(...) needs at least one scenario");
            }
            requireRule("on");
            validations.replaceLast(validations.last().on(Set.copyOf(Arrays.asList(scenarios))));
            return this;
        }

        private void requireRule(String what) {
            if (validations.last() == null || validations.last().column() != column) {
                throw new DefinitionException(table, column.name(), what + "(...) follows a rule, such as present()");
            }
        }

        private ColumnRules<R, T> add(java.util.function.BiFunction<Object, R, String> check) {
            validations.add(new Rule<>(column, null, check));
            return this;
        }

        private void requireMeasurable(String what) {
            Class<?> type = column.type().javaType();
            if (type != String.class && type != byte[].class && !Collection.class.isAssignableFrom(type)) {
                throw new DefinitionException(table, column.name(), what + "(...) measures text, binary or sets;"
                        + " the column holds " + type.getSimpleName());
            }
        }

        private static int lengthOf(Object v) {
            if (v instanceof String s) {
                return s.codePointCount(0, s.length());
            }
            if (v instanceof byte[] b) {
                return b.length;
            }
            return ((Collection<?>) v).size();
        }

        private static Object normal(Object v) {
            return v instanceof byte[] b ? java.nio.ByteBuffer.wrap(b) : v;
        }
    }
}
