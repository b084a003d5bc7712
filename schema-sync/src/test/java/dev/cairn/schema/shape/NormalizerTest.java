package dev.cairn.schema.shape;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The canonical text of types, defaults and referential actions. The inputs are spelt as H2 2.3 and MariaDB 10.11
 * report them (copied from their information schema), as MySQL 8 reports them (unquoted literals), and as Cairn's
 * DDL writes them for each dialect.
 */
class NormalizerTest {

    // ---------------------------------------------------------------- types
    @Test
    void integerDisplayWidthsAreDropped() {
        assertThat(Normalizer.type("int(11)")).isEqualTo("int");
        assertThat(Normalizer.type("bigint(20)")).isEqualTo("bigint");
        assertThat(Normalizer.type("smallint(6)")).isEqualTo("smallint");
        assertThat(Normalizer.type("mediumint(9)")).isEqualTo("mediumint");
        assertThat(Normalizer.type("tinyint(4)")).isEqualTo("tinyint");
        assertThat(Normalizer.type("integer(5)")).isEqualTo("int");
        assertThat(Normalizer.type("bigint(20) unsigned")).isEqualTo("bigint unsigned");
        assertThat(Normalizer.type("int(10) unsigned zerofill")).isEqualTo("int unsigned zerofill");
        // MySQL from 8.0.19 reports no width at all.
        assertThat(Normalizer.type("int")).isEqualTo("int");
        assertThat(Normalizer.type("tinyint")).isEqualTo("tinyint");
    }

    @Test
    void theTypesOfTheModelAndOfMariaDbMeetForEveryNewType() {
        assertThat(Normalizer.type("year(4)")).isEqualTo(Normalizer.type("YEAR")).isEqualTo("year");
        assertThat(Normalizer.type("tinyint(3) unsigned")).isEqualTo(Normalizer.type("TINYINT UNSIGNED"));
        assertThat(Normalizer.type("smallint(5) unsigned")).isEqualTo(Normalizer.type("SMALLINT UNSIGNED"));
        assertThat(Normalizer.type("mediumint(8) unsigned")).isEqualTo(Normalizer.type("MEDIUMINT UNSIGNED"));
        assertThat(Normalizer.type("int(10) unsigned")).isEqualTo(Normalizer.type("INT UNSIGNED"));
        assertThat(Normalizer.type("bit(64)")).isEqualTo(Normalizer.type("BIT(64)"));
        assertThat(Normalizer.type("tinyint(4)")).isNotEqualTo(Normalizer.type("BOOLEAN"));
        assertThat(Normalizer.type("DECIMAL(20,0)")).isEqualTo(Normalizer.type("NUMERIC(20,0)"));
    }

    @Test
    void aBitDefaultIsItsNumber() {
        assertThat(Normalizer.defaultValue("b'101'")).isEqualTo("5");
        assertThat(Normalizer.defaultValue("b'" + "1".repeat(64) + "'")).isEqualTo("18446744073709551615");
        assertThat(Normalizer.defaultValue("'b'")).as("text, kept quoted").isEqualTo("'b'");
    }

    @Test
    void tinyintOfWidthOneIsBoolean() {
        assertThat(Normalizer.type("tinyint(1)")).isEqualTo("boolean");
        assertThat(Normalizer.type("TINYINT(1)")).isEqualTo("boolean");
        assertThat(Normalizer.type("BOOLEAN")).isEqualTo("boolean");
        assertThat(Normalizer.type("tinyint(1) unsigned")).isEqualTo("boolean unsigned");
        assertThat(Normalizer.type("tinyint(2)")).isEqualTo("tinyint");
        assertThat(Normalizer.type("tinyint(10)")).isEqualTo("tinyint");
    }

    @Test
    void standardNamesBecomeMySqlNames() {
        assertThat(Normalizer.type("INTEGER")).isEqualTo("int");
        assertThat(Normalizer.type("DOUBLE PRECISION")).isEqualTo("double");
        assertThat(Normalizer.type("double   precision")).isEqualTo("double");
        assertThat(Normalizer.type("NUMERIC(10,2)")).isEqualTo("decimal(10,2)");
        assertThat(Normalizer.type("CHARACTER VARYING(100)")).isEqualTo("varchar(100)");
        assertThat(Normalizer.type("CHARACTER VARYING")).isEqualTo("varchar");
        assertThat(Normalizer.type("CHARACTER(3)")).isEqualTo("char(3)");
        assertThat(Normalizer.type("CHARACTER LARGE OBJECT")).isEqualTo("clob");
        assertThat(Normalizer.type("BINARY VARYING(64)")).isEqualTo("varbinary(64)");
        assertThat(Normalizer.type("BINARY LARGE OBJECT")).isEqualTo("blob");
    }

