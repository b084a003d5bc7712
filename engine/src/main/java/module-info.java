/**
 * Cairn's engine: {@link dev.cairn.engine.Database}, sessions, transactions, batches and the object API
 * ({@code dev.cairn.engine}), change subscriptions ({@code dev.cairn.engine.events}), and the exceptions it throws
 * ({@code dev.cairn.engine.exception}). Every other package
 * is internal.
 *
 * <p>On the module path, open the packages of your row types (records or classes) and table classes to this module
 * and to {@code dev.cairn.dsl}, so that rows are read into them, and their values read for writes, by generated
 * classes:
 * <pre>{@code
 * module com.acme.shop {
 *     requires dev.cairn.engine;
 *     opens com.acme.shop.model to dev.cairn.engine, dev.cairn.dsl;
 * }
 * }</pre>
 */
module dev.cairn.engine {
    requires transitive dev.cairn.dsl;
    requires transitive dev.cairn.dialect;
    requires transitive dev.cairn.schema;
    requires transitive java.sql;
    requires com.github.benmanes.caffeine;
    requires com.zaxxer.hikari;
    requires org.jooq;
    requires org.objectweb.asm;
    requires org.slf4j;

    exports dev.cairn.engine;
    exports dev.cairn.engine.events;
    exports dev.cairn.engine.exception;
}
