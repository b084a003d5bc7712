package dev.cairn.schema.ddl;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.Check;
import dev.cairn.dsl.ForeignKey;
import dev.cairn.dsl.Index;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.UniqueKey;
import dev.cairn.dsl.type.Identifiers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names the database gets for the model's indexes, unique keys and checks. The model scopes these names as
 * MySQL does, by table, so two tables may each have an index {@code idx_created_at}. Where a database keeps such
 * names per schema (H2 for all three, MySQL 8 for checks), each object whose name another table of the schema uses
 * too is given {@code <table>_<name>} there instead; every other name is the model's. Foreign-key names are unique
 * across the model already and are never changed.
 */
public final class ConstraintNames {
    private static final ConstraintNames PLAIN = new ConstraintNames(new IdentityHashMap<>());

    private final Map<Object, String> renamed;

    private ConstraintNames(Map<Object, String> renamed) {
        this.renamed = renamed;
    }

    /** The model's names, unchanged: for one table on its own. */
    public static ConstraintNames plain() {
        return PLAIN;
    }

    /** The names of the schema's objects in the dialect. */
    public static ConstraintNames of(Schema schema, Dialect dialect) {
        Map<Object, String> renamed = new IdentityHashMap<>();
        if (dialect.family() == Dialect.Family.H2) {
            // H2 has one name space for indexes and another for constraints (unique keys, checks, foreign keys).
            Map<String, List<Object>> indexNames = new HashMap<>();
            Map<String, List<Object>> constraintNames = new HashMap<>();
            for (Table<?, ?> t : schema.tables()) {
                t.indexes().forEach(ix -> claim(indexNames, ix.name(), ix));
                t.uniqueKeys().forEach(uk -> claim(constraintNames, uk.name(), uk));
                t.checks().forEach(ck -> claim(constraintNames, ck.name(), ck));
                t.foreignKeys().forEach(fk -> claim(constraintNames, fk.name(), fk));
            }
            qualifyRepeated(indexNames, renamed);
            qualifyRepeated(constraintNames, renamed);
        } else if (dialect.isPostgres()) {
            // PostgreSQL names indexes, and the index behind each unique key, in one name space per schema; checks
            // and foreign keys are named per table.
            Map<String, List<Object>> relationNames = new HashMap<>();
            for (Table<?, ?> t : schema.tables()) {
                t.indexes().forEach(ix -> claim(relationNames, ix.name(), ix));
                t.uniqueKeys().forEach(uk -> claim(relationNames, uk.name(), uk));
            }
            qualifyRepeated(relationNames, renamed);
        } else if (dialect.family() == Dialect.Family.MYSQL) {
            // MySQL 8 keeps check names per schema (MariaDB per table); foreign keys are counted in to be safe.
            Map<String, List<Object>> checkNames = new HashMap<>();
            for (Table<?, ?> t : schema.tables()) {
                t.checks().forEach(ck -> claim(checkNames, ck.name(), ck));
                t.foreignKeys().forEach(fk -> claim(checkNames, fk.name(), fk));
            }
            qualifyRepeated(checkNames, renamed);
        }
        return renamed.isEmpty() ? PLAIN : new ConstraintNames(renamed);
    }

    /** The name of the index in the database. */
    public String of(Index index) {
        return renamed.getOrDefault(index, index.name());
    }

    /** The name of the unique key in the database. */
    public String of(UniqueKey uk) {
        return renamed.getOrDefault(uk, uk.name());
    }

    /** The name of the check in the database. */
    public String of(Check check) {
        return renamed.getOrDefault(check, check.name());
    }

    private static void claim(Map<String, List<Object>> names, String name, Object owner) {
        names.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(owner);
    }

    private static void qualifyRepeated(Map<String, List<Object>> names, Map<Object, String> renamed) {
        for (Map.Entry<String, List<Object>> e : names.entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            for (Object owner : e.getValue()) {
                if (owner instanceof Index ix) {
                    renamed.put(ix, qualified(ix.table(), ix.name()));
                } else if (owner instanceof UniqueKey uk) {
                    renamed.put(uk, qualified(uk.table(), uk.name()));
                } else if (owner instanceof Check ck) {
                    renamed.put(ck, qualified(ck.table(), ck.name()));
                } else if (!(owner instanceof ForeignKey)) {
                    throw new IllegalStateException("not a named model object: " + owner);
                }
            }
        }
    }

    // Cut to the longest identifier with a stable hash, as derived names are.
    private static String qualified(Table<?, ?> table, String name) {
        String full = table.name() + "_" + name;
        return full.length() <= Identifiers.MAX_LENGTH ? full : Identifiers.derive(table.name(), name, List.of(""));
    }
}
