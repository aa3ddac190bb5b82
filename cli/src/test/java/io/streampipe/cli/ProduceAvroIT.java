package io.streampipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.PipelineDocument;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.cli.redrive.TopicReader;
import io.streampipe.job.avro.WireFormat;
import io.streampipe.job.plan.JobPlan;
import io.streampipe.job.validate.Validated;
import io.streampipe.testkit.LocalStack;
import io.streampipe.testkit.SchemaRegistryServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `streampipe produce --format avro` against real Kafka and a real registry: every record is read
 * back with the job's own decoder, and what it makes of them is what produce printed.
 */
class ProduceAvroIT {
  private static final Pattern VALID = Pattern.compile("valid (\\d+) ");
  private static final Pattern EXPECTED = Pattern.compile("by rule: \\{(.*)}");

  private static LocalStack stack;
  private static SchemaRegistryServer registry;

  @BeforeAll
  static void startServers() {
    stack = LocalStack.shared();
    registry = new SchemaRegistryServer().start();
  }

  @AfterAll
  static void stopRegistry() {
    registry.stop();
  }

  @Test
  void everyRecordIsReadByTheJobAsProducePrinted(@TempDir Path dir) throws Exception {
    Path file = avroCopyOfTheExample(dir);
    CliRunner.Result provisioned =
        CliRunner.run(
            "provision", "-f", file.toString(), "--cassandra", cassandra(), kafka()[0], kafka()[1]);
    assertThat(provisioned.code()).as(provisioned.err()).isZero();

    CliRunner.Result produced =
        CliRunner.run(
            "produce",
            "-f",
            file.toString(),
            "--format",
            "avro",
            "--registry",
            registry.url(),
            kafka()[0],
            kafka()[1],
            "--count",
            "1000",
            "--rate",
            "0",
            "--invalid-ratio",
            "0.2");

    assertThat(produced.code()).as(produced.err()).isZero();
    Map<String, Long> read = readBackAsTheJob(file);
    assertThat(read.get("valid")).isEqualTo(number(VALID, produced.out()));
    Map<String, Long> expected = expectedByRule(produced.out());
    assertThat(expected)
        .containsKeys("avro_magic_byte", "unknown_schema_id", "avro_decode", "type")
        .allSatisfy((rule, count) -> assertThat(count).as(rule).isPositive());
    expected.forEach(
        (rule, count) ->
            assertThat(
                    read.entrySet().stream()
                        .filter(e -> e.getKey().matches(rule))
                        .mapToLong(Map.Entry::getValue)
                        .sum())
                .as(rule)
                .isEqualTo(count));
    assertThat(read.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1000);
  }

  /** The example with an Avro source on its own topic, so other tests' JSON stays out of it. */
  private static Path avroCopyOfTheExample(Path dir) throws Exception {
    PipelineDocument document =
        SourceFormats.apply(PipelineDocuments.read(CliRunner.EXAMPLE), "avro");
    // Names of its own: the shared servers' other tests provision the example's.
    document.spec().getSource().getTopic().setName("users_avro_produced");
    document.spec().getSink().getCassandra().getKeyspace().setName("produce_avro_ks");
    document.spec().getSink().getCassandra().setTable("produce_avro_users");
    document.spec().getSource().getRegistry().setUrl(registry.url());
    Path file = dir.resolve("users-avro.yaml");
    Files.writeString(file, PipelineDocuments.write(document), StandardCharsets.UTF_8);
    return file;
  }

  /** Each record's fate in the job: "valid" or its dead-letter rule; and its schema id checked. */
  private static Map<String, Long> readBackAsTheJob(Path file) {
    JobPlan plan =
        JobPlan.of(
            Pipelines.validated(
                PipelineDocuments.read(file),
                ConnectionOptions.of(kafka()[1], cassandra()).withRegistry(registry.url())));
    Map<String, Long> fates = new TreeMap<>();
    boolean complete =
        TopicReader.readAll(
            stack.kafka().bootstrapServers(),
            "users_avro_produced",
            record -> {
              Validated fate = plan.decode(record.value());
              String name =
                  fate instanceof Validated.Rejection rejection
                      ? rejection.failures().get(0).rule().label()
                      : "valid";
              if ("valid".equals(name)) {
                assertThat(WireFormat.schemaId(record.value())).isPositive();
              }
              fates.merge(name, 1L, Long::sum);
            });
    assertThat(complete).isTrue();
    return fates;
  }

  private static Map<String, Long> expectedByRule(String out) {
    Matcher matcher = EXPECTED.matcher(out);
    assertThat(matcher.find()).as(out).isTrue();
    Map<String, Long> expected = new TreeMap<>();
    for (String entry : matcher.group(1).split(", ")) {
      String[] parts = entry.split("=");
      expected.put(parts[0], Long.parseLong(parts[1]));
    }
    return expected;
  }

  private static long number(Pattern pattern, String out) {
    Matcher matcher = pattern.matcher(out);
    assertThat(matcher.find()).as(out).isTrue();
    return Long.parseLong(matcher.group(1));
  }

  private static String[] kafka() {
    return new String[] {"--bootstrap-servers", stack.kafka().bootstrapServers()};
  }

  private static String cassandra() {
    return stack.cassandra().contactPoint();
  }
}
