package io.streampipe.job.avro;

import static io.streampipe.job.avro.AvroFrames.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streampipe.api.avro.AvroReaderSchema;
import io.streampipe.api.v1alpha1.FieldRules;
import io.streampipe.api.v1alpha1.FieldSpec;
import io.streampipe.api.v1alpha1.SchemaSpec;
import io.streampipe.job.validate.RecordValidator;
import io.streampipe.job.validate.Validated;
import io.streampipe.job.validate.Validated.Rejection;
import io.streampipe.provisioning.registry.RegistryUnavailableException;
import io.streampipe.provisioning.registry.SchemaRegistryClient;
import io.streampipe.testkit.SchemaRegistryServer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The decoder against a real registry: two producer versions, each refusal, a registry gone. */
class AvroRecordDecoderIT {
  private static final String V1 =
      "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"producer\",\"fields\":["
          + "{\"name\":\"id\",\"type\":{\"type\":\"string\",\"logicalType\":\"uuid\"}},"
          + "{\"name\":\"name\",\"type\":\"string\"},"
          + "{\"name\":\"created_at\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}}]}";
  // v2 adds an optional field and sends the time in microseconds.
  private static final String V2 =
      "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"producer\",\"fields\":["
          + "{\"name\":\"id\",\"type\":{\"type\":\"string\",\"logicalType\":\"uuid\"}},"
          + "{\"name\":\"name\",\"type\":\"string\"},"
          + "{\"name\":\"created_at\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}},"
          + "{\"name\":\"age\",\"type\":[\"null\",\"int\"],\"default\":null}]}";
  private static final String NAME_AS_INT =
      "{\"type\":\"record\",\"name\":\"User\",\"fields\":["
          + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"name\",\"type\":\"int\"},"
          + "{\"name\":\"created_at\",\"type\":\"long\"}]}";
  private static final UUID ID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
  private static final long CREATED = 1_764_500_000_123L;

  private static SchemaRegistryServer registry;
  private static int v1;
  private static int v2;
  private static int incompatible;

  @BeforeAll
  static void startRegistry() throws Exception {
    registry = new SchemaRegistryServer().start();
    v1 = registry.register("users-value", V1);
    v2 = registry.register("users-value", V2);
    incompatible = registry.register("other-value", NAME_AS_INT);
  }

  @AfterAll
  static void stopRegistry() {
    registry.stop();
  }

  @Test
  void bothProducerVersionsLandOnTheDeclaredFields() throws Exception {
    AvroRecordDecoder decoder = decoder(registry.url());

    Validated old =
        decoder.decode(
            frame(v1, V1, Map.of("id", ID.toString(), "name", "ann", "created_at", CREATED)));
    Validated newer =
        decoder.decode(
            frame(
                v2,
                V2,
                Map.of(
                    "id",
                    ID.toString(),
                    "name",
                    "bob",
                    "created_at",
                    CREATED * 1000 + 7,
                    "age",
                    42)));

    assertThat(old).isInstanceOf(Validated.Valid.class);
    assertThat(((Validated.Valid) old).values()).containsExactly(ID, "ann", CREATED, null);
    assertThat(((Validated.Valid) newer).values()).containsExactly(ID, "bob", CREATED, 42);
  }

  @Test
  void thePipelinesRulesApplyToDecodedValues() throws Exception {
    Validated tooOld =
        decoder(registry.url())
            .decode(
                frame(
                    v2,
                    V2,
                    Map.of("id", ID.toString(), "name", "cy", "created_at", 0L, "age", 200)));

    assertThat(rule(tooOld)).isEqualTo("max");
    assertThat(((Rejection) tooOld).first().field()).isEqualTo("age");
  }

  @Test
  void eachUnreadableKindIsRefusedWithItsRuleAndSchemaId() throws Exception {
    AvroRecordDecoder decoder = decoder(registry.url());
    byte[] good = frame(v1, V1, Map.of("id", ID.toString(), "name", "ann", "created_at", CREATED));
    byte[] unknownId = good.clone();
    unknownId[1] = 0x7f;
    byte[] corrupt = Arrays.copyOf(good, good.length - 3);
    byte[] nameAsInt =
        frame(incompatible, NAME_AS_INT, Map.of("id", "x", "name", 1, "created_at", 1L));

    assertThat(rule(decoder.decode("{\"id\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
        .isEqualTo("avro_magic_byte");
    assertThat(rule(decoder.decode(unknownId))).isEqualTo("unknown_schema_id");
    assertThat(message(decoder.decode(unknownId)))
        .contains("schema id " + WireFormat.schemaId(unknownId));
    assertThat(rule(decoder.decode(corrupt))).isEqualTo("avro_decode");
    assertThat(message(decoder.decode(corrupt))).startsWith("schema id " + v1 + ":");
    assertThat(rule(decoder.decode(nameAsInt))).isEqualTo("incompatible_schema");
    assertThat(message(decoder.decode(nameAsInt)))
        .startsWith("schema id " + incompatible + ":")
        .contains("(field name)");
  }

  @Test
  void anUnreachableRegistryStallsTheRecordInsteadOfRefusingItUntilTheTaskIsStopped()
      throws Exception {
    // Nothing listens on the port of a stopped server: the same as a registry down.
    SchemaRegistryServer gone = new SchemaRegistryServer().start();
    int id = gone.register("users-value", V1);
    String url = gone.url();
    gone.stop();
    byte[] record =
        frame(id, V1, Map.of("id", ID.toString(), "name", "ann", "created_at", CREATED));
    CompletableFuture<Validated> decoded = new CompletableFuture<>();
    Thread task =
        new Thread(
            () -> {
              try {
                decoded.complete(decoder(url).decode(record));
              } catch (RuntimeException e) {
                decoded.completeExceptionally(e);
              }
            });
    task.start();

    // Past the client's bounded retry (3 tries, ~0.6 s): still waiting, nothing refused.
    Thread.sleep(3_000);
    assertThat(decoded).isNotDone();
    task.interrupt();
    assertThatThrownBy(() -> decoded.get(20, TimeUnit.SECONDS))
        .hasCauseInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("schema id " + id);
  }

  private static AvroRecordDecoder decoder(String url) {
    SchemaSpec schema = new SchemaSpec();
    FieldSpec age = new FieldSpec("age", "int", false);
    FieldRules rules = new FieldRules();
    rules.setMax(150.0);
    age.setRules(rules);
    schema.setFields(
        List.of(
            new FieldSpec("id", "uuid", true),
            new FieldSpec("name", "text", true),
            new FieldSpec("created_at", "timestamp", true),
            age));
    return new AvroRecordDecoder(
        AvroReaderSchema.of(schema, "users"),
        RecordValidator.of(schema),
        new SchemaRegistryClient(url, null, null, 3, Duration.ofMillis(200)));
  }

  private static String rule(Validated result) {
    assertThat(result).isInstanceOf(Rejection.class);
    return ((Rejection) result).first().rule().label();
  }

  private static String message(Validated result) {
    return ((Rejection) result).first().message();
  }
}
