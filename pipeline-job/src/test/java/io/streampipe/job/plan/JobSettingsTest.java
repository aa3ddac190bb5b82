package io.streampipe.job.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streampipe.api.JobContract;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.job.TestDocuments;
import io.streampipe.job.write.BatchLimits;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobSettingsTest {
  @Test
  void takesTheDocumentsAddressesAndDefaults() {
    JobSettings settings = JobSettings.resolve(ValidPipeline.of(TestDocuments.users()), Map.of());

    assertThat(settings.bootstrapServers()).isEqualTo("localhost:9092");
    assertThat(settings.contactPoints()).containsExactly("localhost:9042");
    assertThat(settings.localDatacenter()).isEqualTo("datacenter1");
    assertThat(settings.checkpointLocation()).isEqualTo(JobContract.CHECKPOINT_MOUNT_DIR);
    assertThat(settings.metricsPort()).isEqualTo(9464);
    assertThat(settings.username()).isNull();
    assertThat(settings.writeBatch()).isEqualTo(BatchLimits.DEFAULT);
  }

  @Test
  void takesTheWriteBatchLimitsFromTheSpec() {
    var document = TestDocuments.users();
    var batch = new io.streampipe.api.v1alpha1.WriteBatchSpec();
    batch.setMaxRows(1);
    document.spec().getSink().getCassandra().setWriteBatch(batch);

    JobSettings settings = JobSettings.resolve(ValidPipeline.of(document), Map.of());

    assertThat(settings.writeBatch()).isEqualTo(new BatchLimits(1, 4608));
  }

  @Test
  void environmentWinsAndCredentialsNeverShow() {
    Map<String, String> env =
        Map.of(
            JobContract.ENV_BOOTSTRAP_SERVERS, "kafka:9092",
            JobContract.ENV_CASSANDRA_CONTACT_POINTS, "c1:9042, c2",
            JobContract.ENV_CASSANDRA_USERNAME, "app",
            JobContract.ENV_CASSANDRA_PASSWORD, "s3cret",
            JobContract.ENV_CHECKPOINT_LOCATION, "/tmp/cp");

    JobSettings settings = JobSettings.resolve(ValidPipeline.of(TestDocuments.users()), env);

    assertThat(settings.bootstrapServers()).isEqualTo("kafka:9092");
    assertThat(settings.contactPoints()).containsExactly("c1:9042", "c2");
    assertThat(settings.password()).isEqualTo("s3cret");
    assertThat(settings.checkpointLocation()).isEqualTo("/tmp/cp");
    assertThat(settings.toString()).doesNotContain("s3cret").contains("****");
  }

  @Test
  void needsBootstrapServersWhenTheDocumentNamesACluster() {
    var document = TestDocuments.users();
    document.spec().getSource().setBootstrapServers(null);
    document.spec().getSource().setKafkaCluster("my-kafka");

    assertThatThrownBy(() -> JobSettings.resolve(ValidPipeline.of(document), Map.of()))
        .hasMessageContaining(JobContract.ENV_BOOTSTRAP_SERVERS);
  }

  @Test
  void withersChangeOneThing() {
    JobSettings settings =
        JobSettings.resolve(ValidPipeline.of(TestDocuments.users()), Map.of())
            .withCheckpointLocation("/x")
            .withMetricsPort(-1)
            .withMaxInFlight(64)
            .withWriteBatch(BatchLimits.NONE);

    assertThat(settings.checkpointLocation()).isEqualTo("/x");
    assertThat(settings.writeBatch()).isEqualTo(BatchLimits.NONE);
    assertThat(settings.metricsEnabled()).isFalse();
    assertThat(settings.maxInFlight()).isEqualTo(64);
  }
}
