package io.streampipe.job;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.streampipe.api.FieldType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Binds a validated record's values (their wire form, see {@link FieldCodec}) straight to the
 * prepared upsert, with its write time: no Spark row between the parser and the driver. Absent
 * values stay unset, so an optional field left out writes no tombstone.
 */
final class ValuesBinder {
  private final PreparedStatement upsert;
  private final FieldType[] types;

  ValuesBinder(PreparedStatement upsert, List<FieldType> types) {
    this.upsert = upsert;
    this.types = types.toArray(new FieldType[0]);
  }

  BoundStatement bind(Object[] values, long writeTimeMicros) {
    BoundStatementBuilder statement = upsert.boundStatementBuilder();
    for (int i = 0; i < types.length; i++) {
      if (values[i] != null) {
        set(statement, i, types[i], values[i]);
      }
    }
    // Idempotent (same cells, same write time), so the driver may retry after a timeout.
    return statement.setQueryTimestamp(writeTimeMicros).setIdempotence(true).build();
  }

  private static void set(BoundStatementBuilder out, int i, FieldType type, Object value) {
    switch (type) {
      case TEXT -> out.setString(i, (String) value);
      case UUID -> out.setUuid(i, UUID.fromString((String) value));
      case INT -> out.setInt(i, (Integer) value);
      case BIGINT -> out.setLong(i, (Long) value);
      case DOUBLE -> out.setDouble(i, (Double) value);
      case BOOLEAN -> out.setBoolean(i, (Boolean) value);
      case TIMESTAMP -> out.setInstant(i, Instant.ofEpochMilli((Long) value));
      case DATE -> out.setLocalDate(i, LocalDate.ofEpochDay((Integer) value));
    }
  }
}
