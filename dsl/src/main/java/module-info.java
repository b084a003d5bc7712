/**
 * Cairn's model and query language, with no dependencies: tables, columns, keys, relations, rules and hooks
 * ({@code dev.cairn.dsl}, with column types in {@code .type} and the lifecycle vocabulary in {@code .lifecycle}), and
 * the statement builders the engine runs ({@code .query}), and the compiler of request query strings into them
 * ({@code .querystring}). The expressions, conditions and SELECT statements are an
 * immutable AST of sealed types; the dialect walks it.
 *
 * <p>Table classes are read by reflection when a table is frozen, to name its columns and relations after their
 * fields: public fields of an exported package are read as they are; otherwise open the package to this module.
 */
module dev.cairn.dsl {
    exports dev.cairn.dsl;
    exports dev.cairn.dsl.lifecycle;
    exports dev.cairn.dsl.query;
    exports dev.cairn.dsl.querystring;
    exports dev.cairn.dsl.type;
}
