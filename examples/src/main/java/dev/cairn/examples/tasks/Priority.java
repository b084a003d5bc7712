package dev.cairn.examples.tasks;

import dev.cairn.dsl.type.Labelled;

/** How urgent a task is, stored under labels that are not Java names: {@code ENUM('later','must-do')}. */
public enum Priority implements Labelled {
    LATER("later"), MUST_DO("must-do");

    private final String label;

    Priority(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
