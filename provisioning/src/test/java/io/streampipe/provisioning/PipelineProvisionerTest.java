package io.streampipe.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.HostPort;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineProvisionerTest {

  @Test
  void anInvalidSpecIsRefusedWithEveryProblemBeforeConnecting() {
    PipelineDocument users = Pipelines.users();
    StreamingPipelineSpec spec = users.spec();
    spec.getSink().getCassandra().setTable("x; DROP KEYSPACE system");
    spec.getSink().getCassandra().getKeyspace().setName("system");
    // Nothing listens on port 1: a connection attempt would throw instead of returning.
    PipelineConnections nowhere =
        new PipelineConnections(
            "127.0.0.1:1", CassandraConnection.of(List.of("127.0.0.1:1"), "dc"));

    ProvisioningSummary summary =
        PipelineProvisioner.provision(new PipelineDocument("users", null, spec), nowhere);

    assertThat(summary.problems())
        .extracting(p -> p.path())
        .contains("spec.sink.cassandra.table", "spec.sink.cassandra.keyspace.name");
    assertThat(summary.isReady()).isFalse();
    assertThat(summary.topics()).isEmpty();
    assertThat(summary.schema()).isEmpty();
    assertThat(summary.lines()).allMatch(line -> line.startsWith("invalid: "));
  }

  @Test
  void connectionsComeFromTheSpec() {
    PipelineConnections connections = PipelineConnections.fromSpec(Pipelines.usersDefaulted());

    assertThat(connections.kafkaBootstrapServers()).isEqualTo("localhost:9092");
    assertThat(connections.cassandra().contactPoints())
        .containsExactly(new HostPort("localhost", 9042));
    assertThat(connections.cassandra().localDatacenter()).isEqualTo("datacenter1");
  }
}
