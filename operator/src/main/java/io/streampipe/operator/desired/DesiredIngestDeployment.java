package io.streampipe.operator.desired;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.streampipe.api.IngestContract;
import io.streampipe.api.JobContract;
import io.streampipe.api.v1alpha1.HeaderSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Deployment running the ingester ({@link IngestContract#MAIN_CLASS}) from the job image, for a
 * pipeline with {@code spec.ingest}: one replica reading the spec from the pipeline's ConfigMap.
 */
public final class DesiredIngestDeployment {
  public static final String COMPONENT = "ingest";
  public static final String CONTAINER = "ingest";

  /** The job image's CLI class path (deploy/docker/streampipe.sh), which holds the ingester. */
  public static final String CLASSPATH = "/opt/streampipe/lib/*:/opt/spark/jars/*";

  /** Rolls the pod when the document changes: the ingester reads it once, at start. */
  public static final String SPEC_HASH_ANNOTATION = "streampipe.io/spec-hash";

  private static final String SPEC_VOLUME = "pipeline-spec";
  private static final String TMP_VOLUME = "tmp";

  private DesiredIngestDeployment() {}

  public static Deployment build(ResolvedPipeline pipeline) {
    Map<String, String> selector = Labels.ingestSelector(pipeline.name());
    return new DeploymentBuilder()
        .withMetadata(pipeline.metadata(Names.ingestDeployment(pipeline.name()), COMPONENT))
        .withNewSpec()
        .withReplicas(1)
        // Two ingesters at once would send each record twice and race on the saved cursor.
        .withNewStrategy()
        .withType("Recreate")
        .endStrategy()
        .withNewSelector()
        .withMatchLabels(selector)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(Labels.of(pipeline.name(), COMPONENT))
        .withAnnotations(
            Map.of(SPEC_HASH_ANNOTATION, Names.shortHash(DesiredConfigMap.document(pipeline))))
        .endMetadata()
        .withSpec(pod(pipeline))
        .endTemplate()
        .endSpec()
        .build();
  }

  private static PodSpec pod(ResolvedPipeline pipeline) {
    return new PodSpecBuilder()
        // The ingester talks to its API and Kafka only, never to Kubernetes.
        .withAutomountServiceAccountToken(false)
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withRunAsUser(DesiredSparkApplication.SPARK_UID)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .withContainers(container(pipeline))
        .addNewVolume()
        .withName(SPEC_VOLUME)
        .withNewConfigMap()
        .withName(Names.configMap(pipeline.name()))
        .endConfigMap()
        .endVolume()
        .addNewVolume()
        .withName(TMP_VOLUME)
        .withNewEmptyDir()
        .endEmptyDir()
        .endVolume()
        .build();
  }

  private static Container container(ResolvedPipeline pipeline) {
    int port = pipeline.spec().getMonitoring().getPrometheus().getPort();
    return new ContainerBuilder()
        .withName(CONTAINER)
        .withImage(pipeline.image())
        .withImagePullPolicy("IfNotPresent")
        .withCommand(
            "java",
            "-XX:MaxRAMPercentage=75",
            "-cp",
            CLASSPATH,
            IngestContract.MAIN_CLASS,
            JobContract.specPath())
        .withEnv(env(pipeline))
        .addNewPort()
        .withName(JobContract.METRICS_PORT_NAME)
        .withContainerPort(port)
        .withProtocol("TCP")
        .endPort()
        .withLivenessProbe(probe(IngestContract.LIVE_PATH, 3))
        .withReadinessProbe(probe(IngestContract.READY_PATH, 1))
        .withNewResources()
        .withRequests(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("256Mi")))
        .withLimits(Map.of("memory", new Quantity("512Mi")))
        .endResources()
        .withSecurityContext(
            new SecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withRunAsUser(DesiredSparkApplication.SPARK_UID)
                .withAllowPrivilegeEscalation(false)
                .withPrivileged(false)
                .withReadOnlyRootFilesystem(true)
                .withNewCapabilities()
                .withDrop("ALL")
                .endCapabilities()
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .build())
        .addNewVolumeMount()
        .withName(SPEC_VOLUME)
        .withMountPath(JobContract.SPEC_MOUNT_DIR)
        .withReadOnly(true)
        .endVolumeMount()
        .addNewVolumeMount()
        .withName(TMP_VOLUME)
        .withMountPath("/tmp")
        .endVolumeMount()
        .build();
  }

  private static Probe probe(String path, int failureThreshold) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(path)
        .withPort(new IntOrString(JobContract.METRICS_PORT_NAME))
        .endHttpGet()
        .withInitialDelaySeconds(10)
        .withPeriodSeconds(10)
        .withFailureThreshold(failureThreshold)
        .build();
  }

  /** Kafka's address as the job gets it; Secret-backed header values by reference only. */
  private static List<EnvVar> env(ResolvedPipeline pipeline) {
    Map<String, EnvVar> env = new LinkedHashMap<>();
    if (pipeline.bootstrapServers() != null) {
      env.put(
          JobContract.ENV_BOOTSTRAP_SERVERS,
          new EnvVar(JobContract.ENV_BOOTSTRAP_SERVERS, pipeline.bootstrapServers(), null));
    }
    for (HeaderSpec header : IngestContract.headers(pipeline.spec().getIngest())) {
      if (header.getValueFrom() != null) {
        String variable = IngestContract.secretVariable(header.getValueFrom());
        env.putIfAbsent(
            variable,
            new EnvVarBuilder()
                .withName(variable)
                .withNewValueFrom()
                .withNewSecretKeyRef()
                .withName(header.getValueFrom().getName())
                .withKey(header.getValueFrom().getKey())
                .endSecretKeyRef()
                .endValueFrom()
                .build());
      }
    }
    return new ArrayList<>(env.values());
  }
}
