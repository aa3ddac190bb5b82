package io.streampipe.operator.runtime;

import io.streampipe.operator.progress.ProgressEndpoints;
import io.streampipe.operator.schema.CqlProvisioners;
import io.streampipe.operator.schema.SchemaProvisioners;
import io.streampipe.operator.topics.KafkaTopicAdmins;
import io.streampipe.operator.topics.TopicAdmins;

/**
 * What the operator reaches besides the Kubernetes API: Cassandra, Kafka's Admin API, the jobs'
 * progress endpoints, and whether the API server does Server-Side Apply. A cluster always gets
 * {@link #production()}; tests pass their own through the same {@link
 * io.streampipe.operator.OperatorMain} path.
 */
public record Backends(
    SchemaProvisioners schemas,
    TopicAdmins topics,
    boolean serverSideApply,
    ProgressEndpoints jobs) {

  public static Backends production() {
    return new Backends(
        new CqlProvisioners(), new KafkaTopicAdmins(), true, ProgressEndpoints.SERVICE);
  }
}
