package io.streampipe.cli.produce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.api.avro.AvroReaderSchema;
import io.streampipe.api.v1alpha1.RegistrySpec;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.job.avro.WireFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;

class AvroEventsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ID = 7;

  private final StreamingPipelineSpec users = avroUsers();
  private final String schema = AvroReaderSchema.of(users.getSchema(), "created_users");
  private final AvroEvents encoding = new AvroEvents(ID, schema, users.getSchema().getFields());

  @Test
  void anAvroSourceGetsTheBadRecordsAnAvroTopicCanHoldAndNoJsonOnes() {
    EventGenerator generator = new EventGenerator(users, 3, 0.5, 0);
    Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
    for (int i = 0; i < 200; i++) {
      kinds.add(generator.next().kind());
    }

    assertThat(kinds)
        .containsExactlyInAnyOrder(
            EventKind.VALID,
            EventKind.NOT_WIRE_FORMAT,
            EventKind.UNKNOWN_SCHEMA_ID,
            EventKind.CORRUPT_AVRO,
            EventKind.RULE_VIOLATION,
            EventKind.WRONG_TYPE);
  }

  @Test
  void eachKindIsFramedOrBrokenAsTheJobWillMeetIt() throws Exception {
    EventGenerator generator = new EventGenerator(users, 3, 0.5, 0);
    Set<EventKind> seen = EnumSet.noneOf(EventKind.class);
    for (int i = 0; i < 200; i++) {
      GeneratedEvent event = generator.next();
      byte[] value = encoding.apply(event);
      seen.add(event.kind());
      switch (event.kind()) {
        case NOT_WIRE_FORMAT -> assertThat(WireFormat.schemaId(value)).isEqualTo(-1);
        case UNKNOWN_SCHEMA_ID -> {
          assertThat(WireFormat.schemaId(value)).isEqualTo(AvroEvents.UNKNOWN_ID);
          assertThat(decode(value).get("id").toString()).isEqualTo(event.key());
        }
        case CORRUPT_AVRO -> {
          assertThat(WireFormat.schemaId(value)).isEqualTo(ID);
          assertThatThrownBy(() -> decode(value)).isInstanceOf(IOException.class);
        }
        default -> {
          assertThat(WireFormat.schemaId(value)).isEqualTo(ID);
          assertSameValues(decode(value), JSON.readTree(event.value()));
        }
      }
    }
    assertThat(seen).hasSize(6);
  }

  private static void assertSameValues(GenericRecord record, JsonNode json) {
    assertThat(record.get("id").toString()).isEqualTo(json.get("id").asText());
    assertThat(record.get("gender").toString()).isEqualTo(json.get("gender").asText());
    assertThat(record.get("email").toString()).isEqualTo(json.get("email").asText());
    assertThat(record.get("registered_date"))
        .isEqualTo(Instant.parse(json.get("registered_date").asText()).toEpochMilli());
  }

  private GenericRecord decode(byte[] value) throws IOException {
    Schema parsed = new Schema.Parser().parse(schema);
    BinaryDecoder in =
        DecoderFactory.get()
            .binaryDecoder(value, WireFormat.HEADER, value.length - WireFormat.HEADER, null);
    GenericRecord record = new GenericDatumReader<GenericRecord>(parsed).read(null, in);
    if (!in.isEnd()) {
      throw new IOException("bytes after the record");
    }
    return record;
  }

  private static StreamingPipelineSpec avroUsers() {
    StreamingPipelineSpec spec =
        PipelineDocuments.read(
                Path.of(
                    System.getProperty("streampipe.project.dir", ".."),
                    "examples/users-pipeline.yaml"))
            .spec();
    spec.getSource().setFormat(PipelineDefaults.FORMAT_AVRO);
    RegistrySpec registry = new RegistrySpec();
    registry.setUrl("http://localhost:8080/apis/ccompat/v6");
    spec.getSource().setRegistry(registry);
    return PipelineDefaults.apply(spec);
  }
}
