package dev.cairn.schema.ddl;

import dev.cairn.dialect.sql.ExpressionDefaults;
import dev.cairn.dialect.sql.SqlTypes;
import dev.cairn.dialect.sql.TableNames;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.ColumnType;
import dev.cairn.dsl.type.Identifiers;
import dev.cairn.schema.SchemaSyncException;
import dev.cairn.schema.shape.ColumnShape;
import dev.cairn.schema.shape.IntegerRange;
import dev.cairn.schema.shape.TableShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The parts of PostgreSQL's DDL that differ from the standard forms {@link DdlRenderer} writes for H2: an ENUM
 * column's type of its own ({@code CREATE TYPE t_c AS ENUM (...)}, created before its table or column), identity
 * columns, the range CHECK of an integer type PostgreSQL does not have ({@link IntegerRange}), comments as statements
 * of their own ({@code COMMENT ON COLUMN}), a column redefined by one {@code ALTER TABLE} of several actions, and the
 * on-update-now trigger. See {@code docs/adr/0021-postgresql.md}.
 */
final class PostgresDdl {
    private static final Pattern QUOTED_TEXT = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern NOT_A_COLUMN = Pattern.compile(
            "(?i)\\(\\s*\\w+\\s+from\\b|\\bas\\s+\\w+|::\\s*\\w+");
    private final DdlRenderer ddl;

    PostgresDdl(DdlRenderer ddl) {
        this.ddl = ddl;
    }

    /** The name of an ENUM column's type: its table's and its own, in its table's schema. */
    static String enumTypeName(String table, String column) {
        return (Identifiers.unqualified(table) + "_" + column).toLowerCase(Locale.ROOT);
    }

    private String enumType(Column<?> c) {
        return ddl.jooq().render(TableNames.of(Identifiers.schemaOf(c.table().name()),
                enumTypeName(c.table().name(), c.name())));
    }

