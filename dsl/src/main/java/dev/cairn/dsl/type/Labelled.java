package dev.cairn.dsl.type;

/**
 * An enum whose constants are stored under labels that are not Java names, for ENUM and SET columns:
 *
 * <pre>{@code
 * public enum Rating implements Labelled {
 *     G("G"), PG_13("PG-13"), NC_17("NC-17");
 *     private final String label;
 *     Rating(String label) { this.label = label; }
 *     public String label() { return label; }
 * }
 * }</pre>
 *
 * The label is what the column's type lists, what a condition binds ({@code RATING.eq(Rating.PG_13)} compares with
 * {@code 'PG-13'}) and what a read value is matched against. An enum that does not implement this interface is stored
 * by its constants' names. Labels must be distinct (ignoring case, as MySQL compares them), not empty, without a
 * trailing space (MySQL drops it) and, for a SET, without a comma.
 */
public interface Labelled {
    /** The label this constant is stored as. It must not change while rows hold it. */
    String label();
}
