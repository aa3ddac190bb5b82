package io.streampipe.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.PipelineDocument;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.testkit.LocalStack;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference pipeline provisioned end to end, as {@code streampipe run} does. */
class PipelineProvisionerIT {

  @Test
  void provisionsTheReferencePipelineOnceAndThenChangesNothing() {
    LocalStack stack = LocalStack.shared();
    PipelineDocument users = Pipelines.users();
    StreamingPipelineSpec spec = users.spec();
    spec.getSource().getTopic().setName("pipeline-it.users");
    spec.getSink().getCassandra().getKeyspace().setName("pipeline_it");
    PipelineConnections connections =
        new PipelineConnections(
            stack.kafka().bootstrapServers(),
            CassandraConnection.of(
                List.of(stack.cassandra().contactPoint()), stack.cassandra().localDatacenter()));

    ValidPipeline valid = ValidPipeline.of(users);
    ProvisioningSummary first = PipelineProvisioner.provision(valid, connections);
    ProvisioningSummary second = PipelineProvisioner.provision(valid, connections);

    assertThat(first.isReady()).as(String.join("\n", first.lines())).isTrue();
    assertThat(first.topics())
        .extracting(TopicResult::topic, TopicResult::created)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("pipeline-it.users", true),
            org.assertj.core.groups.Tuple.tuple("pipeline-it.users.dlq", true));
    SchemaResult schema = first.schema().orElseThrow();
    assertThat(schema.createdKeyspace()).isTrue();
    assertThat(schema.applied()).anyMatch(s -> s.contains("default_time_to_live = 1200"));
    assertThat(second.isReady()).isTrue();
    assertThat(second.lines()).isEmpty();
  }
}
