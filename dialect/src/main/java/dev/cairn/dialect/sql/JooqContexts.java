package dev.cairn.dialect.sql;

import dev.cairn.dialect.Dialect;
import java.util.EnumMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamCastMode;
import org.jooq.conf.ParamType;
import org.jooq.conf.RenderNameCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.RenderTable;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;

/**
 * The jOOQ contexts Cairn renders SQL with: one per dialect, detached from any connection (Cairn runs the SQL
 * itself), always quoting identifiers exactly as the model spells them.
 */
public final class JooqContexts {
    static {
        // jOOQ prints a banner and tips through its logger on first use; a library must stay quiet.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private static final Map<SQLDialect, DSLContext> CONTEXTS = new EnumMap<>(SQLDialect.class);
    private static final Map<SQLDialect, DSLContext> CASTING = new EnumMap<>(SQLDialect.class);
    private static final Map<SQLDialect, DSLContext> BARE_COLUMNS = new EnumMap<>(SQLDialect.class);

    private JooqContexts() {
    }

    /** The rendering context for a dialect. */
    public static DSLContext of(Dialect dialect) {
        SQLDialect d = jooqDialect(dialect);
        synchronized (CONTEXTS) {
            return CONTEXTS.computeIfAbsent(d, JooqContexts::create);
        }
    }

    /**
     * A context that casts bind values where jOOQ thinks the database needs it: for statements that select bare
     * values, such as the MERGE H2 runs for an upsert ({@code USING (SELECT ? "email", ...)}).
     */
    public static DSLContext casting(Dialect dialect) {
        SQLDialect d = jooqDialect(dialect);
        synchronized (CASTING) {
            // Settings' with-methods change the object they are called on: change a copy.
            return CASTING.computeIfAbsent(d, k -> DSL.using(k, ((Settings) of(dialect).settings().clone())
                    .withParamCastMode(ParamCastMode.DEFAULT)));
        }
    }

    /**
     * {@link #of} rendering columns without their table: only for statements over one table whose SELECT list holds
     * columns only, where no column name can be ambiguous.
     */
    public static DSLContext bareColumns(Dialect dialect) {
        SQLDialect d = jooqDialect(dialect);
        synchronized (BARE_COLUMNS) {
            return BARE_COLUMNS.computeIfAbsent(d, k -> DSL.using(k, ((Settings) of(dialect).settings().clone())
                    .withRenderTable(RenderTable.NEVER)));
        }
    }

    /** The jOOQ dialect SQL is rendered with for a database. */
    private static SQLDialect jooqDialect(Dialect dialect) {
        return switch (dialect.family()) {
            case H2 -> SQLDialect.H2;
            case MYSQL -> SQLDialect.MYSQL;
            case MARIADB -> SQLDialect.MARIADB;
            case POSTGRES -> SQLDialect.POSTGRES;
        };
    }

    private static DSLContext create(SQLDialect dialect) {
        Settings settings = new Settings()
                .withRenderQuotedNames(RenderQuotedNames.ALWAYS)
                .withRenderNameCase(RenderNameCase.AS_IS)
                .withRenderFormatted(false)
                .withRenderCatalog(false)
                // A table of another schema is named with it (TableNames); the others have no schema to render.
                .withRenderSchema(true)
                .withParamType(ParamType.INDEXED)
                // Values are bound with typed setters, so H2 needs no cast(? as bigint) around them; the casts cost a
                // conversion per execution and made a lookup by key measurably slower than hand-written SQL.
                .withParamCastMode(ParamCastMode.NEVER)
                .withStatementType(StatementType.PREPARED_STATEMENT)
                .withExecuteLogging(false);
        return DSL.using(dialect, settings);
    }
}
