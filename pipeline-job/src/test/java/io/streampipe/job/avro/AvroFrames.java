package io.streampipe.job.avro;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Records in the registry wire format, as a producer with Apache Avro writes them, and two producer
 * versions of the reference users event (v2 adds an optional field).
 */
public final class AvroFrames {
  private static final String TIME = "{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}";

  /** The users event's required fields: id, email, registered_date. */
  public static final String USER_V1 =
      "{\"type\":\"record\",\"name\":\"User\",\"fields\":["
          + "{\"name\":\"id\",\"type\":{\"type\":\"string\",\"logicalType\":\"uuid\"}},"
          + "{\"name\":\"email\",\"type\":\"string\"},"
          + "{\"name\":\"registered_date\",\"type\":"
          + TIME
          + "}]}";

  /** v1 and an optional age. */
  public static final String USER_V2 =
      USER_V1.replace("]}", ",{\"name\":\"age\",\"type\":[\"null\",\"int\"],\"default\":null}]}");

  private AvroFrames() {}

  /** A users event with a fresh id; {@code age} only for v2 (null leaves it out). */
  public static Map<String, Object> user(Integer age) {
    Map<String, Object> user = new HashMap<>();
    user.put("id", UUID.randomUUID().toString());
    user.put("email", "a@b.io");
    user.put("registered_date", 1_764_500_000_000L);
    if (age != null) {
      user.put("age", age);
    }
    return user;
  }

  public static byte[] frame(int id, String schemaJson, Map<String, Object> values)
      throws IOException {
    Schema schema = new Schema.Parser().parse(schemaJson);
    GenericRecord record = new GenericData.Record(schema);
    values.forEach(record::put);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // Written here, not with the job's WireFormat, so the job is read against an independent writer
    // (and the e2e tests can use this class without the job's classes).
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(id).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
