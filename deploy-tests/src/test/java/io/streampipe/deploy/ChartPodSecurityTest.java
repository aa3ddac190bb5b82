package io.streampipe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operator pod meets the restricted Pod Security Standard and is probed as the contract says.
 */
class ChartPodSecurityTest {

  @ParameterizedTest
  @ValueSource(strings = {"default", "namespace-list", "ha", "monitoring"})
  void restrictedSecurityContext(String values) {
    PodSpec pod = pod(values);
    RestrictedPod.assertRestricted(pod, pod.getContainers().get(0));
  }

  @Test
  void probesAndPortMatchTheOperatorsManagementServer() {
    Container operator = pod("default").getContainers().get(0);

    assertThat(operator.getPorts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getContainerPort()).isEqualTo(8080);
              assertThat(p.getName()).isEqualTo("http");
            });
    assertHttpProbe(operator.getStartupProbe(), "/startupz");
    assertHttpProbe(operator.getLivenessProbe(), "/livez");
    assertHttpProbe(operator.getReadinessProbe(), "/readyz");
    assertThat(operator.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(operator.getResources().getLimits()).containsKey("memory");
  }

  @Test
  void environmentCarriesTheOperatorsConfiguration() {
    Map<String, EnvVar> env = env("namespace-list");

    assertThat(env.get("POD_NAMESPACE").getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("metadata.namespace");
    assertThat(env.get("STREAMPIPE_WATCH_NAMESPACES").getValue()).isEqualTo("team-a,team-b");
    assertThat(env.get("STREAMPIPE_LEADER_ELECTION_ENABLED").getValue()).isEqualTo("false");
    assertThat(env.get("STREAMPIPE_DEFAULT_KAFKA_CLUSTER").getValue()).isEqualTo("streampipe");
    assertThat(env.get("STREAMPIPE_DEFAULT_BOOTSTRAP_SERVERS").getValue())
        .isEqualTo("streampipe-kafka-bootstrap.kafka.svc:9092");
    assertThat(env.get("STREAMPIPE_DEFAULT_CASSANDRA_CONTACT_POINTS").getValue())
        .isEqualTo("streampipe-dc1-service.cassandra.svc:9042");
    assertThat(env.get("STREAMPIPE_DEFAULT_CASSANDRA_DATACENTER").getValue()).isEqualTo("dc1");
    assertThat(env.get("STREAMPIPE_JOB_SERVICE_ACCOUNT").getValue()).isEqualTo("streampipe-job");
    assertThat(env.get("STREAMPIPE_RECONCILE_CONCURRENCY").getValue()).matches("[0-9]+");
    assertThat(env("default").get("STREAMPIPE_WATCH_NAMESPACES").getValue()).isEmpty();
    assertThat(env("ha").get("STREAMPIPE_LEADER_ELECTION_ENABLED").getValue()).isEqualTo("true");
    assertThat(env("ha").get("STREAMPIPE_LEADER_ELECTION_LEASE_NAME").getValue())
        .isEqualTo(ChartRenderer.RELEASE);
  }

  @Test
  void imagesAreThePomsImages() {
    Container operator = pod("default").getContainers().get(0);

    assertThat(operator.getImage()).isEqualTo(DeployPaths.pomImage("streampipe.operator.image"));
    assertThat(env("default").get("STREAMPIPE_JOB_IMAGE").getValue())
        .isEqualTo(DeployPaths.pomImage("streampipe.job.image"));
  }

  @Test
  void podRunsAsTheChartsServiceAccountAndIsSelectedByTheMetricsService() {
    var resources = ChartRenderer.resources("default");
    Deployment deployment = ChartRenderer.single(resources, Deployment.class);
    Service service = ChartRenderer.single(resources, Service.class);
    ServiceAccount account =
        ChartRenderer.ofType(resources, ServiceAccount.class).stream()
            .filter(a -> a.getMetadata().getNamespace().equals(ChartRenderer.NAMESPACE))
            .filter(a -> !a.getMetadata().getLabels().containsKey("app.kubernetes.io/component"))
            .findFirst()
            .orElseThrow();

    assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
        .isEqualTo(account.getMetadata().getName());
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(service.getSpec().getSelector());
    assertThat(service.getSpec().getPorts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getName()).isEqualTo("http-metrics");
              assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
            });
  }

  private static void assertHttpProbe(Probe probe, String path) {
    assertThat(probe).as(path).isNotNull();
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    assertThat(probe.getPeriodSeconds()).isPositive();
  }

  private static PodSpec pod(String values) {
    return ChartRenderer.single(ChartRenderer.resources(values), Deployment.class)
        .getSpec()
        .getTemplate()
        .getSpec();
  }

  private static Map<String, EnvVar> env(String values) {
    List<EnvVar> env = pod(values).getContainers().get(0).getEnv();
    return env.stream().collect(Collectors.toMap(EnvVar::getName, Function.identity()));
  }
}
