/**
 * Cairn's schema sync: reads the live schema, diffs it against the model, plans the changes and applies the safe
 * part under a lock ({@code dev.cairn.schema}). The packages below it are Cairn's own.
 */
module dev.cairn.schema {
    requires transitive dev.cairn.dsl;
    requires transitive dev.cairn.dialect;
    requires transitive java.sql;
    requires org.jooq;
    requires org.slf4j;

    exports dev.cairn.schema;
    exports dev.cairn.schema.introspect to dev.cairn.engine;
}
