package io.streampipe.job.write;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.streampipe.api.FieldType;
import io.streampipe.job.validate.ValidatedRows;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.spark.sql.Row;

/**
 * Binds a validated row to the prepared upsert. Absent values stay unset rather than null, so an
 * event without an optional field writes no tombstone (and leaves an earlier value of it alone).
 */
final class RowBinder {
  private final PreparedStatement upsert;
  private final FieldType[] types;

  RowBinder(PreparedStatement upsert, List<FieldType> types) {
    this.upsert = upsert;
    this.types = types.toArray(new FieldType[0]);
  }

  BoundStatement bind(Row row, long writeTimeMicros) {
    BoundStatementBuilder statement = upsert.boundStatementBuilder();
    for (int i = 0; i < types.length; i++) {
      int column = ValidatedRows.FIRST_FIELD + i;
      if (!row.isNullAt(column)) {
        set(statement, i, types[i], row, column);
      }
    }
    statement.setLong(types.length, writeTimeMicros);
    // Upserts are idempotent, which lets the driver retry them after a timeout.
    return statement.setIdempotence(true).build();
  }

  private static void set(BoundStatementBuilder out, int i, FieldType type, Row row, int column) {
    switch (type) {
      case TEXT -> out.setString(i, row.getString(column));
      case UUID -> out.setUuid(i, UUID.fromString(row.getString(column)));
      case INT -> out.setInt(i, row.getInt(column));
      case BIGINT -> out.setLong(i, row.getLong(column));
      case DOUBLE -> out.setDouble(i, row.getDouble(column));
      case BOOLEAN -> out.setBoolean(i, row.getBoolean(column));
      case TIMESTAMP -> out.setInstant(i, Instant.ofEpochMilli(row.getLong(column)));
      case DATE -> out.setLocalDate(i, LocalDate.ofEpochDay(row.getInt(column)));
    }
  }
}