    @Test
    void caseAndSpacesDoNotMatter() {
        assertThat(Normalizer.type("  VARCHAR(100) ")).isEqualTo("varchar(100)");
        assertThat(Normalizer.type("DECIMAL(12, 4)")).isEqualTo("decimal(12,4)");
        assertThat(Normalizer.type("Bigint  Unsigned")).isEqualTo("bigint unsigned");
    }

    @Test
    void typesWithoutParametersStayAsTheyAre() {
        for (String t : new String[] {"date", "uuid", "json", "text", "mediumtext", "longtext", "blob", "longblob",
                "double", "bigint", "smallint", "varbinary(64)", "binary(4)", "char(36)", "decimal(65,30)"}) {
            assertThat(Normalizer.type(t)).as(t).isEqualTo(t);
            assertThat(Normalizer.type(t.toUpperCase())).as(t).isEqualTo(t);
        }
    }

    @Test
    void dateTimesWithoutDigitsHaveZeroDigits() {
        // MySQL and MariaDB write DATETIME(0) as plain "datetime"; Cairn's DDL writes the zero.
        assertThat(Normalizer.type("timestamp")).isEqualTo("timestamp(0)");
        assertThat(Normalizer.type("datetime")).isEqualTo("datetime(0)");
        assertThat(Normalizer.type("time")).isEqualTo("time(0)");
        assertThat(Normalizer.type("TIMESTAMP(0)")).isEqualTo("timestamp(0)");
        assertThat(Normalizer.type("DATETIME(6)")).isEqualTo("datetime(6)");
        assertThat(Normalizer.type("TIME(3)")).isEqualTo("time(3)");
        assertThat(Normalizer.type("date")).isEqualTo("date");
    }

    @Test
    void timeZonesAreMarkedTz() {
        assertThat(Normalizer.type("TIMESTAMP(6) WITH TIME ZONE")).isEqualTo("timestamp(6) tz");
        assertThat(Normalizer.type("timestamp(3) with time zone")).isEqualTo("timestamp(3) tz");
        assertThat(Normalizer.type("TIMESTAMP(0) WITH TIME ZONE")).isEqualTo("timestamp(0) tz");
    }

    @Test
    void enumLabelsKeepTheirCaseAndSpacesButLoseTheSpaceBetweenThem() {
        assertThat(Normalizer.type("enum('HAPPY','SAD','MEH')")).isEqualTo("enum('HAPPY','SAD','MEH')");
        assertThat(Normalizer.type("ENUM('HAPPY', 'SAD',  'MEH')")).isEqualTo("enum('HAPPY','SAD','MEH')");
        assertThat(Normalizer.type("ENUM ( 'Low' , 'hIGH' )")).isEqualTo("enum('Low','hIGH')");
        assertThat(Normalizer.type("enum(' a ','b c')")).isEqualTo("enum(' a ','b c')");
        assertThat(Normalizer.type("enum('a,b', 'c')")).isEqualTo("enum('a,b','c')");
        assertThat(Normalizer.type("SET('READ', 'WRITE')")).isEqualTo("set('READ','WRITE')");
    }

    @Test
    void enumLabelEscapesAreKeptAsWritten() {
        // '' and a backslash escape the next character inside a label; neither ends it.
        assertThat(Normalizer.type("enum('it''s', 'x')")).isEqualTo("enum('it''s','x')");
        assertThat(Normalizer.type("enum('a\\'b', 'c')")).isEqualTo("enum('a\\'b','c')");
        assertThat(Normalizer.type("enum('a\\\\', 'b')")).isEqualTo("enum('a\\\\','b')");
        assertThat(Normalizer.type("enum('''', ' ')")).isEqualTo("enum('''',' ')");
    }

