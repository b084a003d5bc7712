package dev.cairn.dsl.lifecycle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What failed validation, by field: the field is the Java name of the column ({@code email}, {@code createdAt}), or
 * the name given to a row rule. Messages are short ("is required"); {@link #fullMessages()} prefixes the field.
 */
public final class ValidationErrors {
    private static final ValidationErrors NONE = new ValidationErrors(Map.of());

    private final Map<String, List<String>> byField;

    private ValidationErrors(Map<String, List<String>> byField) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        byField.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.byField = Collections.unmodifiableMap(copy);
    }

    /** No errors. */
    public static ValidationErrors none() {
        return NONE;
    }

    /** The given messages by field, in the map's order; {@link #none()} when the map is empty. */
    public static ValidationErrors of(Map<String, List<String>> byField) {
        return byField.isEmpty() ? NONE : new ValidationErrors(byField);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    /** Field to its messages, in declaration order. */
    public Map<String, List<String>> byField() {
        return byField;
    }

    /** The messages of one field, possibly empty. */
    public List<String> of(String field) {
        return byField.getOrDefault(field, List.of());
    }

    /** Every message with its field in front: {@code "email is required"}. */
    public List<String> fullMessages() {
        List<String> out = new ArrayList<>();
        byField.forEach((field, messages) -> messages.forEach(m -> out.add(field + " " + m)));
        return out;
    }

    @Override
    public String toString() {
        return String.join("; ", fullMessages());
    }
}
