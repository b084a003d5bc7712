package dev.cairn.schema.plan;

import dev.cairn.schema.shape.ColumnShape;
import dev.cairn.schema.shape.ForeignKeyShape;
import dev.cairn.schema.shape.IndexShape;
import dev.cairn.schema.shape.SchemaShape;
import dev.cairn.schema.shape.TableShape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A schema as a Mermaid entity-relationship diagram ({@code erDiagram}), so that a pull request shows it as a
 * picture. It draws a {@link SchemaShape}: the live schema as read, or the model's desired shape, which after a sync
 * is the same text. Tables in name order, columns in table order, each with its type, its keys ({@code PK},
 * {@code FK}, {@code UK}: in a unique key) and its comment; one line for each foreign key, from the table it refers
 * to: {@code ||} where its columns are NOT NULL, {@code |o} where one may be NULL; {@code o|} where they are unique
 * in the referring table (one row at most), {@code o{} otherwise.
 */
public final class ErDiagram {
    private static final Pattern ENTITY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ATTRIBUTE = Pattern.compile("[^A-Za-z0-9_\\-()\\[\\]]");

    private ErDiagram() {
    }

    /** The diagram of the tables of {@code shape}, leaving out those named in {@code leaveOut} (lower case). */
    public static String render(SchemaShape shape, Set<String> leaveOut) {
        List<TableShape> tables = new ArrayList<>();
        for (TableShape t : shape.tables()) {
            if (!leaveOut.contains(t.qualifiedName().toLowerCase(Locale.ROOT))) {
                tables.add(t);
            }
        }
        tables.sort(Comparator.comparing((TableShape t) -> t.qualifiedName().toLowerCase(Locale.ROOT))
                .thenComparing(TableShape::qualifiedName));
        StringBuilder sb = new StringBuilder("erDiagram\n");
        for (TableShape t : tables) {
            entity(t, sb);
        }
        for (TableShape t : tables) {
            List<ForeignKeyShape> fks = new ArrayList<>(t.foreignKeys().values());
            fks.sort(Comparator.comparing(fk -> fk.name().toLowerCase(Locale.ROOT)));
            for (ForeignKeyShape fk : fks) {
                TableShape target = shape.table(targetSchema(fk), targetName(fk));
                sb.append("    ").append(entityName(target != null ? target.qualifiedName() : fk.targetTable()))
                        .append(' ').append(allNotNull(t, fk) ? "||" : "|o").append("--")
                        .append(unique(t, fk) ? "o|" : "o{").append(' ').append(entityName(t.qualifiedName()))
                        .append(" : \"").append(text(String.join(", ", fk.columns()))).append("\"\n");
            }
        }
        return sb.toString();
    }

    private static void entity(TableShape t, StringBuilder sb) {
        Set<String> fkColumns = new HashSet<>();
        t.foreignKeys().values().forEach(fk -> fkColumns.addAll(fk.columns()));
        Set<String> ukColumns = new HashSet<>();
        t.indexes().values().stream().filter(IndexShape::unique).forEach(ix -> ukColumns.addAll(ix.columns()));
        sb.append("    ").append(entityName(t.qualifiedName())).append(" {\n");
        for (ColumnShape c : t.columns()) {
            String key = TableShape.key(c.name());
            List<String> keys = new ArrayList<>();
            if (t.primaryKey().contains(key)) {
                keys.add("PK");
            }
            if (fkColumns.contains(key)) {
                keys.add("FK");
            }
            if (ukColumns.contains(key)) {
                keys.add("UK");
            }
            sb.append("        ").append(word(c.type())).append(' ').append(word(c.name()));
            if (!keys.isEmpty()) {
                sb.append(' ').append(String.join(", ", keys));
            }
            if (c.comment() != null && !c.comment().isBlank()) {
                sb.append(" \"").append(text(c.comment())).append('"');
            }
            sb.append('\n');
        }
        sb.append("    }\n");
    }

    private static String targetSchema(ForeignKeyShape fk) {
        int dot = fk.targetTable().indexOf('.');
        return dot < 0 ? null : fk.targetTable().substring(0, dot);
    }

    private static String targetName(ForeignKeyShape fk) {
        return fk.targetTable().substring(fk.targetTable().indexOf('.') + 1);
    }

    private static boolean allNotNull(TableShape t, ForeignKeyShape fk) {
        return fk.columns().stream().map(t::column).allMatch(c -> c != null && !c.nullable());
    }

    // At most one referring row: the foreign key's columns are the primary key or a unique key.
    private static boolean unique(TableShape t, ForeignKeyShape fk) {
        Set<String> columns = new HashSet<>(fk.columns());
        return columns.equals(new HashSet<>(t.primaryKey())) || t.indexes().values().stream()
                .anyMatch(ix -> ix.unique() && columns.equals(new HashSet<>(ix.columns())));
    }

    /** A table's name as Mermaid reads it: as it is where it is a plain word, else in quotes. */
    static String entityName(String name) {
        return ENTITY.matcher(name).matches() ? name : "\"" + text(name) + "\"";
    }

    // Mermaid's attribute types and names are single words: spaces and commas become _, quotes and the rest go.
    private static String word(String text) {
        String w = ATTRIBUTE.matcher(text.replace(' ', '_').replace(',', '_')).replaceAll("");
        return w.isEmpty() || !Character.isLetter(w.charAt(0)) && w.charAt(0) != '_' ? "_" + w : w;
    }

    // Inside quotes Mermaid knows no escape: a double quote becomes a single one.
    private static String text(String text) {
        return text.replace('"', '\'').replace('\n', ' ');
    }
}
