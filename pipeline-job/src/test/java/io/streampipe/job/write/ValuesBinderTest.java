package io.streampipe.job.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import io.streampipe.api.FieldType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Our serialization of each wire value is byte for byte what the driver's codecs write. */
class ValuesBinderTest {
  private static final ProtocolVersion V = ProtocolVersion.DEFAULT;

  @Test
  void everyTypeEncodesAsTheDriverWould() {
    UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    assertThat(ValuesBinder.encode(FieldType.UUID, id)).isEqualTo(TypeCodecs.UUID.encode(id, V));
    assertThat(ValuesBinder.encode(FieldType.TEXT, "Zoë ✓"))
        .isEqualTo(TypeCodecs.TEXT.encode("Zoë ✓", V));
    assertThat(ValuesBinder.encode(FieldType.INT, -36)).isEqualTo(TypeCodecs.INT.encode(-36, V));
    assertThat(ValuesBinder.encode(FieldType.BIGINT, 1L << 40))
        .isEqualTo(TypeCodecs.BIGINT.encode(1L << 40, V));
    assertThat(ValuesBinder.encode(FieldType.DOUBLE, 2.5))
        .isEqualTo(TypeCodecs.DOUBLE.encode(2.5, V));
    assertThat(ValuesBinder.encode(FieldType.BOOLEAN, true))
        .isEqualTo(TypeCodecs.BOOLEAN.encode(true, V));
    assertThat(ValuesBinder.encode(FieldType.BOOLEAN, false))
        .isEqualTo(TypeCodecs.BOOLEAN.encode(false, V));
    assertThat(ValuesBinder.encode(FieldType.TIMESTAMP, 1709288130123L))
        .isEqualTo(TypeCodecs.TIMESTAMP.encode(Instant.ofEpochMilli(1709288130123L), V));
    assertThat(ValuesBinder.encode(FieldType.DATE, -3))
        .isEqualTo(TypeCodecs.DATE.encode(LocalDate.ofEpochDay(-3), V));
  }
}
