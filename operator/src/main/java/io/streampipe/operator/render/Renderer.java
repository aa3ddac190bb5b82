package io.streampipe.operator.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.streampipe.api.cql.CqlStatements;
import io.streampipe.api.cql.KeyspaceDefinition;
import io.streampipe.api.cql.TableDefinition;
import io.streampipe.operator.OperatorChecks;
import io.streampipe.operator.OperatorConfig;
import io.streampipe.operator.StreamingPipeline;
import io.streampipe.operator.dependent.TopicApiVersion;
import io.streampipe.operator.desired.DesiredState;
import io.streampipe.operator.desired.ResolvedPipeline;
import io.streampipe.provisioning.TopicDefinition;
import java.io.PrintStream;
import java.util.Optional;

/** Prints a pipeline's resources as multi-document YAML, with the CQL it would run as comments. */
public final class Renderer {
  private Renderer() {}

  public static int render(
      StreamingPipeline pipeline, OperatorConfig config, PrintStream out, PrintStream err) {
    OperatorChecks.Checked checked = OperatorChecks.check(pipeline, config, Optional.empty());
    if (checked.resolved().isEmpty()) {
      err.println("invalid pipeline " + pipeline.getMetadata().getName() + ":");
      checked.problems().forEach(p -> err.println("  " + p));
      return 1;
    }
    ResolvedPipeline resolved = checked.resolved().get();
    out.println("# Cassandra schema (created if absent; later changes applied only when safe):");
    KeyspaceDefinition keyspace =
        KeyspaceDefinition.desired(resolved.spec().getSink().getCassandra().getKeyspace());
    out.println("#   " + CqlStatements.createKeyspace(keyspace) + ";");
    out.println("#   " + CqlStatements.createTable(TableDefinition.desired(resolved.spec())) + ";");
    if (resolved.kafkaCluster().isEmpty()) {
      out.println(
          "# No Strimzi cluster (kafkaCluster or --kafka-cluster): no KafkaTopics; the operator"
              + " ensures the topics over the Kafka Admin API at "
              + resolved.bootstrapServers()
              + " (created if absent; partitions only grow):");
      for (TopicDefinition topic : TopicDefinition.forPipeline(resolved.spec())) {
        out.println(
            "#   "
                + topic.name()
                + ": "
                + topic.partitions()
                + " partitions, replication factor "
                + topic.replicas()
                + ", config "
                + topic.config());
      }
    }
    for (HasMetadata resource : DesiredState.all(resolved, TopicApiVersion.V1)) {
      String yaml = Serialization.asYaml(resource);
      out.print(yaml.startsWith("---") ? yaml : "---\n" + yaml);
    }
    return 0;
  }
}