    @Test
    void equalThingsCompareEqualAcrossDatabases() {
        // H2 on the left, MariaDB on the right, for the same model column.
        assertThat(Normalizer.type("INTEGER")).isEqualTo(Normalizer.type("int(11)"));
        assertThat(Normalizer.type("BIGINT")).isEqualTo(Normalizer.type("bigint(20)"));
        assertThat(Normalizer.type("SMALLINT")).isEqualTo(Normalizer.type("smallint(6)"));
        assertThat(Normalizer.type("DOUBLE PRECISION")).isEqualTo(Normalizer.type("double"));
        assertThat(Normalizer.type("BOOLEAN")).isEqualTo(Normalizer.type("tinyint(1)"));
        assertThat(Normalizer.type("timestamp(0)")).isEqualTo(Normalizer.type("timestamp"));
    }

    @Test
    void differentThingsCompareDifferent() {
        assertThat(Normalizer.type("varchar(100)")).isNotEqualTo(Normalizer.type("varchar(101)"));
        assertThat(Normalizer.type("varchar(3)")).isNotEqualTo(Normalizer.type("char(3)"));
        assertThat(Normalizer.type("int")).isNotEqualTo(Normalizer.type("int unsigned"));
        assertThat(Normalizer.type("tinyint(1)")).isNotEqualTo(Normalizer.type("tinyint(2)"));
        assertThat(Normalizer.type("decimal(10,2)")).isNotEqualTo(Normalizer.type("decimal(10,3)"));
        assertThat(Normalizer.type("timestamp(3)")).isNotEqualTo(Normalizer.type("timestamp(6)"));
        assertThat(Normalizer.type("timestamp(6)")).isNotEqualTo(Normalizer.type("timestamp(6) with time zone"));
        assertThat(Normalizer.type("timestamp(6)")).isNotEqualTo(Normalizer.type("datetime(6)"));
        assertThat(Normalizer.type("enum('a','b')")).isNotEqualTo(Normalizer.type("enum('A','b')"));
        assertThat(Normalizer.type("enum('a','b')")).isNotEqualTo(Normalizer.type("enum('b','a')"));
        assertThat(Normalizer.type("enum('a','b')")).isNotEqualTo(Normalizer.type("set('a','b')"));
        assertThat(Normalizer.type("text")).isNotEqualTo(Normalizer.type("longtext"));
        assertThat(Normalizer.type("blob")).isNotEqualTo(Normalizer.type("longblob"));
    }

    // ---------------------------------------------------------------- defaults
    @Test
    void noDefaultInAnySpelling() {
        assertThat(Normalizer.defaultValue(null)).isNull();
        assertThat(Normalizer.defaultValue("")).isNull();
        assertThat(Normalizer.defaultValue("  ")).isNull();
        assertThat(Normalizer.defaultValue("NULL")).isNull();
        assertThat(Normalizer.defaultValue("null")).isNull();
    }

    @Test
    void quotedTextKeepsItsQuotesInOneSpelling() {
        assertThat(Normalizer.defaultValue("'open'")).isEqualTo("'open'");
        assertThat(Normalizer.defaultValue("'it''s'")).isEqualTo("'it''s'");
        assertThat(Normalizer.defaultValue("' pad '")).isEqualTo("' pad '");
        // MariaDB doubles a backslash, H2 does not: both are one backslash.
        assertThat(Normalizer.defaultValue("'a\\\\b'")).isEqualTo("'a\\b'");
        assertThat(Normalizer.defaultValue("'a\\b'")).isEqualTo("'a\\b'");
        // MariaDB's catalog writes a newline as \n and a backslash as \\; H2 writes a control character in U&'...'.
        assertThat(Normalizer.defaultValue("'Regards,\\nThe team'")).isEqualTo("'Regards,\nThe team'")
                .isEqualTo(Normalizer.defaultValue("U&'Regards,\\000aThe team'"))
                .isEqualTo(Normalizer.defaultValue("'Regards,\nThe team'"));
        assertThat(Normalizer.defaultValue("U&'\\+01F44D ok \\\\ it''s'")).isEqualTo("'\uD83D\uDC4D ok \\ it''s'");
        assertThat(Normalizer.defaultValue("'a\\'")).as("H2's text a\\").isEqualTo("'a\\'");
        assertThat(Normalizer.defaultValue("'it\\\\''s'''''")).isEqualTo("'it\\''s'''''");
    }

