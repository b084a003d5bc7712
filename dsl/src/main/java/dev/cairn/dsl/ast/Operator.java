package dev.cairn.dsl.ast;

/** Binary comparison operators. */
public enum Operator {
    EQ("="), NE("<>"), GT(">"), LT("<"), GE(">="), LE("<=");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** The SQL symbol, for descriptions and shape keys. */
    public String symbol() {
        return symbol;
    }
}
