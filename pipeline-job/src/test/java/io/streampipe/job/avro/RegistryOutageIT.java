package io.streampipe.job.avro;

import static io.streampipe.job.avro.AvroFrames.USER_V1;
import static io.streampipe.job.avro.AvroFrames.USER_V2;
import static io.streampipe.job.avro.AvroFrames.frame;
import static io.streampipe.job.avro.AvroFrames.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.JobContract;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.api.v1alpha1.RegistrySpec;
import io.streampipe.job.ItStack;
import io.streampipe.job.JobProcess;
import io.streampipe.testkit.SchemaRegistryServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry frozen while records of a writer schema the job has not seen yet arrive: the stream
 * stalls, then resumes by itself when the registry answers, with every record landed once and none
 * dead-lettered. The job runs in its own JVM, as in a pod, with a registry login it must not print.
 */
class RegistryOutageIT {
  private static final int OUTAGE_SECONDS = Integer.getInteger("avro.registryOutageSeconds", 20);
  private static final String PASSWORD = "registry-pw-" + UUID.randomUUID();
  @TempDir Path dir;

  @Test
  void aFrozenRegistryStallsTheStreamThenItResumesWithNothingLostOrDeadLettered() throws Exception {
    SchemaRegistryServer registry = new SchemaRegistryServer().start();
    Process job = null;
    try {
      PipelineDocument document = ItStack.pipeline("outage");
      String topic = document.spec().getSource().getTopic().getName();
      int v1 = registry.register(topic + "-value", USER_V1);
      int v2 = registry.register(topic + "-value", USER_V2);
      document.spec().getSource().setFormat("avro");
      RegistrySpec spec = new RegistrySpec();
      spec.setUrl(registry.url());
      spec.setCredentialsSecret("registry-login");
      document.spec().getSource().setRegistry(spec);
      document.spec().getMonitoring().getPrometheus().setEnabled(false);
      Path file =
          Files.writeString(dir.resolve("pipeline.yaml"), PipelineDocuments.write(document));
      Path log = dir.resolve("job.log");
      ItStack.produceInOrder(topic, records(v1, USER_V1, null));
      job =
          JobProcess.launch(
              file,
              dir.resolve("checkpoint"),
              log,
              Map.of(
                  JobContract.ENV_REGISTRY_USERNAME,
                  "reader",
                  JobContract.ENV_REGISTRY_PASSWORD,
                  PASSWORD));
      ItStack.await(Duration.ofSeconds(120), "v1 rows", () -> ItStack.countRows(document) == 50);

      registry.pause();
      try {
        ItStack.produceInOrder(topic, records(v2, USER_V2, 42));
        Thread.sleep(OUTAGE_SECONDS * 1000L);
        assertThat(ItStack.countRows(document)).as("stalled while frozen").isEqualTo(50);
        assertThat(job.isAlive()).as("the job waits, it does not fail").isTrue();
      } finally {
        registry.resume();
      }
      ItStack.await(Duration.ofSeconds(60), "v2 rows", () -> ItStack.countRows(document) == 100);

      assertThat(ItStack.readAll(topic + ".dlq", 1, Duration.ofSeconds(5)))
          .as("dead letters")
          .isEmpty();
      assertThat(
              ItStack.cql()
                  .execute(
                      "SELECT COUNT(*) FROM streampipe_it."
                          + document.spec().getSink().getCassandra().getTable()
                          + " WHERE age = 42 ALLOW FILTERING")
                  .one()
                  .getLong(0))
          .as("v2 rows with their age")
          .isEqualTo(50);
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(output)
          .contains("waiting for the schema registry, unreachable for")
          .contains("schema registry answers again after")
          .doesNotContain(PASSWORD);
    } finally {
      if (job != null) {
        job.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
      registry.stop();
    }
  }

  private static List<byte[]> records(int id, String schema, Integer age) throws Exception {
    List<byte[]> values = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      values.add(frame(id, schema, user(age)));
    }
    return values;
  }
}
