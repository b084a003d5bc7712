package dev.cairn.schema.shape;

import java.util.List;

/** A foreign key: its name, columns, referenced table and columns, and actions ({@code NO ACTION} for RESTRICT). */
public record ForeignKeyShape(String name, List<String> columns, String targetTable, List<String> targetColumns,
                              String onDelete, String onUpdate) {
    public ForeignKeyShape {
        columns = List.copyOf(columns);
        targetColumns = List.copyOf(targetColumns);
    }
}
