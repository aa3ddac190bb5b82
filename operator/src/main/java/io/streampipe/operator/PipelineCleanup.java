package io.streampipe.operator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.v1alpha1.DeletionPolicy;
import io.streampipe.operator.desired.DesiredKafkaTopics;
import io.streampipe.operator.desired.Labels;
import io.streampipe.operator.desired.Names;
import io.streampipe.operator.desired.ResolvedPipeline;
import io.streampipe.operator.schema.CassandraCredentials;
import io.streampipe.operator.schema.SchemaService;
import io.streampipe.operator.topics.TopicService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a deleted pipeline's deletion policy. Retain orphans the topics and the checkpoint claim
 * (owner references removed, so garbage collection spares them) and keeps the table; Delete deletes
 * topics and claim and drops the table, giving up after bounded attempts when Cassandra is away.
 * The job, ConfigMap, PodMonitor and ingest Deployment go by garbage collection in both cases.
 */
public class PipelineCleanup {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineCleanup.class);

  private final OperatorConfig config;
  private final Optional<String> topicVersion;
  private final SchemaService schemas;
  private final TopicService adminTopics;
  private final PipelineEvents events;
  private final Map<String, Integer> dropAttempts = new ConcurrentHashMap<>();

  public PipelineCleanup(
      OperatorConfig config,
      Optional<String> topicVersion,
      SchemaService schemas,
      TopicService adminTopics,
      PipelineEvents events) {
    this.config = config;
    this.topicVersion = topicVersion;
    this.schemas = schemas;
    this.adminTopics = adminTopics;
    this.events = events;
  }

  public PipelineEvents events() {
    return events;
  }

  /**
   * @param namesTaken whether an earlier pipeline holds a topic or the table this one names (see
   *     {@link NameClaims}): then they are the other pipeline's data and kept whatever the policy
   */
  public DeleteControl apply(
      StreamingPipeline pipeline, KubernetesClient client, boolean namesTaken) {
    boolean delete =
        pipeline.getSpec() != null
            && PipelineDefaults.apply(pipeline.getSpec()).getDeletionPolicy()
                == DeletionPolicy.Delete;
    String namespace = pipeline.getMetadata().getNamespace();
    String name = pipeline.getMetadata().getName();
    if (delete && namesTaken) {
      events.normal(
          pipeline,
          "DataKept",
          "topics and table kept: a pipeline created before this one names them");
    }
    boolean deleteData = delete && !namesTaken;
    var topics = kafkaTopics(client, namespace, name);
    topics.forEach(topic -> release(topic, deleteData, pipeline));
    release(
        client
            .persistentVolumeClaims()
            .inNamespace(namespace)
            .withName(Names.checkpointClaim(name)),
        delete,
        pipeline);
    if (!deleteData) {
      LOG.info(
          "pipeline={}/{} deleted policy=Retain topics={} kept", namespace, name, topics.size());
      return DeleteControl.defaultDelete();
    }
    deleteAdminTopics(pipeline);
    return dropTable(pipeline, client);
  }

  /** Without Strimzi there are no KafkaTopics, and asking for the kind would fail. */
  private List<Resource<GenericKubernetesResource>> kafkaTopics(
      KubernetesClient client, String namespace, String name) {
    return topicVersion
        .map(
            version ->
                client
                    .genericKubernetesResources(
                        DesiredKafkaTopics.GROUP + "/" + version, DesiredKafkaTopics.KIND)
                    .inNamespace(namespace)
                    .withLabel(Labels.PIPELINE, name)
                    .resources()
                    .toList())
        .orElse(List.of());
  }

  /**
   * Topics the operator created over the Admin API go with a Delete policy; Kafka is asked once.
   */
  private void deleteAdminTopics(StreamingPipeline pipeline) {
    Optional<ResolvedPipeline> valid =
        OperatorChecks.check(pipeline, config, Optional.empty()).resolved();
    if (valid.isEmpty() || valid.get().kafkaCluster().isPresent()) {
      return;
    }
    ResolvedPipeline resolved = valid.get();
    try {
      adminTopics.delete(resolved);
    } catch (RuntimeException e) {
      events.warning(
          pipeline,
          "TopicsKept",
          "topics not deleted at " + resolved.bootstrapServers() + ": " + e.getMessage());
    }
  }

  private <T extends HasMetadata> void release(
      Resource<T> resource, boolean delete, StreamingPipeline owner) {
    if (resource.get() == null) {
      return;
    }
    if (delete) {
      resource.delete();
    } else {
      resource.edit(orphan(owner.getMetadata().getUid()));
    }
  }

  private static <T extends HasMetadata> UnaryOperator<T> orphan(String ownerUid) {
    return r -> {
      r.getMetadata().getOwnerReferences().removeIf(o -> ownerUid.equals(o.getUid()));
      return r;
    };
  }

  private DeleteControl dropTable(StreamingPipeline pipeline, KubernetesClient client) {
    String uid = pipeline.getMetadata().getUid();
    Optional<ResolvedPipeline> valid =
        OperatorChecks.check(pipeline, config, Optional.empty()).resolved();
    if (valid.isEmpty()) {
      events.warning(pipeline, "TableKept", "the spec is invalid, so its table is not dropped");
      return DeleteControl.defaultDelete();
    }
    ResolvedPipeline resolved = valid.get();
    String secret = resolved.spec().getSink().getCassandra().getCredentialsSecret();
    try {
      Optional<CassandraCredentials> credentials =
          secret == null
              ? Optional.empty()
              : CassandraCredentials.read(client, resolved.namespace(), secret);
      schemas.drop(resolved, credentials);
      dropAttempts.remove(uid);
      events.normal(pipeline, "TableDropped", "dropped table " + tableOf(resolved));
      return DeleteControl.defaultDelete();
    } catch (RuntimeException e) {
      int attempts = dropAttempts.merge(uid, 1, Integer::sum);
      if (attempts < config.cassandraDeleteAttempts()) {
        LOG.warn("pipeline={} drop_table_attempt={} error={}", uid, attempts, e.toString());
        return DeleteControl.noFinalizerRemoval()
            .rescheduleAfter(config.cassandraRetryInterval().toMillis());
      }
      dropAttempts.remove(uid);
      events.warning(
          pipeline,
          "CassandraUnreachable",
          "table "
              + tableOf(resolved)
              + " not dropped after "
              + attempts
              + " attempts; drop it by hand");
      return DeleteControl.defaultDelete();
    }
  }

  private static String tableOf(ResolvedPipeline resolved) {
    var sink = resolved.spec().getSink().getCassandra();
    return sink.getKeyspace().getName() + "." + sink.getTable();
  }
}
