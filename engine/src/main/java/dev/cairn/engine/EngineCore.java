package dev.cairn.engine;

import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.engine.bind.ValueBinder;
import dev.cairn.engine.compile.QueryCompiler;
import dev.cairn.engine.exec.SqlRunner;
import dev.cairn.engine.map.Mappers;
import dev.cairn.engine.map.RowLayout;
import dev.cairn.schema.Dialect;

/** What a database and its transactions share: the dialect, the compiler and its cache, binding and mapping. */
final class EngineCore {
    final Dialect dialect;
    final QueryCompiler compiler;
    final SqlRunner runner;
    final Mappers mappers;
    volatile Schema schema;

    EngineCore(Dialect dialect, int shapeCacheSize, Schema schema) {
        this.dialect = dialect;
        this.compiler = new QueryCompiler(dialect, shapeCacheSize);
        this.runner = new SqlRunner(new ValueBinder(dialect), dialect);
        this.mappers = new Mappers(dialect);
        this.schema = schema;
    }

    <R> RowLayout<R> layout(Table<R> table) {
        return mappers.layout(table);
    }
}
