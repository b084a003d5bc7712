package dev.cairn.dsl;

import dev.cairn.dsl.type.Identifiers;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the model reads by reflection: the row and key types a table class gives {@link Table}, the Java names of its
 * columns and relations (the fields holding them), and whether a row type fits its table's columns.
 */
final class TableReflection {
    private TableReflection() {
    }

    /** The row type of a table class: the type argument it gives {@code Table}, through intermediate classes. */
    @SuppressWarnings("unchecked")
    static <R> Class<R> rowTypeOf(Class<?> tableClass, String tableName) {
        Type t = typeArgument(tableClass, 0);
        if (t instanceof Class<?> row) {
            return (Class<R>) row;
        }
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            return (Class<R>) raw;
        }
        throw new DefinitionException(tableName, null, "cannot tell the row type of " + tableClass.getName()
                + "; pass it to the constructor: super(\"" + tableName + "\", Row.class)");
    }

    /**
     * Throws unless the key type a table class gives {@link Table} is the Java type of its one-column primary key, or
     * {@link Void} when the primary key has several columns or there is none ({@code Object} is allowed for tables of
     * {@link Row}s, whose key is known only at run time). Checked when the table is frozen, so that a lookup by a
     * bare value of the wrong type cannot compile.
     */
    static void checkKeyType(Table<?, ?> table, PrimaryKey primaryKey) {
        Type declared = typeArgument(table.getClass(), 1);
        Class<?> keyType = declared instanceof Class<?> c ? c
                : declared instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw ? raw : null;
        boolean single = primaryKey != null && primaryKey.columns().size() == 1;
        Class<?> expected = single ? primaryKey.columns().get(0).type().javaType() : Void.class;
        if (keyType == expected || keyType == Object.class && table.rowType() == Row.class) {
            return;
        }
        String row = table.rowType().getSimpleName();
        if (keyType == null) {
            throw new DefinitionException(table.name(), null, "cannot tell the key type of "
                    + table.getClass().getName() + " (" + declared + "); declare Table<" + row + ", "
                    + expected.getSimpleName() + ">");
        }
        String shown = keyType.getSimpleName();
        if (single) {
            Column<?> pk = primaryKey.columns().get(0);
            throw new DefinitionException(table.name(), pk.name(), "the key type is " + shown + " but the primary key "
                    + pk.name() + " holds " + expected.getSimpleName() + "; declare Table<" + row + ", "
                    + expected.getSimpleName() + ">");
        }
        String key = primaryKey == null ? "no primary key" : "a primary key of " + primaryKey.columns().size()
                + " columns (" + Column.names(primaryKey.columns()) + ")";
        throw new DefinitionException(table.name(), null, "the key type is " + shown + " but the table has " + key
                + ", so no single value is its key; declare Table<" + row + ", Void> and find rows by a Key, a map"
                + " or a unique column");
    }

    /**
     * The {@code index}th type argument of {@link Table} as the class hierarchy of {@code tableClass} binds it,
     * following type variables of intermediate classes down to the class that gives them.
     */
    private static Type typeArgument(Class<?> tableClass, int index) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = tableClass; c != Table.class; c = c.getSuperclass()) {
            chain.add(c);
        }
        Type t = chain.get(chain.size() - 1).getGenericSuperclass();
        if (!(t instanceof ParameterizedType p)) {
            return null;
        }
        Type arg = p.getActualTypeArguments()[index];
        for (int i = chain.size() - 1; i > 0 && arg instanceof TypeVariable<?> v; i--) {
            int at = List.of(chain.get(i).getTypeParameters()).indexOf(v);
            Type sub = chain.get(i - 1).getGenericSuperclass();
            if (at < 0 || !(sub instanceof ParameterizedType sp)) {
                return arg;
            }
            arg = sp.getActualTypeArguments()[at];
        }
        return arg;
    }

    /** The name of the field of the table class holding each column and relation, by identity. */
    static Map<Object, String> fieldNames(Table<?, ?> table) {
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
    static List<DefinitionException> rowTypeProblems(Table<?, ?> table) {
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

    private static void checkComponent(Table<?, ?> table, Class<?> type, String component, Class<?> componentType,
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
