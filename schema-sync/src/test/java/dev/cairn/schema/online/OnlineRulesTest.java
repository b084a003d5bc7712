package dev.cairn.schema.online;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dialect.Dialect;
import dev.cairn.schema.OnlineDdl.Algorithm;
import dev.cairn.schema.shape.ColumnShape;
import dev.cairn.schema.shape.IndexShape;
import dev.cairn.schema.shape.TableShape;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The rules of the versions the shared server is not: MySQL 5.7, 8.0.12, 8.0.28, 8.0.29; MariaDB 10.2 to 10.5. */
class OnlineRulesTest {
    private static final OnlineRules MYSQL_57 = mysql("5.7.44");
    private static final OnlineRules MYSQL_8011 = mysql("8.0.11");
    private static final OnlineRules MYSQL_8012 = mysql("8.0.12");
    private static final OnlineRules MYSQL_8028 = mysql("8.0.28");
    private static final OnlineRules MYSQL_8029 = mysql("8.0.29");
    private static final OnlineRules MARIADB_102 = mariadb("5.5.5-10.2.44-MariaDB");
    private static final OnlineRules MARIADB_103 = mariadb("5.5.5-10.3.39-MariaDB");
    private static final OnlineRules MARIADB_104 = mariadb("5.5.5-10.4.34-MariaDB");
    private static final OnlineRules MARIADB_105 = mariadb("10.5.26-MariaDB-log");

    private static OnlineRules mysql(String version) {
        return new OnlineRules(ServerVersion.parse(Dialect.Family.MYSQL, version));
    }

    private static OnlineRules mariadb(String version) {
        return new OnlineRules(ServerVersion.parse(Dialect.Family.MARIADB, version));
    }

    private static String of(Verdict v) {
        return v.algorithm() + (v.blocksWrites() ? " blocking" : "");
    }

    private static TableShape table(String charset, IndexShape... indexes) {
        TableShape t = new TableShape("orders");
        t.engine("InnoDB");
        t.addColumn(column("id", "bigint", charset));
        t.addColumn(column("note", "varchar(20)", charset));
        t.addColumn(column("code", "varchar(200)", charset));
        t.addColumn(column("qty", "int", null));
        t.primaryKey(List.of("id"));
        for (IndexShape ix : indexes) {
            t.addIndex(ix);
        }
        return t;
    }

    private static ColumnShape column(String name, String type, String charset) {
        return new ColumnShape(name, type, true, null, false, false, charset, null, null);
    }

    private static String modify(OnlineRules rules, TableShape t, String column, String newType) {
        ColumnShape from = t.column(column);
        ColumnShape to = new ColumnShape(from.name(), newType, from.nullable(), from.defaultValue(), false, false,
                from.charset(), null, null);
        return of(rules.modifyColumn(t, from, to));
    }

    @Test
    void addingAColumnIsInstantFromMariaDb103AndMySql8012AndARebuildBefore() {
        ColumnShape added = column("z", "int", null);
        TableShape t = table("utf8mb4");
        assertThat(of(MYSQL_57.addColumn(t, added))).isEqualTo("INPLACE");
        assertThat(of(MYSQL_8011.addColumn(t, added))).isEqualTo("INPLACE");
        assertThat(of(MYSQL_8012.addColumn(t, added))).isEqualTo("INSTANT");
        assertThat(of(MARIADB_102.addColumn(t, added))).isEqualTo("INPLACE");
        assertThat(of(MARIADB_103.addColumn(t, added))).isEqualTo("INSTANT");
        TableShape withFullText = table("utf8mb4", new IndexShape("ft", List.of("note"), false, true));
        assertThat(of(MARIADB_105.addColumn(withFullText, added))).isEqualTo("INPLACE blocking");
        assertThat(of(MYSQL_8029.addColumn(withFullText, added))).isEqualTo("INPLACE blocking");
    }