    /** The types the table's ENUM columns need, created before it. */
    List<String> beforeCreateTable(Table<?, ?> table) {
        List<String> out = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            out.addAll(beforeAddColumn(c));
        }
        return out;
    }

    /** The type an ENUM column needs (none for another column), created before it. */
    List<String> beforeAddColumn(Column<?> c) {
        if (c.type().kind() != ColumnType.Kind.ENUM) {
            return List.of();
        }
        String labels = SqlTypes.ddl(c.type(), ddl.dialect());
        // SqlTypes writes ENUM('a','b'): the labels, already inlined, are what CREATE TYPE takes. A type of the name
        // left by a dropped table or column goes first (one still in use makes the DROP fail, naming it).
        return List.of("DROP TYPE IF EXISTS " + enumType(c), "CREATE TYPE " + enumType(c) + " AS " + labels);
    }

    /**
     * What an ENUM column's type needs before the column is redefined, where its labels differ from {@code live}'s:
     * labels appended are added to the type ({@code ALTER TYPE ... ADD VALUE}); any other change makes a new type,
     * the old one renamed away and dropped after the column is converted (by {@link #afterModify}).
     */
    List<String> beforeModify(Column<?> c, ColumnShape live) {
        List<String> wanted = c.type().enumLabels();
        List<String> have = live == null ? null : labels(live.type());
        if (c.type().kind() != ColumnType.Kind.ENUM || wanted.equals(have)) {
            return List.of();
        }
        if (appended(c, live)) {
            List<String> out = new ArrayList<>();
            for (String label : wanted.subList(have.size(), wanted.size())) {
                out.add("ALTER TYPE " + enumType(c) + " ADD VALUE " + ddl.inline(label));
            }
            return out;
        }
        List<String> out = new ArrayList<>();
        if (have != null) {
            out.add("ALTER TYPE " + enumType(c) + " RENAME TO " + ddl.quote(replacedType(c)));
        }
        out.addAll(beforeAddColumn(c));
        return out;
    }

    /** The old type {@link #beforeModify} renamed away, dropped once the column no longer uses it. */
    List<String> afterModify(Column<?> c, ColumnShape live) {
        List<String> have = live == null ? null : labels(live.type());
        boolean replaced = c.type().kind() == ColumnType.Kind.ENUM && have != null
                && !c.type().enumLabels().equals(have) && !appended(c, live);
        return replaced ? List.of("DROP TYPE " + ddl.jooq().render(TableNames.of(Identifiers.schemaOf(c.table().name()),
                replacedType(c)))) : List.of();
    }

    // Whether the column's type keeps its labels and gains some after them, which ADD VALUE does in place.
    private static boolean appended(Column<?> c, ColumnShape live) {
        List<String> have = live == null ? null : labels(live.type());
        List<String> wanted = c.type().enumLabels();
        return c.type().kind() == ColumnType.Kind.ENUM && have != null && have.size() < wanted.size()
                && wanted.subList(0, have.size()).equals(have);
    }

    private static String replacedType(Column<?> c) {
        return enumTypeName(c.table().name(), c.name()) + "_replaced";
    }

    /**
     * The enum types of a dropped table's columns and its on-update function, which DROP TABLE leaves behind. A type
     * another table still uses (one made by hand under Cairn's name) is kept rather than failing the plan.
     */
    List<String> afterDropTable(TableShape live) {
        List<String> out = new ArrayList<>();
        for (ColumnShape c : live.columns()) {
            out.addAll(afterDropColumn(live.name(), c));
        }
        if (live.columns().stream().anyMatch(ColumnShape::onUpdateNow)) {
            out.add("DROP FUNCTION IF EXISTS " + ddl.jooq().render(TableNames.of(null, triggerName(live.name())))
                    + "()");
        }
        return out;
    }

    /** The enum type of a dropped column (none for a column of another type), when nothing else uses it. */
    List<String> afterDropColumn(String table, ColumnShape live) {
        if (labels(live.type()) == null) {
            return List.of();
        }
        String type = ddl.jooq().render(TableNames.of(Identifiers.schemaOf(table), enumTypeName(table, live.name())));
        return List.of("DO $cairn$ BEGIN DROP TYPE IF EXISTS " + type
                + "; EXCEPTION WHEN dependent_objects_still_exist THEN NULL; END $cairn$");
    }

    /** The labels of a normalised {@code enum('a','b')}, or null for another type. */
    static List<String> labels(String type) {
        if (!type.startsWith("enum(") || !type.endsWith(")")) {
            return null;
        }
        List<String> out = new ArrayList<>();
        StringBuilder label = null;
        String list = type.substring(5, type.length() - 1);
        for (int i = 0; i < list.length(); i++) {
            char ch = list.charAt(i);
            if (label == null) {
                label = ch == '\'' ? new StringBuilder() : null;
            } else if (ch == '\\' && i + 1 < list.length()) {
                label.append(list.charAt(++i));
            } else if (ch == '\'' && i + 1 < list.length() && list.charAt(i + 1) == '\'') {
                label.append('\'');
                i++;
            } else if (ch == '\'') {
                out.add(label.toString());
                label = null;
            } else {
                label.append(ch);
            }
        }
        return out;
    }

    /** The comments of the table's columns, set after it is created. */
    List<String> columnComments(Table<?, ?> table) {
        List<String> out = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            out.addAll(comment(c, c.textOptions().comment()));
        }
        return out;
    }

    List<String> comment(Column<?> c, String comment) {
        return comment == null ? List.of() : List.of("COMMENT ON COLUMN " + ddl.table(c.table().name()) + "."
                + ddl.quote(c.name()) + " IS " + (comment.isEmpty() ? "NULL" : ddl.inline(comment)));
    }

    /**
     * A column's type clause: its ENUM type's name, {@code BIGINT} for an auto-increment BIGINT UNSIGNED and a column
     * that refers to one (an identity column is an integer type; see {@link IntegerRange}), or the type of
     * {@link SqlTypes#ddl}.
     */
    String type(Column<?> c) {
        if (IntegerRange.storedAsBigint(c)) {
            return "BIGINT";
        }
        return c.type().kind() == ColumnType.Kind.ENUM ? enumType(c) : SqlTypes.ddl(c.type(), ddl.dialect());
    }

    /**
     * A column's definition without its name. An identity column has no default. ON UPDATE of the current time has
     * no clause in PostgreSQL: the table's trigger ({@link #onUpdateTrigger}) does it.
     */
    String columnTail(Column<?> c) {
        StringBuilder sb = new StringBuilder(type(c));
        if (c.isAutoIncrement()) {
            sb.append(" GENERATED BY DEFAULT AS IDENTITY");
        } else {
            String def = ddl.defaultClause(c);
            if (def != null) {
                sb.append(" DEFAULT ").append(def);
            }
        }
        if (!c.isNullable()) {
            sb.append(" NOT NULL");
        }
        String range = rangeCheck(c);
        if (range != null) {
            sb.append(" ").append(range);
        }
        return sb.toString();
    }

    /**
     * The CHECK that keeps a column of an integer type PostgreSQL does not have (TINYINT, MEDIUMINT, the unsigned
     * forms) in that type's range, named {@code <table>_<column>_range}; {@code null} for another column.
     */
    private String rangeCheck(Column<?> c) {
        IntegerRange range = IntegerRange.of(c);
        return range == null ? null : "CONSTRAINT " + ddl.quote(rangeCheckName(c)) + " CHECK (" + ddl.quote(c.name())
                + " BETWEEN " + range.min() + " AND " + range.max() + ")";
    }

    private static String rangeCheckName(Column<?> c) {
        return IntegerRange.checkName(Identifiers.unqualified(c.table().name()), c.name());
    }

    /**
     * Redefines a column in one statement: type (converted by a cast of the old value), default, nullability and
     * identity, each set whatever it was, so that the column ends as the model declares it.
     */
    String modifyColumn(Column<?> c, ColumnShape live) {
        String table = "ALTER TABLE " + ddl.table(c.table().name()) + " ";
        String column = "ALTER COLUMN " + ddl.quote(c.name()) + " ";
        List<String> actions = new ArrayList<>();
        // The range CHECK of a narrower integer type is replaced when the type changes; kept when it does not.
        IntegerRange range = IntegerRange.of(c);
        // (A bigint unsigned is stored in one of two types, which its compared type does not tell apart.)
        boolean sameRange = range != null && live != null && range.type().equals(live.type())
                && c.type().kind() != ColumnType.Kind.BIGINT_UNSIGNED;
        if (!sameRange && (live == null || IntegerRange.isRanged(live.type()))) {
            actions.add("DROP CONSTRAINT IF EXISTS " + ddl.quote(rangeCheckName(c)));
        }
        // The default goes first: one of the old type would not convert to the new.
        actions.add(column + "DROP DEFAULT");
        // Through text, which every type converts to and an enum type from.
        String using = c.type().kind() == ColumnType.Kind.ENUM ? ddl.quote(c.name()) + "::text::" + type(c)
                : ddl.quote(c.name()) + "::" + type(c);
        if (!appended(c, live)) {
            // Without COLLATE the column would take its new type's default collation, losing a live one of its own.
            String collate = live != null && live.collation() != null
                    && (c.type().kind().isText() || c.type().kind() == ColumnType.Kind.SET)
                    ? " COLLATE " + live.collation() : "";
            actions.add(column + "TYPE " + type(c) + collate + " USING " + using);
        }
        if (live != null && live.autoIncrement() && !c.isAutoIncrement()) {
            actions.add(column + "DROP IDENTITY IF EXISTS");
        }
        String def = c.isAutoIncrement() ? null : ddl.defaultClause(c);
        if (def != null) {
            actions.add(column + "SET DEFAULT " + def);
        }
        if (c.isAutoIncrement() && (live == null || !live.autoIncrement())) {
            actions.add(column + "ADD GENERATED BY DEFAULT AS IDENTITY");
        }
        actions.add(column + (c.isNullable() ? "DROP NOT NULL" : "SET NOT NULL"));
        if (range != null && !sameRange) {
            actions.add("ADD " + rangeCheck(c));
        }
        return table + String.join(", ", actions);
    }

    /**
     * A column's expression default in PostgreSQL's spelling. PostgreSQL's DEFAULT names no column (MySQL's may): such
     * a default is refused, naming table, column and the column it reads, before anything is applied. A generated
     * column ({@code GENERATED ALWAYS AS (...) STORED}) would not do instead, since it cannot be written.
     */
    String expressionDefault(Column<?> c) {
        String expression = c.defaultValue().expression();
        // Words that name no column: quoted text, the field of extract(day FROM ...) and a cast's type.
        String code = NOT_A_COLUMN.matcher(QUOTED_TEXT.matcher(expression).replaceAll("''")).replaceAll(" ");
        for (Column<?> other : c.table().columns()) {
            Pattern name = Pattern.compile("(?<![\\w$.])(?:\"" + Pattern.quote(other.name()) + "\"|`"
                    + Pattern.quote(other.name()) + "`|" + Pattern.quote(other.name()) + "(?![\\w$]|\\s*\\())",
                    Pattern.CASE_INSENSITIVE);
            if (name.matcher(code).find()) {
                throw new SchemaSyncException("Table '" + c.table().name() + "', column '" + c.name() + "': its default "
                        + expression + " reads column '" + other.name() + "', and PostgreSQL's DEFAULT can name no"
                        + " column; give the column its value in the insert, or a default of its own");
            }
        }
        return ExpressionDefaults.of(expression, c.type(), ddl.dialect());
    }

    /** The name of the trigger (and of its function) that sets a table's on-update-now columns. */
    static String triggerName(String table) {
        return (Identifiers.unqualified(table) + "_on_update_now").toLowerCase(Locale.ROOT);
    }

    /**
     * What gives the table's {@code onUpdateNow()} columns the current time when a row changes and the update did
     * not set them itself, as MySQL's ON UPDATE CURRENT_TIMESTAMP does: a function and a BEFORE UPDATE trigger,
     * both named {@code <table>_on_update_now}, replaced whole when the columns change; dropped when none is left.
     */
    List<String> onUpdateTrigger(Table<?, ?> table, boolean hadOne) {
        String function = ddl.jooq().render(TableNames.of(Identifiers.schemaOf(table.name()),
                triggerName(table.name())));
        String trigger = ddl.quote(triggerName(table.name()));
        StringBuilder body = new StringBuilder();
        for (Column<?> c : table.columns()) {
            if (c.isOnUpdateNow()) {
                String col = "NEW." + ddl.quote(c.name());
                body.append(" IF ").append(col).append(" IS NOT DISTINCT FROM OLD.").append(ddl.quote(c.name()))
                        .append(" THEN ").append(col).append(" := ").append(now(c.type())).append("; END IF;");
            }
        }
        if (body.length() == 0) {
            return hadOne ? List.of("DROP TRIGGER IF EXISTS " + trigger + " ON " + ddl.table(table.name()),
                    "DROP FUNCTION IF EXISTS " + function + "()") : List.of();
        }
        return List.of("CREATE OR REPLACE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $cairn$"
                        + " BEGIN IF NEW IS DISTINCT FROM OLD THEN" + body + " END IF; RETURN NEW; END $cairn$",
                "CREATE OR REPLACE TRIGGER " + trigger + " BEFORE UPDATE ON " + ddl.table(table.name())
                        + " FOR EACH ROW EXECUTE FUNCTION " + function + "()");
    }

    static String now(ColumnType<?> type) {
        String digits = type.precision() == 0 ? "" : "(" + type.precision() + ")";
        return (type.kind() == ColumnType.Kind.TIMESTAMP ? "CURRENT_TIMESTAMP" : "LOCALTIMESTAMP") + digits;
    }
}
