package dev.cairn.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database a connection talks to: its family (H2, MySQL, MariaDB, PostgreSQL) and server version, which decide the SQL Cairn
 * renders and the jOOQ dialect it renders with. Detected from the connection, never configured by hand.
 */
public final class Dialect {

    /** The database products Cairn supports. */
    public enum Family {
        H2,
        MYSQL,
        MARIADB,
        /** PostgreSQL; support is being built up (see the README's PostgreSQL section for what works so far). */
        POSTGRES
    }

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");
    // MariaDB 10 announces itself as "5.5.5-10.11.19-MariaDB-..." for the sake of old replication clients.
    private static final Pattern MARIADB_VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.\\d+-MariaDB", Pattern.CASE_INSENSITIVE);

    private final Family family;
    private final int major;
    private final int minor;

    public Dialect(Family family, int major, int minor) {
        this.family = Objects.requireNonNull(family, "family");
        this.major = major;
        this.minor = minor;
    }

    /** Detects the dialect of a live connection. */
    public static Dialect detect(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        return of(meta.getDatabaseProductName(), meta.getDatabaseProductVersion());
    }

    /**
     * The dialect for a product name and version as JDBC reports them. MySQL's driver calls a MariaDB server
     * "MySQL"; the version string ({@code 10.11.19-MariaDB-...}) tells them apart.
     */
    public static Dialect of(String productName, String productVersion) {
        String product = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        String version = productVersion == null ? "" : productVersion;
        Matcher mariadb = MARIADB_VERSION.matcher(version);
        Matcher m = mariadb.find() ? mariadb : VERSION.matcher(version);
        if (m == mariadb) {
            m.reset();
        }
        int major = 0;
        int minor = 0;
        if (m.find()) {
            major = Integer.parseInt(m.group(1));
            minor = Integer.parseInt(m.group(2));
        }
        Family family;
        if (product.contains("h2")) {
            family = Family.H2;
        } else if (product.contains("mariadb") || version.toLowerCase(Locale.ROOT).contains("mariadb")) {
            family = Family.MARIADB;
        } else if (product.contains("mysql")) {
            family = Family.MYSQL;
        } else if (product.contains("postgresql")) {
            family = Family.POSTGRES;
        } else {
            throw new UnsupportedDatabaseException("Cairn supports H2, MySQL, MariaDB and PostgreSQL; this connection is to "
                    + productName + " " + productVersion);
        }
        return new Dialect(family, major, minor);
    }

    public Family family() {
        return family;
    }

    /** The server's major version. */
    public int major() {
        return major;
    }

    /** The server's minor version. */
    public int minor() {
        return minor;
    }

    /** Whether the server's version is at least {@code major.minor}. */
    public boolean atLeast(int major, int minor) {
        return this.major > major || this.major == major && this.minor >= minor;
    }

    /** MySQL or MariaDB: the family whose DDL, types and locks Cairn treats alike unless noted. */
    public boolean isMySqlFamily() {
        return family == Family.MYSQL || family == Family.MARIADB;
    }

    /** PostgreSQL: standard SQL with its own catalog, types, locks and transactional DDL. */
    public boolean isPostgres() {
        return family == Family.POSTGRES;
    }

    /** Whether the server has a native UUID type (H2, PostgreSQL; MariaDB from 10.7). */
    public boolean hasNativeUuid() {
        return family == Family.H2 || family == Family.POSTGRES || family == Family.MARIADB && (major > 10 || major == 10 && minor >= 7);
    }

    /** Whether the server enforces CHECK constraints (H2, PostgreSQL; MariaDB from 10.2; MySQL from 8.0.16). */
    public boolean enforcesChecks() {
        return switch (family) {
            case H2, POSTGRES -> true;
            case MARIADB -> major > 10 || major == 10 && minor >= 2;
            case MYSQL -> major >= 8;
        };
    }

    @Override
    public String toString() {
        return family + " " + major + "." + minor;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dialect d && d.family == family && d.major == major && d.minor == minor;
    }

    @Override
    public int hashCode() {
        return Objects.hash(family, major, minor);
    }
}