    @Test
    void droppingAColumnIsInstantFromMariaDb104AndMySql8029() {
        TableShape t = table("utf8mb4", new IndexShape("ix_qty", List.of("qty"), false));
        assertThat(of(MARIADB_103.dropColumn(t, "note"))).isEqualTo("INPLACE");
        assertThat(of(MARIADB_104.dropColumn(t, "note"))).isEqualTo("INSTANT");
        assertThat(of(MARIADB_104.dropColumn(t, "qty"))).as("indexed").isEqualTo("NOCOPY");
        assertThat(of(MYSQL_8028.dropColumn(t, "note"))).isEqualTo("INPLACE");
        assertThat(of(MYSQL_8029.dropColumn(t, "note"))).isEqualTo("INSTANT");
        assertThat(of(MYSQL_8029.dropColumn(t, "qty"))).as("indexed").isEqualTo("INPLACE");
        assertThat(of(MYSQL_8029.dropColumn(t, "id"))).as("primary key").isEqualTo("COPY blocking");
    }

    @Test
    void renamingAColumnIsInstantFromMariaDb103AndMySql8028() {
        assertThat(of(MYSQL_8012.renameColumn())).isEqualTo("INPLACE");
        assertThat(of(MYSQL_8028.renameColumn())).isEqualTo("INSTANT");
        assertThat(of(MARIADB_102.renameColumn())).isEqualTo("INPLACE");
        assertThat(of(MARIADB_103.renameColumn())).isEqualTo("INSTANT");
    }

    @Test
    void aLongerVarcharCopiesTheTableOnMySqlOnlyWhereItsLengthPrefixGrows() {
        TableShape utf8mb4 = table("utf8mb4");
        // 20 characters of 4 bytes are 80 bytes; 60 are 240; 64 are 256, past what one length byte holds.
        assertThat(modify(MYSQL_57, utf8mb4, "note", "varchar(60)")).isEqualTo("INPLACE");
        assertThat(modify(MYSQL_8029, utf8mb4, "note", "varchar(64)")).isEqualTo("COPY blocking");
        assertThat(modify(MYSQL_8029, utf8mb4, "code", "varchar(500)")).as("2 bytes already").isEqualTo("INPLACE");
        TableShape latin1 = table("latin1");
        assertThat(modify(MYSQL_8029, latin1, "code", "varchar(255)")).isEqualTo("INPLACE");
        assertThat(modify(MYSQL_8029, latin1, "code", "varchar(256)")).isEqualTo("COPY blocking");
        TableShape utf8 = table("utf8mb3");
        assertThat(modify(MYSQL_8029, utf8, "note", "varchar(85)")).as("255 bytes").isEqualTo("INPLACE");
        assertThat(modify(MYSQL_8029, utf8, "note", "varchar(86)")).as("258 bytes").isEqualTo("COPY blocking");
        assertThat(modify(MARIADB_103, utf8mb4, "note", "varchar(60)")).isEqualTo("INPLACE");
        assertThat(modify(MARIADB_103, utf8mb4, "note", "varchar(64)")).isEqualTo("COPY blocking");
        assertThat(modify(MARIADB_104, utf8mb4, "note", "varchar(64)")).as("from 80 bytes").isEqualTo("INSTANT");
        assertThat(modify(MARIADB_104, utf8mb4, "note", "varchar(500)")).isEqualTo("INSTANT");
        TableShape wider = table("utf8mb4");
        wider.addColumn(column("label", "varchar(50)", "utf8mb4"));
        assertThat(modify(MARIADB_105, wider, "label", "varchar(60)")).as("240 bytes").isEqualTo("INSTANT");
        assertThat(modify(MARIADB_105, wider, "label", "varchar(64)")).as("200 -> 256 bytes").isEqualTo("COPY blocking");
        assertThat(modify(MARIADB_105, latin1, "note", "varchar(300)")).as("20 bytes").isEqualTo("INSTANT");
        assertThat(modify(MARIADB_105, latin1, "code", "varchar(300)")).isEqualTo("COPY blocking");
        assertThat(modify(MARIADB_104, utf8mb4, "note", "varchar(10)")).as("shorter").isEqualTo("COPY blocking");
    }

