package io.streampipe.job.avro;

import static io.streampipe.job.avro.AvroFrames.frame;
import static io.streampipe.job.avro.AvroFrames.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.v1alpha1.RegistrySpec;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.job.ItStack;
import io.streampipe.job.PipelineJob;
import io.streampipe.job.RunningPipeline;
import io.streampipe.job.plan.JobSettings;
import io.streampipe.testkit.SchemaRegistryServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job over Avro with a real registry, Kafka and Cassandra: rows, dead letters, accounting. */
class AvroPipelineIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String V1 = AvroFrames.USER_V1;
  private static final String V2 = AvroFrames.USER_V2;
  private static final String EMAIL_AS_INT =
      V1.replace("\"type\":\"string\"}", "\"type\":\"int\"}");
  @TempDir Path checkpoints;

  @Test
  void twoProducerVersionsLandAndEachUnreadableRecordIsDeadLetteredWithItsRule() throws Exception {
    SchemaRegistryServer registry = new SchemaRegistryServer().start();
    try {
      PipelineDocument document = ItStack.pipeline("avro");
      String topic = document.spec().getSource().getTopic().getName();
      int v1 = registry.register(topic + "-value", V1);
      int v2 = registry.register(topic + "-value", V2);
      int bad = registry.register("elsewhere-value", EMAIL_AS_INT);
      List<byte[]> values = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        values.add(frame(v1, V1, user(null)));
        values.add(frame(v2, V2, user(30 + i)));
      }
      byte[] good = frame(v1, V1, user(null));
      byte[] unknownId = good.clone();
      unknownId[1] = 0x7f;
      Map<String, Object> emailAsInt = user(null);
      emailAsInt.put("email", 7);
      values.add("{\"id\":1}".getBytes(StandardCharsets.UTF_8));
      values.add(unknownId);
      values.add(Arrays.copyOf(good, good.length - 3));
      values.add(frame(bad, EMAIL_AS_INT, emailAsInt));
      values.add(frame(v2, V2, user(200)));
      ItStack.produceInOrder(topic, values);
      document.spec().getSource().setFormat("avro");
      RegistrySpec spec = new RegistrySpec();
      spec.setUrl(registry.url());
      document.spec().getSource().setRegistry(spec);

      long written;
      long deadLettered;
      try (RunningPipeline pipeline =
          PipelineJob.start(ItStack.spark(), ValidPipeline.of(document), settings(document))) {
        ItStack.await(
            Duration.ofSeconds(90), "every record read", () -> pipeline.totals().read() >= 25);
        written = pipeline.totals().written();
        deadLettered = pipeline.totals().deadLettered();
      }
      Map<String, String> reasons = new HashMap<>();
      for (ConsumerRecord<byte[], byte[]> letter :
          ItStack.readAll(topic + ".dlq", 5, Duration.ofSeconds(15))) {
        JsonNode json = JSON.readTree(letter.value());
        reasons.put(json.get("rule").asText(), json.toString());
      }
      assertThat(reasons)
          .as("dead letters by rule")
          .containsOnlyKeys(
              "avro_magic_byte", "unknown_schema_id", "avro_decode", "incompatible_schema", "max");
      assertThat(reasons.get("unknown_schema_id")).contains("schema id " + ((0x7f << 24) | v1));
      assertThat(reasons.get("incompatible_schema")).contains("schema id " + bad);
      assertThat(written).isEqualTo(20);
      assertThat(deadLettered).isEqualTo(5);
      assertThat(ItStack.countRows(document)).isEqualTo(20);
    } finally {
      registry.stop();
    }
  }

  private JobSettings settings(PipelineDocument document) throws Exception {
    Path checkpoint = Files.createDirectories(checkpoints.resolve(document.name()));
    return JobSettings.resolve(ValidPipeline.of(document), Map.of())
        .withCheckpointLocation(checkpoint.toString())
        .withMetricsPort(-1);
  }
}
