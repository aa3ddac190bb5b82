package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.streampipe.api.IngestContract;
import io.streampipe.api.JobContract;
import io.streampipe.api.v1alpha1.HeaderSpec;
import io.streampipe.api.v1alpha1.SecretKeyRef;
import io.streampipe.operator.desired.DesiredConfigMap;
import io.streampipe.operator.desired.DesiredIngestDeployment;
import io.streampipe.operator.desired.DesiredPodMonitor;
import io.streampipe.operator.desired.DesiredState;
import io.streampipe.operator.desired.Labels;
import io.streampipe.operator.desired.ResolvedPipeline;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ingest Deployment's builder, called as the pure function it is. */
class DesiredIngestDeploymentTest {

  @Test
  void oneRestrictedReplicaRunsTheIngesterFromTheJobImageWithTheSpecMounted() {
    ResolvedPipeline pipeline = resolve(withSecretHeader());
    Deployment deployment = DesiredIngestDeployment.build(pipeline);
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    Container ingest = pod.getContainers().get(0);

    assertThat(deployment.getMetadata().getName()).isEqualTo("users-ingest");
    assertThat(deployment.getMetadata().getOwnerReferences()).hasSize(1);
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
    assertThat(Labels.of("users", "ingest"))
        .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
    assertThat(ingest.getImage()).isEqualTo(pipeline.image());
    assertThat(ingest.getCommand())
        .containsSubsequence(IngestContract.MAIN_CLASS, JobContract.specPath());
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    var context = ingest.getSecurityContext();
    assertThat(context.getRunAsNonRoot()).isTrue();
    assertThat(context.getReadOnlyRootFilesystem()).isTrue();
    assertThat(context.getAllowPrivilegeEscalation()).isFalse();
    assertThat(context.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(context.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(ingest.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(ingest.getResources().getLimits()).containsKey("memory");
    assertThat(pod.getVolumes())
        .anySatisfy(v -> assertThat(v.getConfigMap().getName()).isEqualTo("users-spec"));
    assertThat(ingest.getVolumeMounts())
        .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo(JobContract.SPEC_MOUNT_DIR));
  }

  @Test
  void probesAndTheMetricsPortAreWhereTheIngesterAndThePodMonitorLook() {
    ResolvedPipeline pipeline = resolve(withSecretHeader());
    Deployment deployment = DesiredIngestDeployment.build(pipeline);
    Container ingest = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

    assertThat(ingest.getPorts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getName()).isEqualTo(JobContract.METRICS_PORT_NAME);
              assertThat(p.getContainerPort())
                  .isEqualTo(pipeline.spec().getMonitoring().getPrometheus().getPort());
            });
    assertThat(ingest.getLivenessProbe().getHttpGet().getPath())
        .isEqualTo(IngestContract.LIVE_PATH);
    assertThat(ingest.getReadinessProbe().getHttpGet().getPath())
        .isEqualTo(IngestContract.READY_PATH);
    assertThat(ingest.getReadinessProbe().getHttpGet().getPort().getStrVal())
        .isEqualTo(JobContract.METRICS_PORT_NAME);
    Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
    assertThat(PodSelectors.matches(DesiredPodMonitor.build(pipeline), podLabels)).isTrue();
    assertThat(
            PodSelectors.matches(
                DesiredPodMonitor.build(pipeline),
                Map.of(Labels.PIPELINE, "users", Labels.SPARK_ROLE, "driver")))
        .isTrue();
    assertThat(
            PodSelectors.matches(
                DesiredPodMonitor.build(pipeline),
                Map.of(Labels.PIPELINE, "users", Labels.SPARK_ROLE, "executor")))
        .isFalse();
  }

  @Test
  void secretHeadersComeByReferenceAndKafkaAsTheJobGetsIt() {
    ResolvedPipeline pipeline = resolve(withSecretHeader());
    List<EnvVar> env =
        DesiredIngestDeployment.build(pipeline)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0)
            .getEnv();

    assertThat(env)
        .anySatisfy(
            e -> {
              assertThat(e.getName()).isEqualTo(JobContract.ENV_BOOTSTRAP_SERVERS);
              assertThat(e.getValue()).isEqualTo(pipeline.bootstrapServers());
            });
    assertThat(env)
        .anySatisfy(
            e -> {
              assertThat(e.getName()).isEqualTo("STREAMPIPE_SECRET_USERS_API_TOKEN");
              assertThat(e.getValue()).isNull();
              assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("users-api");
              assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("token");
            });
    assertThat(DesiredConfigMap.build(pipeline).getData().get(JobContract.SPEC_FILE_NAME))
        .contains("users-api")
        .doesNotContain("STREAMPIPE_SECRET_");
  }

  @Test
  void aChangedSpecRollsThePodAndNoIngestMeansNoDeployment() {
    StreamingPipeline changed = withSecretHeader();
    changed.getSpec().getIngest().setRateLimit(5.0);

    assertThat(annotations(resolve(changed)))
        .containsKey(DesiredIngestDeployment.SPEC_HASH_ANNOTATION)
        .isNotEqualTo(annotations(resolve(withSecretHeader())));
    StreamingPipeline without = withSecretHeader();
    without.getSpec().setIngest(null);
    List<HasMetadata> all = DesiredState.all(resolve(without), "v1");
    assertThat(all).noneMatch(Deployment.class::isInstance);
    assertThat(DesiredState.all(resolve(withSecretHeader()), "v1"))
        .filteredOn(Deployment.class::isInstance)
        .hasSize(1);
  }

  private static Map<String, String> annotations(ResolvedPipeline pipeline) {
    return DesiredIngestDeployment.build(pipeline)
        .getSpec()
        .getTemplate()
        .getMetadata()
        .getAnnotations();
  }

  private static StreamingPipeline withSecretHeader() {
    StreamingPipeline pipeline = TestPipelines.usersFromApi("streams", "users");
    HeaderSpec token = new HeaderSpec();
    token.setName("Authorization");
    token.setValueFrom(new SecretKeyRef("users-api", "token"));
    pipeline.getSpec().getIngest().getHttp().getHeaders().add(token);
    return pipeline;
  }

  private static ResolvedPipeline resolve(StreamingPipeline pipeline) {
    return ResolvedPipeline.of(
        TestPipelines.stored(pipeline), OperatorConfig.defaults(), Optional.empty());
  }
}