    @Test
    void labelsAppendedAreMetadataWhileTheStorageSizeHolds() {
        TableShape t = table("utf8mb4");
        t.addColumn(column("e", "enum('a','b')", "utf8mb4"));
        assertThat(modify(MYSQL_57, t, "e", "enum('a','b','c')")).isEqualTo("INPLACE");
        assertThat(modify(MYSQL_8012, t, "e", "enum('a','b','c')")).isEqualTo("INSTANT");
        assertThat(modify(MARIADB_103, t, "e", "enum('a','b','c')")).isEqualTo("INSTANT");
        assertThat(modify(MARIADB_105, t, "e", "enum('a','bc')")).as("not an append").isEqualTo("COPY blocking");
        assertThat(modify(MARIADB_105, t, "e", "enum('b','a','c')")).isEqualTo("COPY blocking");
        String labels255 = IntStream.range(0, 255).mapToObj(i -> "'l" + i + "'").collect(Collectors.joining(","));
        t.addColumn(column("big", "enum(" + labels255 + ")", "utf8mb4"));
        assertThat(modify(MARIADB_105, t, "big", "enum(" + labels255 + ",'x')")).as("2 bytes a row")
                .isEqualTo("COPY blocking");
        t.addColumn(column("s", "set('a','b','c','d','e','f','g','h')", "utf8mb4"));
        assertThat(modify(MYSQL_8029, t, "s", "set('a','b','c','d','e','f','g','h','i')")).isEqualTo("COPY blocking");
    }

    @Test
    void otherColumnChanges() {
        TableShape t = table("utf8mb4");
        ColumnShape qty = t.column("qty");
        assertThat(modify(MYSQL_8029, t, "qty", "bigint")).isEqualTo("COPY blocking");
        assertThat(modify(MARIADB_105, t, "qty", "bigint")).isEqualTo("COPY blocking");
        ColumnShape notNull = new ColumnShape("qty", "int", false, null, false, false);
        assertThat(of(MYSQL_57.modifyColumn(t, qty, notNull))).isEqualTo("INPLACE");
        assertThat(of(MARIADB_105.modifyColumn(t, qty, notNull))).isEqualTo("INPLACE");
        ColumnShape defaulted = new ColumnShape("qty", "int", true, "1", false, false);
        assertThat(of(MYSQL_57.modifyColumn(t, qty, defaulted))).isEqualTo("INPLACE");
        assertThat(of(MYSQL_8012.modifyColumn(t, qty, defaulted))).isEqualTo("INSTANT");
        assertThat(of(MARIADB_103.modifyColumn(t, qty, defaulted))).isEqualTo("INSTANT");
        ColumnShape counted = new ColumnShape("qty", "int", false, null, true, false);
        assertThat(of(MARIADB_105.modifyColumn(t, qty, counted))).isEqualTo("COPY blocking");
        ColumnShape text = t.column("note");
        ColumnShape mb4 = new ColumnShape("note", "varchar(20)", true, null, false, false, "utf8mb4", null, null);
        ColumnShape utf8 = new ColumnShape("note", "varchar(20)", true, null, false, false, "utf8mb3", null, null);
        assertThat(of(MARIADB_104.modifyColumn(t, utf8, mb4))).isEqualTo("INSTANT");
        assertThat(of(MYSQL_8029.modifyColumn(t, utf8, mb4))).isEqualTo("COPY blocking");
        ColumnShape latin1 = new ColumnShape("note", "varchar(20)", true, null, false, false, "latin1", null, null);
        assertThat(of(MARIADB_105.modifyColumn(t, text, latin1))).isEqualTo("COPY blocking");
    }

