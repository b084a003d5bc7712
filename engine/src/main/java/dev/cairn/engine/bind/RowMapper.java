package dev.cairn.engine.bind;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Builds one result object from the current row of a result set. */
@FunctionalInterface
public interface RowMapper<R> {
    R map(ResultSet rs) throws SQLException;
}
