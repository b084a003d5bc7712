package dev.cairn.engine.map;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.Identifiers;
import dev.cairn.engine.bind.RowValues;
import dev.cairn.engine.exception.MappingException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a table's row type lines up with its columns: for each column, the record component or field that holds
 * its value. Built once per table and checked then, so that a component without a column fails at once with both
 * names rather than on some later row.
 *
 * <p>A component matches a column when its name equals the name of the table field holding the column
 * ({@code createdAt}) or the column name turned from snake_case to camelCase ({@code created_at} to
 * {@code createdAt}).
 */
public final class RowLayout<R> {
    private final Table<R, ?> table;
    private final Kind kind;
    private final Column<?>[] componentColumns;
    private final Class<?>[] componentTypes;
    private final String[] componentNames;
    private final MethodHandle[] getters;
    // Record accessors as functions: a call the JIT can inline, where MethodHandle.invoke on a field is not.
    private final java.util.function.Function<Object, Object>[] accessors;
    // A generated reader of every component at once; null where it could not be defined.
    private final RowValues values;
    private final MethodHandle constructor;
    private final MethodHandle[] setters;

    /** What rows are read into: untyped {@link Row}s, records, or mutable classes. */
    enum Kind { ROW, RECORD, BEAN }

    private RowLayout(Table<R, ?> table, Kind kind, Column<?>[] componentColumns, Class<?>[] componentTypes,
                      String[] componentNames, MethodHandle[] getters, MethodHandle constructor, MethodHandle[] setters) {
        this.table = table;
        this.kind = kind;
        this.componentColumns = componentColumns;
        this.componentTypes = componentTypes;
        this.componentNames = componentNames;
        this.getters = getters;
        this.constructor = constructor;
        this.setters = setters;
        this.accessors = kind == Kind.RECORD ? accessors(table.rowType()) : null;
        this.values = kind == Kind.RECORD ? ValuesGenerator.tryGenerate(table.rowType(),
                Arrays.stream(componentColumns).mapToInt(Column::position).toArray(), table.columns().size()) : null;
    }