    @Test
    void indexesKeysAndChecks() {
        TableShape t = table("utf8mb4");
        assertThat(of(MYSQL_57.addIndex(t, false))).isEqualTo("INPLACE");
        assertThat(of(MARIADB_102.addIndex(t, false))).isEqualTo("INPLACE");
        assertThat(of(MARIADB_103.addIndex(t, false))).isEqualTo("NOCOPY");
        assertThat(of(MARIADB_105.addIndex(t, true))).as("first full-text").isEqualTo("INPLACE blocking");
        TableShape withFullText = table("utf8mb4", new IndexShape("ft", List.of("note"), false, true));
        assertThat(of(MARIADB_105.addIndex(withFullText, true))).isEqualTo("NOCOPY blocking");
        assertThat(of(MYSQL_8029.addIndex(withFullText, true))).isEqualTo("INPLACE blocking");
        assertThat(of(MYSQL_8029.dropIndex())).isEqualTo("INPLACE");
        assertThat(of(MARIADB_105.dropIndex())).isEqualTo("NOCOPY");
        assertThat(of(MARIADB_104.renameIndex())).as("no RENAME INDEX before 10.5.2").isEqualTo("INPLACE");
        assertThat(of(MARIADB_105.renameIndex())).isEqualTo("INSTANT");
        assertThat(of(MYSQL_8029.renameIndex())).isEqualTo("INPLACE");
        assertThat(of(MYSQL_8029.addForeignKey())).isEqualTo("COPY blocking");
        assertThat(of(MARIADB_105.addForeignKey())).isEqualTo("COPY blocking");
        assertThat(of(MYSQL_57.dropForeignKey())).isEqualTo("INPLACE");
        assertThat(of(MARIADB_105.dropForeignKey())).isEqualTo("INSTANT");
        assertThat(of(MYSQL_8029.addCheck())).isEqualTo("COPY blocking");
        assertThat(of(MYSQL_8029.dropPrimaryKey())).isEqualTo("COPY blocking");
        assertThat(of(MYSQL_8029.addPrimaryKey(t))).isEqualTo("INPLACE");
        assertThat(of(MYSQL_8029.tableOptions(false))).isEqualTo("INPLACE");
        assertThat(of(MYSQL_8029.tableOptions(true))).isEqualTo("COPY blocking");
        assertThat(of(MARIADB_105.tableOptions(true))).isEqualTo("INSTANT");
        assertThat(of(MYSQL_8029.tableStatement())).isEqualTo("INSTANT");
    }

    @Test
    void aTableOfAnotherEngineIsCopied() {
        TableShape t = table("utf8mb4");
        assertThat(MARIADB_105.engine(t)).isNull();
        t.engine("MyISAM");
        assertThat(of(MARIADB_105.engine(t))).isEqualTo("COPY blocking");
        assertThat(MARIADB_105.engine(t).reason()).contains("MyISAM");
    }

    @Test
    void serverVersionsAreReadWithTheirPatchLevel() {
        assertThat(ServerVersion.parse(Dialect.Family.MARIADB, "5.5.5-10.11.19-MariaDB-0+deb12u1"))
                .isEqualTo(new ServerVersion(Dialect.Family.MARIADB, 10, 11, 19));
        assertThat(ServerVersion.parse(Dialect.Family.MYSQL, "8.0.36-commercial"))
                .isEqualTo(new ServerVersion(Dialect.Family.MYSQL, 8, 0, 36));
        assertThat(ServerVersion.parse(Dialect.Family.MYSQL, "8.0.29").atLeast(8, 0, 29)).isTrue();
        assertThat(ServerVersion.parse(Dialect.Family.MYSQL, "8.0.28").atLeast(8, 0, 29)).isFalse();
        assertThat(ServerVersion.parse(Dialect.Family.MYSQL, "9.1.0").atLeast(8, 0, 29)).isTrue();
    }

    @Test
    void theDearerOfTwoVerdictsWinsAndBlockingIsKept() {
        Verdict v = Verdict.instant(null).and(Verdict.online(Algorithm.INPLACE, "rebuild"));
        assertThat(of(v)).isEqualTo("INPLACE");
        assertThat(v.reason()).isEqualTo("rebuild");
        assertThat(of(Verdict.blocking(Algorithm.NOCOPY, "ft").and(Verdict.online(Algorithm.INPLACE, null))))
                .isEqualTo("INPLACE blocking");
    }
}
