package dev.cairn.schema.online;

import dev.cairn.dialect.Dialect;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MySQL or MariaDB server's family and full version. The online-DDL rules change at patch releases (MySQL
 * 8.0.12, 8.0.28, 8.0.29), which {@link Dialect}'s major and minor version do not tell.
 */
public record ServerVersion(Dialect.Family family, int major, int minor, int patch) {
    // MariaDB 10 announces itself as "5.5.5-10.11.19-MariaDB-..."; the MariaDB part is the version.
    private static final Pattern MARIADB = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)-MariaDB", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLAIN = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /** The version of the server a connection talks to. */
    public static ServerVersion of(Dialect dialect, DatabaseMetaData meta) throws SQLException {
        return parse(dialect.family(), meta.getDatabaseProductVersion());
    }

    /** The version in a product version string such as {@code 8.0.36} or {@code 5.5.5-10.11.19-MariaDB-1:10.11}. */
    public static ServerVersion parse(Dialect.Family family, String version) {
        String text = version == null ? "" : version;
        Matcher m = MARIADB.matcher(text);
        if (!m.find()) {
            m = PLAIN.matcher(text);
            if (!m.find()) {
                return new ServerVersion(family, 0, 0, 0);
            }
        }
        return new ServerVersion(family, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    /** Whether this is MariaDB. */
    public boolean isMariaDb() {
        return family == Dialect.Family.MARIADB;
    }

    /** Whether the version is at least {@code major.minor.patch}. */
    public boolean atLeast(int major, int minor, int patch) {
        if (this.major != major) {
            return this.major > major;
        }
        return this.minor != minor ? this.minor > minor : this.patch >= patch;
    }

    @Override
    public String toString() {
        return (isMariaDb() ? "MariaDB " : "MySQL ") + major + "." + minor + "." + patch;
    }
}
