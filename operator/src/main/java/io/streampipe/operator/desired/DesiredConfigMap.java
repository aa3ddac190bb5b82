package io.streampipe.operator.desired;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.streampipe.api.JobContract;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;

/** The ConfigMap holding the pipeline document the job reads at {@link JobContract#specPath()}. */
public final class DesiredConfigMap {
  /** The Strimzi cluster the deployed spec's topics belong to, which the document leaves out. */
  public static final String KAFKA_CLUSTER = "streampipe.io/kafka-cluster";

  private DesiredConfigMap() {}

  public static ConfigMap build(ResolvedPipeline pipeline) {
    ObjectMetaBuilder meta =
        new ObjectMetaBuilder(pipeline.metadata(Names.configMap(pipeline.name()), "config"));
    pipeline.kafkaCluster().ifPresent(c -> meta.addToAnnotations(KAFKA_CLUSTER, c));
    return new ConfigMapBuilder()
        .withMetadata(meta.build())
        .addToData(JobContract.SPEC_FILE_NAME, document(pipeline))
        .build();
  }

  /**
   * The defaulted spec with what the operator resolved written in: the job needs no Strimzi or
   * operator knowledge. Credentials stay out; they reach the job as environment from the Secret.
   */
  public static String document(ResolvedPipeline pipeline) {
    StreamingPipelineSpec spec = PipelineDocuments.copy(pipeline.spec());
    spec.getSource().setKafkaCluster(null);
    spec.getSource().setBootstrapServers(pipeline.bootstrapServers());
    spec.getSink().getCassandra().setContactPoints(pipeline.contactPoints());
    spec.getSink().getCassandra().setLocalDatacenter(pipeline.datacenter());
    spec.getProcessing().setImage(pipeline.image());
    return PipelineDocuments.write(
        new PipelineDocument(pipeline.name(), pipeline.namespace(), spec));
  }
}
