package dev.cairn.schema.diff;

import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.sql.SqlTypes;
import dev.cairn.dsl.Check;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.ForeignKey;
import dev.cairn.dsl.Index;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.UniqueKey;
import dev.cairn.dsl.type.ColumnType;
import dev.cairn.dsl.type.Identifiers;
import dev.cairn.schema.ddl.ConstraintNames;
import dev.cairn.schema.ddl.DdlRenderer;
import dev.cairn.schema.shape.ColumnShape;
import dev.cairn.schema.shape.ForeignKeyShape;
import dev.cairn.schema.shape.IndexShape;
import dev.cairn.schema.shape.IntegerRange;
import dev.cairn.schema.shape.Normalizer;
import dev.cairn.schema.shape.SchemaShape;
import dev.cairn.schema.shape.TableNaming;
import dev.cairn.schema.shape.TableShape;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shape the model asks for in a dialect, built from the same DDL text Cairn would create it with and passed
 * through the same {@link Normalizer} as what the database reports, so that a table created from the model
 * compares equal to the model.
 */
public final class DesiredShape {
    private static final Logger LOG = LoggerFactory.getLogger(DesiredShape.class);

    private DesiredShape() {
    }

    /** The desired shape of every table of {@code schema}. */
    public static SchemaShape of(Schema schema, Dialect dialect) {
        return of(schema, dialect, TableNaming.IGNORING_CASE);
    }

    /** The desired shape of every table of {@code schema}, its tables found by name as {@code naming} finds them. */
    public static SchemaShape of(Schema schema, Dialect dialect, TableNaming naming) {
        SchemaShape shape = new SchemaShape(naming);
        DdlRenderer ddl = new DdlRenderer(dialect, ConstraintNames.of(schema, dialect));
        for (Table<?, ?> t : schema.tables()) {
            shape.add(of(t, dialect, ddl));
        }
        return shape;
    }

    /** The schemas (databases) other than the connection's own that the model's tables are declared in. */
    public static Set<String> otherSchemas(Schema schema) {
        Set<String> names = new LinkedHashSet<>();
        for (Table<?, ?> t : schema.tables()) {
            String s = Identifiers.schemaOf(t.name());
            if (s != null) {
                names.add(s);
            }
        }
        return names;
    }

    /** The desired shape of one table, on its own (see {@link ConstraintNames} for names in a schema). */
    public static TableShape of(Table<?, ?> table, Dialect dialect) {
        return of(table, dialect, new DdlRenderer(dialect));
    }

    private static TableShape of(Table<?, ?> table, Dialect dialect, DdlRenderer ddl) {
        ConstraintNames names = ddl.names();
        TableShape t = new TableShape(Identifiers.schemaOf(table.name()), Identifiers.unqualified(table.name()));
        boolean mySql = dialect.isMySqlFamily();
        t.options(mySql ? lower(table.options().charset()) : null, mySql ? lower(table.options().collation()) : null,
                table.options().comment());
        for (Column<?> c : table.columns()) {
            t.addColumn(column(c, dialect, ddl));
        }
        if (table.primaryKey() != null) {
            t.primaryKey(names(table.primaryKey().columns()));
        }
        for (UniqueKey uk : table.uniqueKeys()) {
            t.addIndex(new IndexShape(names.of(uk).toLowerCase(Locale.ROOT), names(uk.columns()), true));
        }
        for (Index ix : table.indexes()) {
            if (!ddl.creates(ix)) {
                LOG.info("{} has no FULLTEXT indexes: {} of table '{}' is left out", dialect, ix, table.name());
                continue;
            }
            t.addIndex(new IndexShape(names.of(ix).toLowerCase(Locale.ROOT), names(ix.columns()), false, ix.fullText()));
        }
        for (ForeignKey fk : table.foreignKeys()) {
            t.addForeignKey(new ForeignKeyShape(fk.name().toLowerCase(Locale.ROOT), names(fk.columns()),
                    fk.targetTable().name(), names(fk.targetColumns()),
                    Normalizer.action(fk.onDelete().sql()), Normalizer.action(fk.onUpdate().sql())));
        }
        if (dialect.enforcesChecks()) {
            for (Check ck : table.checks()) {
                t.addCheck(names.of(ck), ddl.checkCondition(ck), false);
            }
        }
        return t;
    }

    static ColumnShape column(Column<?> c, Dialect dialect, DdlRenderer ddl) {
        String type = SqlTypes.ddl(c.type(), dialect);
        if (dialect.family() == Dialect.Family.MARIADB && c.type().kind() == ColumnType.Kind.JSON) {
            type = "LONGTEXT";  // MariaDB's JSON is an alias of LONGTEXT with a json_valid check
        }
        IntegerRange range = IntegerRange.of(c);
        if (dialect.isPostgres() && range != null) {
            type = range.type();  // a wider type with a CHECK of the range, which introspection reads back as this
        }
        // H2 has one collation for the whole database: a declared character set or collation means nothing there.
        boolean mySql = dialect.isMySqlFamily();
        return new ColumnShape(c.name().toLowerCase(Locale.ROOT), Normalizer.type(type), c.isNullable(),
                catalogText(Normalizer.defaultValue(ddl.defaultClause(c)), mySql), c.isAutoIncrement(),
                c.isOnUpdateNow(), mySql ? lower(c.textOptions().charset()) : null,
                mySql ? lower(c.textOptions().collation()) : null, catalogText(c.textOptions().comment(), mySql));
    }

    /**
     * Text as MySQL/MariaDB's catalog holds it: in utf8mb3, where a character of four UTF-8 bytes (an emoji) is
     * {@code ?} (SHOW CREATE TABLE too; the column's default itself keeps it). Compared so, a change from one such
     * character to another goes unseen.
     */
    private static String catalogText(String text, boolean mySql) {
        if (!mySql || text == null || text.codePoints().noneMatch(Character::isSupplementaryCodePoint)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> sb.append(Character.isSupplementaryCodePoint(cp) ? "?" : Character.toString(cp)));
        return sb.toString();
    }

    private static String lower(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

    private static List<String> names(List<? extends Column<?>> columns) {
        return columns.stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    }
}