    @Test
    void quotedTextThatLooksLikeSomethingElseStaysText() {
        assertThat(Normalizer.defaultValue("''")).isEqualTo("''");
        assertThat(Normalizer.defaultValue("'NULL'")).isEqualTo("'NULL'");
        assertThat(Normalizer.defaultValue("'now()'")).isEqualTo("'now()'");
        assertThat(Normalizer.defaultValue("'CURRENT_TIMESTAMP'")).isEqualTo("'CURRENT_TIMESTAMP'");
        assertThat(Normalizer.defaultValue("'007'")).isEqualTo("'007'");
        assertThat(Normalizer.defaultValue("'1.50'")).isEqualTo("'1.50'");
        assertThat(Normalizer.defaultValue("'true'")).isEqualTo("'true'");
    }

    @Test
    void anExpressionNeverEqualsTextThatSpellsIt() {
        assertThat(Normalizer.defaultValue("uuid()")).isEqualTo("uuid()");
        assertThat(Normalizer.defaultValue("'uuid()'")).isEqualTo("'uuid()'");
        assertThat(Normalizer.defaultValue("curdate()")).isNotEqualTo(Normalizer.defaultValue("'curdate()'"));
        assertThat(Normalizer.defaultValue("'a' || 'b'")).as("two literals are an expression").isEqualTo("'a'||'b'");
    }

    @Test
    void expressionsAreCaseSpacesAndOuterParenthesesFree() {
        // MariaDB reports (1+2) as (1 + 2), MySQL 8 writes uuid() as (uuid()).
        assertThat(Normalizer.defaultValue("(1 + 2)")).isEqualTo(Normalizer.defaultValue("(1+2)")).isEqualTo("1+2");
        assertThat(Normalizer.defaultValue("(uuid())")).isEqualTo("uuid()");
        assertThat(Normalizer.defaultValue("UUID()")).isEqualTo("uuid()");
        assertThat(Normalizer.defaultValue("((now() + INTERVAL 1  DAY))")).isEqualTo("now()+interval 1 day");
        assertThat(Normalizer.defaultValue("concat('A', 'b')")).isEqualTo("concat('A','b')");
        assertThat(Normalizer.defaultValue("concat('A B')")).as("text inside keeps case and spaces")
                .isEqualTo("concat('A B')");
        assertThat(Normalizer.defaultValue("(1) + (2)")).as("not one pair of parentheses").isEqualTo("(1)+(2)");
        assertThat(Normalizer.defaultValue("('x')")).isEqualTo("'x'");
        assertThat(Normalizer.defaultValue("(current_timestamp(3))")).isEqualTo("now");
    }

    @Test
    void synonymsOfH2AndMariaDbAreOne() {
        assertThat(Normalizer.defaultValue("RANDOM_UUID()")).isEqualTo("uuid()");
        assertThat(Normalizer.defaultValue("CURRENT_DATE")).isEqualTo("curdate()");
        assertThat(Normalizer.defaultValue("curdate()")).isEqualTo("curdate()");
        assertThat(Normalizer.defaultValue("LOCALTIMESTAMP(3)")).isEqualTo(Normalizer.defaultValue("now(3)"));
        // Inside an expression too, but not inside its text.
        assertThat(Normalizer.defaultValue("EXTRACT(DAY FROM CURRENT_DATE) * 2"))
                .isEqualTo(Normalizer.defaultValue("(extract(day from curdate()) * 2)"))
                .isEqualTo("extract(day from curdate())*2");
        assertThat(Normalizer.defaultValue("concat('current_date', current_date)"))
                .isEqualTo("concat('current_date',curdate())");
        assertThat(Normalizer.defaultValue("date_add(current_timestamp(3), interval 1 day)"))
                .isEqualTo(Normalizer.defaultValue("date_add(NOW(3), INTERVAL 1 DAY)"));
        assertThat(Normalizer.defaultValue("localtimestamp_x()")).isEqualTo("localtimestamp_x()");
    }

    @Test
    void everyFormOfTheCurrentTimeIsNow() {
        for (String now : new String[] {"CURRENT_TIMESTAMP", "current_timestamp()", "current_timestamp(6)",
                "CURRENT_TIMESTAMP(3)", "LOCALTIMESTAMP", "LOCALTIMESTAMP(6)", "localtimestamp()", "now()",
                "NOW(6)", " now() "}) {
            assertThat(Normalizer.defaultValue(now)).as(now).isEqualTo("now");
        }
        assertThat(Normalizer.defaultValue("current_timestamp(x)")).isEqualTo("current_timestamp(x)");
        assertThat(Normalizer.defaultValue("current_date")).isEqualTo("curdate()");
    }

