package dev.cairn.engine.bind;

/** Reads the values of one row object into an array in its table's column order, boxing primitives. */
@FunctionalInterface
public interface RowValues {
    /** The row's values, at their columns' positions; positions of columns the row type lacks stay null. */
    Object[] values(Object row);
}
