package io.streampipe.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.HostPort;
import org.junit.jupiter.api.Test;

class PipelineProvisionerTest {

  @Test
  void connectionsComeFromTheSpec() {
    PipelineConnections connections = PipelineConnections.fromSpec(Pipelines.usersDefaulted());

    assertThat(connections.kafkaBootstrapServers()).isEqualTo("localhost:9092");
    assertThat(connections.cassandra().contactPoints())
        .containsExactly(new HostPort("localhost", 9042));
    assertThat(connections.cassandra().localDatacenter()).isEqualTo("datacenter1");
  }
}