    @Test
    void numbersAreTheirValue() {
        assertThat(Normalizer.defaultValue("1.50")).isEqualTo("1.5");
        assertThat(Normalizer.defaultValue("1.5000")).isEqualTo("1.5");
        assertThat(Normalizer.defaultValue("2.5E-1")).isEqualTo("0.25");
        assertThat(Normalizer.defaultValue("0.25")).isEqualTo("0.25");
        assertThat(Normalizer.defaultValue("1.5E10")).isEqualTo("15000000000");
        assertThat(Normalizer.defaultValue("1.5e+10")).isEqualTo("15000000000");
        assertThat(Normalizer.defaultValue("-100.00")).isEqualTo("-100");
        assertThat(Normalizer.defaultValue("-100")).isEqualTo("-100");
        assertThat(Normalizer.defaultValue("100")).isEqualTo("100");
        assertThat(Normalizer.defaultValue("+3")).isEqualTo("3");
        assertThat(Normalizer.defaultValue(".5")).isEqualTo("0.5");
        assertThat(Normalizer.defaultValue("5.")).isEqualTo("5");
        assertThat(Normalizer.defaultValue("0.0")).isEqualTo("0");
        assertThat(Normalizer.defaultValue("-0E0")).isEqualTo("0");
        assertThat(Normalizer.defaultValue("0")).isEqualTo("0");
        assertThat(Normalizer.defaultValue("-3")).isNotEqualTo(Normalizer.defaultValue("3"));
        assertThat(Normalizer.defaultValue("1.5")).isNotEqualTo(Normalizer.defaultValue("1.05"));
    }

    @Test
    void anUnquotedDefaultThatReadsAsANumberIsTakenForOne() {
        // MySQL 8 reports text literals without quotes: the text 007 cannot be told from the number.
        assertThat(Normalizer.defaultValue("007")).isEqualTo("7");
        assertThat(Normalizer.defaultValue("1e3")).isEqualTo("1000");
    }

    @Test
    void castsAreUnwrapped() {
        assertThat(Normalizer.defaultValue("CAST(0.25 AS DOUBLE PRECISION)")).isEqualTo("0.25");
        assertThat(Normalizer.defaultValue("cast(2.5E-1 as double)")).isEqualTo("0.25");
        assertThat(Normalizer.defaultValue("CAST(1.5E10 AS DOUBLE PRECISION)")).isEqualTo("15000000000");
        assertThat(Normalizer.defaultValue("cast(-0E0 as double)")).isEqualTo("0");
        assertThat(Normalizer.defaultValue("CAST(1.50 AS NUMERIC(10,2))")).isEqualTo("1.5");
        assertThat(Normalizer.defaultValue("CAST('x' AS VARCHAR(10))")).isEqualTo("'x'");
        assertThat(Normalizer.defaultValue("CAST(CURRENT_TIMESTAMP AS TIMESTAMP)")).isEqualTo("now");
    }

    @Test
    void booleansAreOneAndZero() {
        assertThat(Normalizer.defaultValue("TRUE")).isEqualTo("1");
        assertThat(Normalizer.defaultValue("true")).isEqualTo("1");
        assertThat(Normalizer.defaultValue("FALSE")).isEqualTo("0");
        assertThat(Normalizer.defaultValue("1")).isEqualTo("1");
        assertThat(Normalizer.defaultValue("0")).isEqualTo("0");
    }

    @Test
    void typedDateTimeLiteralsAreTheirText() {
        assertThat(Normalizer.defaultValue("DATE '2000-01-02'")).isEqualTo("2000-01-02");
        assertThat(Normalizer.defaultValue("date '2000-01-02'")).isEqualTo("2000-01-02");
        assertThat(Normalizer.defaultValue("'2000-01-02'")).isEqualTo("2000-01-02");
        assertThat(Normalizer.defaultValue("TIME '23:59:01'")).isEqualTo("23:59:01");
        assertThat(Normalizer.defaultValue("TIMESTAMP '2020-01-02 03:04:05'")).isEqualTo("2020-01-02 03:04:05");
        assertThat(Normalizer.defaultValue("timestamp '2020-01-02 03:04:05.0'")).isEqualTo("2020-01-02 03:04:05");
        assertThat(Normalizer.defaultValue("'23:59:01.000000'")).isEqualTo("23:59:01");
        assertThat(Normalizer.defaultValue("2020-01-02 03:04:05")).isEqualTo("2020-01-02 03:04:05");
    }

