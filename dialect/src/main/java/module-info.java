/**
 * Cairn's dialect layer: which database a connection is to ({@code dev.cairn.dialect}), and, for Cairn's own
 * modules only, how the model's types and values are stored there, the one walk from a statement to SQL through
 * jOOQ, and every statement Cairn writes by hand.
 */
module dev.cairn.dialect {
    requires transitive dev.cairn.dsl;
    requires transitive java.sql;
    requires org.jooq;

    exports dev.cairn.dialect;
    exports dev.cairn.dialect.render to dev.cairn.schema, dev.cairn.engine;
    exports dev.cairn.dialect.sql to dev.cairn.schema, dev.cairn.engine;
}
