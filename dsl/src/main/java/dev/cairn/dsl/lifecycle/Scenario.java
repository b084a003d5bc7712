package dev.cairn.dsl.lifecycle;

import java.util.Objects;

/**
 * When a validation rule applies. A rule declared without {@code on(...)} applies in every scenario; one declared
 * {@code on(Scenario.CREATE)} only when a row is inserted. Named scenarios ({@code Scenario.named("signup")}) apply
 * only when asked for by {@code validate(row, scenario)}.
 */
public final class Scenario {
    /** A row is inserted: {@code persist}, or {@code save} of a row without its generated key. */
    public static final Scenario CREATE = new Scenario("create");
    /** A row is updated by {@code update(row)} or {@code update(table, key, changes)}. */
    public static final Scenario UPDATE = new Scenario("update");
    /**
     * {@code save(row)} of a row with its key: one upsert statement decides between insert and update, so the rules
     * that apply are those for both {@link #CREATE} and {@link #UPDATE} (and rules without a scenario).
     */
    public static final Scenario SAVE = new Scenario("save");

    private final String name;

    private Scenario(String name) {
        this.name = name;
    }

    /** A scenario of the application's own, such as {@code "signup"}. */
    public static Scenario named(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A scenario needs a name");
        }
        return switch (name) {
            case "create" -> CREATE;
            case "update" -> UPDATE;
            case "save" -> SAVE;
            default -> new Scenario(name);
        };
    }

    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scenario s && s.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
