package io.streampipe.operator.desired;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.StreamingPipelines;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.operator.OperatorConfig;
import io.streampipe.operator.StreamingPipeline;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated pipeline with defaults applied and the operator's settings resolved: the single input
 * of every desired-state builder, so those builders stay pure.
 *
 * @param kafkaCluster the Strimzi cluster that manages the topics, when there is one
 * @param bootstrapServers what the job connects to
 * @param uid the pipeline's uid, null when rendering without a cluster (then no owner reference)
 * @param generation the spec generation resolved, null when rendering without a cluster
 */
public record ResolvedPipeline(
    String name,
    String namespace,
    String uid,
    Long generation,
    StreamingPipelineSpec spec,
    Optional<String> kafkaCluster,
    String bootstrapServers,
    List<String> contactPoints,
    String datacenter,
    String image,
    OperatorConfig config) {

  /**
   * Resolves a validated pipeline. {@code clusterBootstrap} is the bootstrap address a Strimzi
   * Kafka reports, when it was read; otherwise Strimzi's conventional service address is used.
   */
  public static ResolvedPipeline of(
      StreamingPipeline pipeline,
      ValidPipeline valid,
      OperatorConfig config,
      Optional<String> clusterBootstrap) {
    return of(pipeline, valid.spec(), config, clusterBootstrap);
  }

  /**
   * Resolves a pipeline without validating it, applying its defaults only: for the tests that show
   * a hostile spec is refused again further down (CQL names), even when validation is bypassed. The
   * operator itself resolves through {@link io.streampipe.operator.OperatorChecks}.
   */
  public static ResolvedPipeline of(
      StreamingPipeline pipeline, OperatorConfig config, Optional<String> clusterBootstrap) {
    return of(pipeline, PipelineDefaults.apply(pipeline.getSpec()), config, clusterBootstrap);
  }

  private static ResolvedPipeline of(
      StreamingPipeline pipeline,
      StreamingPipelineSpec spec,
      OperatorConfig config,
      Optional<String> clusterBootstrap) {
    StreamingPipelineSpec raw = pipeline.getSpec();
    String namespace = Optional.ofNullable(pipeline.getMetadata().getNamespace()).orElse("default");
    Optional<String> cluster = kafkaCluster(spec, config);
    String bootstrap =
        Optional.ofNullable(spec.getSource().getBootstrapServers())
            .or(() -> cluster.map(c -> clusterBootstrap.orElse(strimziService(c, namespace))))
            .or(config::defaultBootstrapServers)
            .orElse(null);
    var cassandra = spec.getSink().getCassandra();
    List<String> contactPoints =
        cassandra.getContactPoints().isEmpty()
            ? config.defaultCassandraContactPoints()
            : cassandra.getContactPoints();
    String datacenter =
        raw.getSink().getCassandra().getLocalDatacenter() != null
            ? cassandra.getLocalDatacenter()
            : config.defaultCassandraDatacenter();
    String image = Optional.ofNullable(spec.getProcessing().getImage()).orElse(config.jobImage());
    return new ResolvedPipeline(
        pipeline.getMetadata().getName(),
        namespace,
        pipeline.getMetadata().getUid(),
        pipeline.getMetadata().getGeneration(),
        spec,
        cluster,
        bootstrap,
        List.copyOf(contactPoints),
        datacenter,
        image,
        config);
  }

  /** Strimzi names the plain listener's service {cluster}-kafka-bootstrap, port 9092. */
  public static String strimziService(String cluster, String namespace) {
    return cluster + "-kafka-bootstrap." + namespace + ".svc:9092";
  }

  /**
   * The Strimzi cluster a pipeline's topics belong to: the one it names, else the operator's
   * default when it gives no bootstrap servers either. Takes a raw spec too, valid or not: the
   * informer of Kafka clusters indexes every cached pipeline with it.
   */
  public static Optional<String> kafkaCluster(StreamingPipelineSpec spec, OperatorConfig config) {
    if (spec == null || spec.getSource() == null) {
      return Optional.empty();
    }
    if (spec.getSource().getKafkaCluster() != null) {
      return Optional.of(spec.getSource().getKafkaCluster());
    }
    return spec.getSource().getBootstrapServers() == null
        ? config.defaultKafkaCluster()
        : Optional.empty();
  }

  /** Metadata for an owned resource: name, namespace, labels and the owner reference. */
  public ObjectMeta metadata(String resourceName, String component) {
    return metadata(resourceName, component, Map.of());
  }

  public ObjectMeta metadata(String resourceName, String component, Map<String, String> extra) {
    ObjectMetaBuilder meta =
        new ObjectMetaBuilder()
            .withName(resourceName)
            .withNamespace(namespace)
            .addToLabels(Labels.of(name, component))
            .addToLabels(extra);
    if (uid != null) {
      meta.withOwnerReferences(owner());
    }
    return meta.build();
  }

  private OwnerReference owner() {
    return new OwnerReferenceBuilder()
        .withApiVersion(StreamingPipelines.API_VERSION)
        .withKind(StreamingPipelines.KIND)
        .withName(name)
        .withUid(uid)
        .withController(true)
        .withBlockOwnerDeletion(false)
        .build();
  }
}