    @SuppressWarnings("unchecked")
    private static java.util.function.Function<Object, Object>[] accessors(Class<?> record) {
        RecordComponent[] rc = record.getRecordComponents();
        java.util.function.Function<Object, Object>[] out = (java.util.function.Function<Object, Object>[]) new java.util.function.Function<?, ?>[rc.length];
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            for (int i = 0; i < rc.length; i++) {
                java.lang.reflect.Method m = rc[i].getAccessor();
                m.setAccessible(true);
                MethodHandle mh = lookup.unreflect(m);
                java.lang.invoke.CallSite site = java.lang.invoke.LambdaMetafactory.metafactory(lookup, "apply",
                        MethodType.methodType(java.util.function.Function.class),
                        MethodType.methodType(Object.class, Object.class), mh,
                        MethodType.methodType(box(m.getReturnType()), record));
                out[i] = (java.util.function.Function<Object, Object>) site.getTarget().invoke();
            }
            return out;
        } catch (Throwable e) {
            return null;  // not reachable this way (a module closed to Cairn): the method handles serve instead
        }
    }

    /** The layout of {@code table}'s row type; throws {@link MappingException} naming what does not fit. */
    public static <R> RowLayout<R> of(Table<R, ?> table) {
        Class<R> type = table.rowType();
        if (type == Row.class) {
            Column<?>[] cols = table.columns().toArray(new Column<?>[0]);
            return new RowLayout<>(table, Kind.ROW, cols, null, null, null, null, null);
        }
        try {
            return type.isRecord() ? ofRecord(table, type) : ofBean(table, type);
        } catch (IllegalAccessException e) {
            throw new MappingException("Cannot access " + type.getName() + " to map rows of table '" + table.name()
                    + "': " + e.getMessage(), e);
        }
    }

    private static <R> RowLayout<R> ofRecord(Table<R, ?> table, Class<R> type) throws IllegalAccessException {
        RecordComponent[] rc = type.getRecordComponents();
        Column<?>[] cols = new Column<?>[rc.length];
        Class<?>[] types = new Class<?>[rc.length];
        String[] names = new String[rc.length];
        MethodHandle[] getters = new MethodHandle[rc.length];
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        for (int i = 0; i < rc.length; i++) {
            names[i] = rc[i].getName();
            types[i] = rc[i].getType();
            cols[i] = columnFor(table, type, names[i]);
            checkType(table, type, names[i], types[i], cols[i]);
            var accessor = rc[i].getAccessor();
            accessor.setAccessible(true);
            getters[i] = lookup.unreflect(accessor);
        }
        Constructor<R> ctor;
        try {
            ctor = type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new MappingException("Record " + type.getName() + " has no canonical constructor", e);
        }
        ctor.setAccessible(true);
        MethodHandle mh = lookup.unreflectConstructor(ctor).asSpreader(Object[].class, rc.length);
        return new RowLayout<>(table, Kind.RECORD, cols, types, names, getters, mh, null);
    }

    private static <R> RowLayout<R> ofBean(Table<R, ?> table, Class<R> type) throws IllegalAccessException {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new MappingException("Table '" + table.name() + "' maps rows to " + type.getName()
                    + ", which cannot be instantiated; use a record or a class with a no-argument constructor");
        }
        Constructor<R> ctor;
        try {
            ctor = type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new MappingException("Class " + type.getName() + " (rows of table '" + table.name()
                    + "') needs a no-argument constructor, or make it a record", e);
        }
        ctor.setAccessible(true);
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers())) {
                    fields.add(f);
                }
            }
        }
        int n = fields.size();
        Column<?>[] cols = new Column<?>[n];
        Class<?>[] types = new Class<?>[n];
        String[] names = new String[n];
        MethodHandle[] getters = new MethodHandle[n];
        MethodHandle[] setters = new MethodHandle[n];
        for (int i = 0; i < n; i++) {
            Field f = fields.get(i);
            if (Modifier.isFinal(f.getModifiers())) {
                throw new MappingException("Field " + type.getSimpleName() + "." + f.getName() + " is final, so rows of"
                        + " table '" + table.name() + "' cannot be read into it; make it a record or the field non-final");
            }
            names[i] = f.getName();
            types[i] = f.getType();
            cols[i] = columnFor(table, type, names[i]);
            checkType(table, type, names[i], types[i], cols[i]);
            f.setAccessible(true);
            getters[i] = lookup.unreflectGetter(f);
            setters[i] = lookup.unreflectSetter(f);
        }
        MethodHandle mh = lookup.unreflectConstructor(ctor).asType(MethodType.methodType(Object.class));
        return new RowLayout<>(table, Kind.BEAN, cols, types, names, getters, mh, setters);
    }

    private static Column<?> columnFor(Table<?, ?> table, Class<?> type, String component) {
        for (Column<?> c : table.columns()) {
            if (component.equals(c.fieldName()) || component.equals(camelCase(c.name()))) {
                return c;
            }
        }
        throw new MappingException(type.getSimpleName() + "." + component + " matches no column of table '"
                + table.name() + "' (columns: " + table.columns().stream().map(Column::name)
                .collect(Collectors.joining(", ")) + "); name it after a column field or a column in camelCase");
    }

    private static void checkType(Table<?, ?> table, Class<?> type, String component, Class<?> componentType,
                                  Column<?> c) {
        Class<?> expected = c.type().javaType();
        if (componentType.isPrimitive() ? box(componentType) != expected : !componentType.isAssignableFrom(expected)) {
            throw new MappingException(type.getSimpleName() + "." + component + " is " + componentType.getSimpleName()
                    + " but column " + table.name() + "." + c.name() + " of type " + c.type() + " holds "
                    + expected.getSimpleName());
        }
    }

    static Class<?> box(Class<?> primitive) {
        return MethodType.methodType(primitive).wrap().returnType();
    }

    static String camelCase(String snake) {
        return Identifiers.camelCase(snake);
    }

    public Table<R, ?> table() {
        return table;
    }

    /** The values of a row object, one per column in column order; columns the row type lacks are null. */
    /**
     * A reader of one column of rows of this layout, without collecting the others (eager loading reads one key of
     * every row); it reads null when the row type holds no such column.
     */
    @SuppressWarnings("unchecked")
    public java.util.function.Function<R, Object> reader(Column<?> column) {
        for (int i = 0; i < componentColumns.length; i++) {
            if (componentColumns[i] == column) {
                if (kind == Kind.ROW) {
                    return row -> ((Row) row).get(column);
                }
                if (accessors != null) {
                    return (java.util.function.Function<R, Object>) (java.util.function.Function<?, ?>) accessors[i];
                }
                MethodHandle getter = getters[i];
                String name = componentNames[i];
                return row -> {
                    try {
                        return getter.invoke(row);
                    } catch (Throwable t) {
                        throw new MappingException("Cannot read " + table.rowType().getSimpleName() + "." + name, t);
                    }
                };
            }
        }
        return row -> null;
    }

    public Object[] columnValues(R row) {
        if (this.values != null) {
            return this.values.values(row);
        }
        Object[] values = new Object[table.columns().size()];
        if (kind == Kind.ROW) {
            Row r = (Row) row;
            for (Column<?> c : componentColumns) {
                values[c.position()] = r.get(c);
            }
            return values;
        }
        if (accessors != null) {
            for (int i = 0; i < accessors.length; i++) {
                values[componentColumns[i].position()] = accessors[i].apply(row);
            }
            return values;
        }
        for (int i = 0; i < getters.length; i++) {
            try {
                values[componentColumns[i].position()] = getters[i].invoke(row);
            } catch (Throwable t) {
                throw new MappingException("Cannot read " + table.rowType().getSimpleName() + "." + componentNames[i], t);
            }
        }
        return values;
    }

    /** A row object from values in column order. */
    @SuppressWarnings("unchecked")
    public R fromColumnValues(Object[] values) {
        if (kind == Kind.ROW) {
            return (R) Row.of(table, values);
        }
        Object[] args = new Object[componentColumns.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = values[componentColumns[i].position()];
            if (args[i] == null && componentTypes[i].isPrimitive()) {
                throw new MappingException(nullIntoPrimitive(i));
            }
        }
        try {
            if (kind == Kind.RECORD) {
                return (R) constructor.invoke(args);
            }
            Object bean = constructor.invoke();
            for (int i = 0; i < args.length; i++) {
                setters[i].invoke(bean, args[i]);
            }
            return (R) bean;
        } catch (MappingException e) {
            throw e;
        } catch (Throwable t) {
            throw new MappingException("Cannot build " + table.rowType().getName() + " from a row of table '"
                    + table.name() + "': " + t, t);
        }
    }

    /** Whether rows are mutable objects, changed in place by {@link #adopt} and {@link #withValue}. */
    public boolean isMutable() {
        return kind == Kind.BEAN;
    }

    /**
     * The stored version of {@code target}: for mutable objects, {@code target} itself with every column field set
     * from {@code stored}; for records and rows, {@code stored}.
     */
    public R adopt(R target, R stored) {
        if (kind != Kind.BEAN || target == stored) {
            return stored;
        }
        return copyInto(target, columnValues(stored));
    }

    /** {@code row} with one column's value changed: a new record or row, or the same mutable object. */
    public R withValue(R row, Column<?> column, Object value) {
        Object[] values = columnValues(row);
        values[column.position()] = value;
        return kind == Kind.BEAN ? copyInto(row, values) : fromColumnValues(values);
    }

    private R copyInto(R target, Object[] values) {
        for (int i = 0; i < setters.length; i++) {
            Object v = values[componentColumns[i].position()];
            if (v == null && componentTypes[i].isPrimitive()) {
                throw new MappingException(nullIntoPrimitive(i));
            }
            try {
                setters[i].invoke(target, v);
            } catch (Throwable t) {
                throw new MappingException("Cannot set " + table.rowType().getSimpleName() + "." + componentNames[i], t);
            }
        }
        return target;
    }

    Kind kind() {
        return kind;
    }

    /** For each component (record component or field), in declaration order: its column. */
    Column<?>[] componentColumns() {
        return componentColumns.clone();
    }

    /** For each component: its Java type. */
    Class<?>[] componentTypes() {
        return componentTypes.clone();
    }

    /** For each component: its name. */
    String[] componentNames() {
        return componentNames.clone();
    }

    /** The message of a NULL read into primitive component {@code i}. */
    String nullIntoPrimitive(int i) {
        return "Column " + table.name() + "." + componentColumns[i].name() + " is NULL but "
                + table.rowType().getSimpleName() + "." + componentNames[i] + " is a primitive "
                + componentTypes[i].getSimpleName() + "; make it " + box(componentTypes[i]).getSimpleName();
    }
}