    @Test
    void theJdbcEscapesJooqWritesForMySqlAreTheirText() {
        // MySQL 8 reports these defaults as 2000-01-02, 2020-01-02 03:04:05 and 23:59:01.000000.
        assertThat(Normalizer.defaultValue("{d '2000-01-02'}")).isEqualTo("2000-01-02");
        assertThat(Normalizer.defaultValue("{ts '2020-01-02 03:04:05.0'}")).isEqualTo("2020-01-02 03:04:05");
        assertThat(Normalizer.defaultValue("{ts '2020-01-02 03:04:05.25'}")).isEqualTo("2020-01-02 03:04:05.25");
        assertThat(Normalizer.defaultValue("{t '23:59:01'}")).isEqualTo("23:59:01");
        assertThat(Normalizer.defaultValue("{d '2000-01-02'}")).isEqualTo(Normalizer.defaultValue("2000-01-02"));
    }

    @Test
    void fractionalSecondsAreTheirValue() {
        // MariaDB pads a fraction to the column's digits; the DDL writes it as short as it goes.
        assertThat(Normalizer.defaultValue("'2020-01-02 03:04:05.120000'")).isEqualTo("2020-01-02 03:04:05.12");
        assertThat(Normalizer.defaultValue("timestamp '2020-01-02 03:04:05.12'")).isEqualTo("2020-01-02 03:04:05.12");
        assertThat(Normalizer.defaultValue("TIMESTAMP '2020-01-02 03:04:05.12'")).isEqualTo("2020-01-02 03:04:05.12");
        assertThat(Normalizer.defaultValue("'23:59:01.500000'")).isEqualTo("23:59:01.5");
        assertThat(Normalizer.defaultValue("'23:59:01.050'")).isEqualTo("23:59:01.05");
        assertThat(Normalizer.defaultValue("'23:59:01.000001'")).isEqualTo("23:59:01.000001");
        assertThat(Normalizer.defaultValue("'23:59:01.5'")).isNotEqualTo(Normalizer.defaultValue("'23:59:01.05'"));
    }

    @Test
    void timestampsWithTimeZoneAsH2WritesThemAndAsJooqDoes() {
        assertThat(Normalizer.defaultValue("TIMESTAMP WITH TIME ZONE '2020-01-02 03:04:05+00'"))
                .isEqualTo("2020-01-02 03:04:05+00");
        assertThat(Normalizer.defaultValue("timestamp with time zone '2020-01-02 03:04:05+00:00'"))
                .isEqualTo("2020-01-02 03:04:05+00");
        assertThat(Normalizer.defaultValue("TIMESTAMP WITH TIME ZONE '2020-01-02 03:04:05.25+00'"))
                .isEqualTo(Normalizer.defaultValue("timestamp with time zone '2020-01-02 03:04:05.250+00:00'"));
        assertThat(Normalizer.defaultValue("timestamp with time zone '2020-01-02 03:04:05+05:30'"))
                .isEqualTo("2020-01-02 03:04:05+05:30");
        assertThat(Normalizer.defaultValue("timestamp with time zone '2020-01-02 03:04:05+01:00'"))
                .isNotEqualTo(Normalizer.defaultValue("timestamp with time zone '2020-01-02 03:04:05+00:00'"));
    }

    // ---------------------------------------------------------------- actions
    @Test
    void restrictIsNoActionAndMissingIsNoAction() {
        assertThat(Normalizer.action(null)).isEqualTo("NO ACTION");
        assertThat(Normalizer.action("RESTRICT")).isEqualTo("NO ACTION");
        assertThat(Normalizer.action("restrict")).isEqualTo("NO ACTION");
        assertThat(Normalizer.action("NO ACTION")).isEqualTo("NO ACTION");
    }

    @Test
    void otherActionsAreUpperCase() {
        assertThat(Normalizer.action(" cascade ")).isEqualTo("CASCADE");
        assertThat(Normalizer.action("SET NULL")).isEqualTo("SET NULL");
        assertThat(Normalizer.action("set default")).isEqualTo("SET DEFAULT");
    }
}
