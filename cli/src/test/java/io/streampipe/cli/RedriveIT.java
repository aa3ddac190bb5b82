package io.streampipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.cli.redrive.TopicReader;
import io.streampipe.job.PipelineJob;
import io.streampipe.job.RunningPipeline;
import io.streampipe.job.plan.JobSettings;
import io.streampipe.testkit.LocalStack;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records refused by a rule, the rule fixed, redrive: every formerly refused record lands once,
 * byte for byte the same payload, and a second redrive re-publishes nothing. Real Kafka, Cassandra
 * and job.
 */
class RedriveIT {
  private static final int VALID = 30;
  private static final int OTHER = 20;
  private static final int MALFORMED = 5;
  @TempDir Path dir;

  @Test
  void aFixedRuleThenRedriveLandsEveryRefusedRecordOnce() throws Exception {
    LocalStack stack = LocalStack.shared();
    String yaml =
        Files.readString(CliRunner.EXAMPLE, StandardCharsets.UTF_8)
            .replace("name: users_created", "name: redrive_in")
            .replace("name: spark_streams", "name: redrive_ks")
            .replace("table: created_users", "table: redrive_users")
            .replace("trigger: 10s", "trigger: 1s");
    Path refusing = Files.writeString(dir.resolve("v1.yaml"), yaml, StandardCharsets.UTF_8);
    Path fixed =
        Files.writeString(
            dir.resolve("v2.yaml"),
            yaml.replace("[male, female]", "[male, female, other]"),
            StandardCharsets.UTF_8);
    String[] servers = {
      "--bootstrap-servers",
      stack.kafka().bootstrapServers(),
      "--cassandra",
      stack.cassandra().contactPoint()
    };
    assertThat(CliRunner.run(args("provision", refusing, servers)).code()).isZero();
    Map<UUID, byte[]> refused = produce(stack.kafka().bootstrapServers());
    Path checkpoint = dir.resolve("checkpoint");

    try (RunningPipeline job = start(refusing, servers, checkpoint)) {
      waitFor(120, () -> count("redrive_in.dlq", stack) == OTHER + MALFORMED);
    }
    assertThat(CliRunner.run(args("plan", fixed, servers, "--against", refusing.toString())).code())
        .isZero();
    try (CqlSession cql = cql(stack);
        RunningPipeline job = start(fixed, servers, checkpoint)) {
      waitFor(60, () -> rows(cql) == VALID);

      CliRunner.Result first =
          CliRunner.run(args("redrive", fixed, servers, "--rule", "allowed_values"));
      assertThat(first.code()).as(first.err()).isZero();
      assertThat(first.out())
          .contains("redrive_in.dlq: 25 letters read, 0 unreadable")
          .contains("selected 20, re-published 20 to redrive_in, skipped 0");
      waitFor(120, () -> rows(cql) == VALID + OTHER);
      for (UUID id : refused.keySet()) {
        assertThat(
                cql.execute("SELECT gender FROM redrive_ks.redrive_users WHERE id = ?", id)
                    .one()
                    .getString(0))
            .isEqualTo("other");
      }

      CliRunner.Result second =
          CliRunner.run(args("redrive", fixed, servers, "--rule", "allowed_values"));
      assertThat(second.code()).as(second.err()).isZero();
      assertThat(second.out()).contains("selected 20, re-published 0 to redrive_in, skipped 20");
    }
    // Each refused payload is in the input topic twice, byte for byte: sent, and re-driven once.
    Map<ByteBuffer, Integer> copies = new HashMap<>();
    TopicReader.readAll(
        stack.kafka().bootstrapServers(),
        "redrive_in",
        r -> copies.merge(ByteBuffer.wrap(r.value()), 1, Integer::sum));
    refused.values().forEach(p -> assertThat(copies.get(ByteBuffer.wrap(p))).isEqualTo(2));
    assertThat(count("redrive_in", stack)).isEqualTo(VALID + OTHER + MALFORMED + OTHER);
    assertThat(count("redrive_in.dlq", stack)).isEqualTo(OTHER + MALFORMED);
  }

  /** Valid users, users whose gender the first rule refuses, and malformed JSON. */
  private static Map<UUID, byte[]> produce(String bootstrap) {
    Map<UUID, byte[]> refused = new HashMap<>();
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = 0; i < VALID + OTHER; i++) {
      UUID id = UUID.randomUUID();
      byte[] payload =
          ("{\"id\":\""
                  + id
                  + "\",\"first_name\":\"Zoë "
                  + i
                  + "\",\"email\":\"u"
                  + i
                  + "@example.org\",\"registered_date\":\"2026-11-30T10:00:00Z\",\"gender\":\""
                  + (i < VALID ? "female" : "other")
                  + "\"}")
              .getBytes(StandardCharsets.UTF_8);
      if (i >= VALID) {
        refused.put(id, payload);
      }
      records.add(
          new ProducerRecord<>(
              "redrive_in", id.toString().getBytes(StandardCharsets.UTF_8), payload));
    }
    for (int i = 0; i < MALFORMED; i++) {
      records.add(
          new ProducerRecord<>(
              "redrive_in", null, ("{broken " + i).getBytes(StandardCharsets.UTF_8)));
    }
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      records.forEach(producer::send);
      producer.flush();
    }
    return refused;
  }

  private static RunningPipeline start(Path file, String[] servers, Path checkpoint) {
    ValidPipeline pipeline =
        Pipelines.validated(
            PipelineDocuments.read(file), ConnectionOptions.of(servers[1], servers[3]));
    JobSettings settings =
        JobSettings.fromEnvironment(pipeline)
            .withCheckpointLocation(checkpoint.toString())
            .withMetricsPort(0);
    return PipelineJob.start(LocalSpark.start(pipeline), pipeline, settings);
  }

  private static void waitFor(int seconds, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited %ss", seconds).isLessThan(deadline);
      Thread.sleep(500);
    }
  }

  private static long count(String topic, LocalStack stack) {
    long[] n = {0};
    TopicReader.readAll(stack.kafka().bootstrapServers(), topic, r -> n[0]++);
    return n[0];
  }

  private static long rows(CqlSession cql) {
    return cql.execute("SELECT COUNT(*) FROM redrive_ks.redrive_users").one().getLong(0);
  }

  private static CqlSession cql(LocalStack stack) {
    return CqlSession.builder()
        .addContactPoint(stack.cassandra().address())
        .withLocalDatacenter(stack.cassandra().localDatacenter())
        .build();
  }

  private static String[] args(String command, Path file, String[] servers, String... more) {
    List<String> args = new ArrayList<>(List.of(command, "-f", file.toString()));
    args.addAll(List.of(servers));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }
}
