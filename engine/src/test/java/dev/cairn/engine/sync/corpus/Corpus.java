package dev.cairn.engine.sync.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CREATE TABLE statements of {@code src/test/resources/corpus}: schemas written the way people and tools write
 * them for MariaDB (dump output, framework migrations, hand-written tables), each paired with a model that says the
 * same thing.
 */
final class Corpus {
    private Corpus() {
    }

    /** The statements of one corpus file, in order: split at a semicolon that ends a line; comment lines dropped. */
    static List<String> statements(String file) throws IOException {
        String text;
        try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("No corpus file " + file);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalArgumentException(file + " ends with a statement without a semicolon");
        }
        return out;
    }

    /** The tables the file creates, by name in lower case without their schema, in the file's order. */
    static List<String> tables(String file) throws IOException {
        return statements(file).stream().filter(s -> s.regionMatches(true, 0, "create table", 0, 12))
                .map(s -> s.substring(12).trim().split("[\\s(]")[0].replaceAll("[`\"]", ""))
                .map(name -> name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT))
                .toList();
    }

    /** Runs every statement of the file on the connection. */
    static void load(Connection c, String file) throws IOException, SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : statements(file)) {
                st.execute(sql);
            }
        }
    }
}
