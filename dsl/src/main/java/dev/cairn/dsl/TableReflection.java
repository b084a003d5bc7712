package dev.cairn.dsl;

import dev.cairn.dsl.type.Identifiers;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the model reads by reflection: the row type a table class gives {@link Table}, the Java names of its columns
 * and relations (the fields holding them), and whether a row type fits its table's columns.
 */
final class TableReflection {
    private TableReflection() {
    }

    /** The row type of a table class: the type argument it gives {@code Table}. */
    @SuppressWarnings("unchecked")
    static <R> Class<R> rowTypeOf(Class<?> tableClass, String tableName) {
        Class<?> c = tableClass;
        while (c.getSuperclass() != Table.class) {
            c = c.getSuperclass();
        }
        Type t = c.getGenericSuperclass();
        if (t instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> row) {
            return (Class<R>) row;
        }
        if (t instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof ParameterizedType pr
                && pr.getRawType() instanceof Class<?> raw) {
            return (Class<R>) raw;
        }
        throw new DefinitionException(tableName, null, "cannot tell the row type of " + tableClass.getName()
                + "; pass it to the constructor: super(\"" + tableName + "\", Row.class)");
    }

    /** The name of the field of the table class holding each column and relation, by identity. */
    static Map<Object, String> fieldNames(Table<?> table) {
        Map<Object, String> names = new IdentityHashMap<>();
        for (Class<?> c = table.getClass(); c != Table.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())
                        || !(Column.class.isAssignableFrom(f.getType()) || Relation.class.isAssignableFrom(f.getType()))) {
                    continue;
                }
                try {
                    if (f.canAccess(table) || f.trySetAccessible()) {
                        Object value = f.get(table);
                        if (value != null) {
                            names.putIfAbsent(value, f.getName());
                        }
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // A module that does not open the table class: the field keeps no name, and the column name
                    // (snake_case to camelCase) is used to match record components instead.
                }
            }
        }
        return names;
    }

    /**
     * What keeps rows of the table from being read into its row type, by the rules the engine's mappers apply at
     * the first query: each record component (or field of a class) matches a column by the name of the field that
     * holds the column or by the column's name in camelCase, and can hold the column's values. Columns without a
     * component are fine (they read as null). Untyped {@link Row}s always fit.
     */
    static List<DefinitionException> rowTypeProblems(Table<?> table) {
        Class<?> type = table.rowType();
        List<DefinitionException> problems = new ArrayList<>();
        if (type == Row.class) {
            return problems;
        }
        if (type.isRecord()) {
            for (RecordComponent rc : type.getRecordComponents()) {
                checkComponent(table, type, rc.getName(), rc.getType(), problems);
            }
            return problems;
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type.isPrimitive() || type.isArray()) {
            problems.add(new DefinitionException(table.name(), null, "rows map to " + type.getName()
                    + ", which cannot be instantiated; use a record or a class with a no-argument constructor"));
            return problems;
        }
        try {
            type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            problems.add(new DefinitionException(table.name(), null, "rows map to class " + type.getName()
                    + ", which needs a no-argument constructor, or make it a record"));
        }
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers())) {
                    continue;
                }
                if (Modifier.isFinal(f.getModifiers())) {
                    problems.add(new DefinitionException(table.name(), null, "field " + type.getSimpleName() + "."
                            + f.getName() + " is final, so rows cannot be read into it; make it a record or the field"
                            + " non-final"));
                } else {
                    checkComponent(table, type, f.getName(), f.getType(), problems);
                }
            }
        }
        return problems;
    }

    private static void checkComponent(Table<?> table, Class<?> type, String component, Class<?> componentType,
                                       List<DefinitionException> problems) {
        Column<?> column = null;
        for (Column<?> c : table.columns()) {
            if (component.equals(c.fieldName()) || component.equals(Identifiers.camelCase(c.name()))) {
                column = c;
                break;
            }
        }
        if (column == null) {
            problems.add(new DefinitionException(table.name(), null, type.getSimpleName() + "." + component
                    + " matches no column (columns: " + Column.names(table.columns()) + "); name it after a column"
                    + " field or a column in camelCase"));
            return;
        }
        Class<?> expected = column.type().javaType();
        boolean fits = componentType.isPrimitive()
                ? MethodType.methodType(componentType).wrap().returnType() == expected
                : componentType.isAssignableFrom(expected);
        if (!fits) {
            problems.add(new DefinitionException(table.name(), column.name(), type.getSimpleName() + "." + component
                    + " is " + componentType.getSimpleName() + " but the column of type " + column.type() + " holds "
                    + expected.getSimpleName()));
        }
    }
}
