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
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A group of tables that is created, synchronised and used together. Building a schema freezes its tables and
 * checks what spans tables: every foreign key and relation must lead to a table of the schema, with a key of the
 * same type, and foreign key names must not collide. It also checks that each table's row type fits its columns
 * (each record component matches a column and can hold its values), and reports every mismatch of every table in
 * one {@link DefinitionException}.
 *
 * <pre>{@code Schema schema = Schema.of(USERS, POSTS, TAGS, POST_TAGS);}</pre>
 */
public final class Schema {
    private final List<Table<?, ?>> tables;
    private final List<Table<?, ?>> creationOrder;

    private Schema(List<Table<?, ?>> tables) {
        this.tables = List.copyOf(tables);
        check();
        this.creationOrder = dependencyOrder();
    }

    /** A schema of the given tables. */
    public static Schema of(Table<?, ?>... tables) {
        return new Schema(List.of(tables));
    }

    /** A schema of the given tables. */
    public static Schema of(List<? extends Table<?, ?>> tables) {
        return new Schema(new ArrayList<>(tables));
    }

    /** The tables in the order given. */
    public List<Table<?, ?>> tables() {
        return tables;
    }

    /**
     * The tables ordered so that each comes after the tables its foreign keys refer to. Where foreign keys form a
     * cycle between tables, see {@link #isDeferred(ForeignKey)}.
     */
    public List<Table<?, ?>> creationOrder() {
        return creationOrder;
    }

    /**
     * Whether a foreign key refers to a table that comes later in {@link #creationOrder()} (a cycle between tables),
     * so that it must be added after all tables exist.
     */
    public boolean isDeferred(ForeignKey fk) {
        return creationOrder.indexOf(fk.targetTable()) > creationOrder.indexOf(fk.table());
    }

    /** The table with the given name (case-insensitive), or {@code null}. */
    public Table<?, ?> table(String name) {
        for (Table<?, ?> t : tables) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        return null;
    }

    private void check() {
        Map<String, Table<?, ?>> byName = new HashMap<>();
        for (Table<?, ?> t : tables) {
            if (t == null) {
                throw new IllegalArgumentException("A schema table is null: is it read before its class has initialised?");
            }
            Table<?, ?> previous = byName.putIfAbsent(t.name().toLowerCase(Locale.ROOT), t);
            if (previous != null) {
                throw new DefinitionException(t.name(), null, previous == t ? "the table is listed twice in the schema"
                        : "two tables of the schema have this name");
            }
            t.definition().freezeOnce();
        }
        Set<Table<?, ?>> members = new LinkedHashSet<>(tables);
        Map<String, String> constraintNames = new HashMap<>();
        for (Table<?, ?> t : tables) {
            for (ForeignKey fk : t.foreignKeys()) {
                Table<?, ?> target = fk.targetTable();
                if (!members.contains(target)) {
                    throw new DefinitionException(t.name(), fk.columns().get(0).name(), "the foreign key refers to table '"
                            + target.name() + "', which is not part of this schema");
                }
                claim(constraintNames, fk.name(), t, fk.columns().get(0).name());
            }
            for (Relation<?, ?> r : t.relations()) {
                r.resolveOnce();
                for (Table<?, ?> needed : concat(r.target(), r.intermediateTables())) {
                    if (!members.contains(needed)) {
                        throw new DefinitionException(t.name(), null, "relation '" + r.name() + "' leads to table '"
                                + needed.name() + "', which is not part of this schema");
                    }
                }
            }
        }
        List<DefinitionException> problems = new ArrayList<>();
        for (Table<?, ?> t : tables) {
            problems.addAll(Reflection.rowTypeProblems(t));
        }
        if (!problems.isEmpty()) {
            throw problems.size() == 1 ? problems.get(0) : new DefinitionException(problems);
        }
    }

    private static List<Table<?, ?>> concat(Table<?, ?> first, List<Table<?, ?>> more) {
        List<Table<?, ?>> all = new ArrayList<>(more);
        all.add(0, first);
        return all;
    }

    // MySQL scopes foreign-key names by database; index, unique-key and check names by table (each table checks
    // its own). Where a database scopes those by schema too (H2; MySQL 8 for checks), schema sync gives the ones
    // that repeat a name a longer one of their own.
    private static void claim(Map<String, String> names, String name, Table<?, ?> table, String column) {
        String previous = names.putIfAbsent(name.toLowerCase(Locale.ROOT), table.name());
        if (previous != null) {
            throw new DefinitionException(table.name(), column, "foreign key name '" + name
                    + "' is already used in table '" + previous + "'; foreign key names must be unique across the schema");
        }
    }

    private List<Table<?, ?>> dependencyOrder() {
        Map<Table<?, ?>, Integer> state = new LinkedHashMap<>();
        List<Table<?, ?>> order = new ArrayList<>();
        for (Table<?, ?> t : tables) {
            visit(t, state, order);
        }
        return List.copyOf(order);
    }

    // Depth-first: a table is placed after the tables it refers to; an edge back to a table still being visited
    // is a cycle, and that foreign key is deferred (see isDeferred).
    private void visit(Table<?, ?> t, Map<Table<?, ?>, Integer> state, List<Table<?, ?>> order) {
        Integer s = state.get(t);
        if (s != null) {
            return;
        }
        state.put(t, 1);
        for (ForeignKey fk : t.foreignKeys()) {
            if (fk.targetTable() != t) {
                visit(fk.targetTable(), state, order);
            }
        }
        state.put(t, 2);
        order.add(t);
    }

    @Override
    public String toString() {
        return "Schema" + tables;
    }

    /**
     * What the model reads by reflection: the row and key types a table class gives {@link Table}, the Java names of its
     * columns and relations (the fields holding them), and whether a row type fits its table's columns.
     */
    static final class Reflection {
        private Reflection() {
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
}
