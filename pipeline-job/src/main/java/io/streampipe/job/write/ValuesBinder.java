package io.streampipe.job.write;

import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import io.streampipe.api.FieldType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Binds a validated record's values (their wire form, see {@code FieldCodec}) straight to the
 * prepared upsert, with its write time as the last variable: no Spark row between the parser and
 * the driver, and each value serialized here, because the driver's typed setters look a codec up
 * per value and encode text through a CharsetEncoder, which a profile showed as a fifth of the
 * task's time. Absent values stay unset, so an optional field left out writes no tombstone.
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
        statement.setBytesUnsafe(i, encode(types[i], values[i]));
      }
    }
    statement.setBytesUnsafe(types.length, ByteBuffer.allocate(8).putLong(0, writeTimeMicros));
    // Idempotent (same cells, same write time), so the driver may retry after a timeout.
    return statement.setIdempotence(true).build();
  }

  /** The CQL native protocol form of a wire value, as the driver's own codecs write it. */
  static ByteBuffer encode(FieldType type, Object value) {
    return switch (type) {
      case TEXT -> ByteBuffer.wrap(((String) value).getBytes(StandardCharsets.UTF_8));
      case UUID -> uuid((UUID) value);
      case INT -> ByteBuffer.allocate(4).putInt(0, (Integer) value);
      case BIGINT, TIMESTAMP -> ByteBuffer.allocate(8).putLong(0, (Long) value);
      case DOUBLE -> ByteBuffer.allocate(8).putDouble(0, (Double) value);
      case BOOLEAN -> ByteBuffer.allocate(1).put(0, (byte) ((Boolean) value ? 1 : 0));
      case DATE ->
          TypeCodecs.DATE.encode(LocalDate.ofEpochDay((Integer) value), ProtocolVersion.DEFAULT);
    };
  }

  private static ByteBuffer uuid(UUID id) {
    return ByteBuffer.allocate(16)
        .putLong(0, id.getMostSignificantBits())
        .putLong(8, id.getLeastSignificantBits());
  }
}
