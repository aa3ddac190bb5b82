package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Compares the API calls the operator made against a mock server with the chart's one list of them
 * (helm/streampipe-operator/rbac/operator-rules.yaml): every call must be granted, and every grant
 * must have been used or be one the mock cannot show, named here with why. The operator under test
 * runs with leader election on, as the chart runs it with replicaCount > 1, so the calls its lease
 * lock makes are recorded and compared too.
 */
final class OperatorRbac {
  /** The ingest Deployment: watched always, written only for a pipeline with spec.ingest. */
  static final String INGEST_DEPLOYMENTS = "apps/deployments";

  /** Dependents a production operator writes with Server-Side Apply: a PATCH, never POST/PUT. */
  static final Set<String> APPLIED =
      Set.of(
          "/configmaps",
          "/services",
          "/persistentvolumeclaims",
          "kafka.strimzi.io/kafkatopics",
          "sparkoperator.k8s.io/sparkapplications",
          "monitoring.coreos.com/podmonitors",
          INGEST_DEPLOYMENTS);

  /**
   * Calls only a pipeline with spec.ingest provokes, which IngestDeploymentIT shows the operator
   * makes; ChartRbacIT's pipelines have no ingester.
   */
  static final Map<String, Set<String>> WITH_INGEST =
      Map.of(INGEST_DEPLOYMENTS, Set.of("create", "update", "delete"));

  /** The leader's Lease, granted in the operator's own namespace only (scope leaderElection). */
  static final String LEASES = "coordination.k8s.io/leases";

  /** Grants for calls the mock server cannot provoke. */
  static final Map<String, Set<String>> BEYOND_THE_MOCK =
      Map.ofEntries(
          // JOSDK re-reads the pipeline when a finalizer or status patch meets a conflict.
          Map.entry("streampipe.io/streamingpipelines", Set.of("get")),
          // Setting owner references to a pipeline where OwnerReferencesPermissionEnforcement
          // is on (OpenShift) asks for update on the owner's finalizers.
          Map.entry("streampipe.io/streamingpipelines/finalizers", Set.of("update")),
          // fabric8's LeaseLock never PUTs (it renews and releases with a merge PATCH), but JOSDK's
          // LeaderElectionManager refuses to start unless a SelfSubjectRulesReview shows get,
          // create and update on leases.
          Map.entry(LEASES, Set.of("update")),
          // The pollers read the deployed spec's ConfigMap only while a pipeline's spec is invalid
          // and only when a poll falls in that window (FailurePathIT shows it).
          Map.entry("/configmaps", Set.of("get")));

  /** Calls the API server's default system:basic-user role lets every authenticated user make. */
  static final Set<String> EVERY_USER =
      Set.of(
          "authorization.k8s.io/selfsubjectrulesreviews",
          "authorization.k8s.io/selfsubjectaccessreviews");

  private OperatorRbac() {}

  static Config agent(KubernetesMockServer server, String userAgent) {
    Config config = server.createClient().getConfiguration();
    config.setUserAgent(userAgent);
    return config;
  }

  static void assertMatchesChart(KubernetesMockServer server, String userAgent)
      throws InterruptedException {
    Map<String, Set<String>> used = used(server, userAgent);
    EVERY_USER.forEach(used::remove);
    assertThat(ChartRules.granted("leaderElection"))
        .as("the leaderElection scope (a Role in the operator's namespace) holds the lease only")
        .containsOnlyKeys(LEASES);
    Map<String, Set<String>> granted =
        ChartRules.granted("namespaced", "cluster", "leaderElection");
    used.forEach(
        (resource, verbs) ->
            assertThat(granted.getOrDefault(resource, Set.of()))
                .as("the chart grants every call the operator made on " + resource)
                .containsAll(verbs));
    Map<String, Set<String>> explained = new TreeMap<>();
    used.forEach((resource, verbs) -> explained.put(resource, new TreeSet<>(verbs)));
    APPLIED.forEach(r -> explained.computeIfAbsent(r, k -> new TreeSet<>()).add("patch"));
    BEYOND_THE_MOCK.forEach((r, v) -> explained.computeIfAbsent(r, k -> new TreeSet<>()).addAll(v));
    WITH_INGEST.forEach((r, v) -> explained.computeIfAbsent(r, k -> new TreeSet<>()).addAll(v));
    assertThat(granted)
        .as("the chart grants nothing the operator does not use (used: " + used + ")")
        .isEqualTo(explained);
  }

  /** Every call the operator made is one the chart grants (or every user may make). */
  static void assertGranted(KubernetesMockServer server, String userAgent)
      throws InterruptedException {
    Map<String, Set<String>> granted =
        ChartRules.granted("namespaced", "cluster", "leaderElection");
    Map<String, Set<String>> used = used(server, userAgent);
    EVERY_USER.forEach(used::remove);
    used.forEach(
        (resource, verbs) ->
            assertThat(granted.getOrDefault(resource, Set.of()))
                .as("the chart grants " + resource + " " + verbs)
                .containsAll(verbs));
  }

  /**
   * Answers JOSDK's start-up SelfSubjectRulesReview as an API server would for the chart's
   * leader-election Role, so the operator's own lease check runs against the chart.
   */
  static void reviewsShowTheChartsLeaseRole(KubernetesMockServer server) {
    List<ResourceRule> rules =
        ChartRules.granted("leaderElection").entrySet().stream()
            .map(
                grant ->
                    new ResourceRuleBuilder()
                        .withApiGroups(grant.getKey().substring(0, grant.getKey().indexOf('/')))
                        .withResources(grant.getKey().substring(grant.getKey().indexOf('/') + 1))
                        .withVerbs(List.copyOf(grant.getValue()))
                        .build())
            .toList();
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(
            201,
            new SelfSubjectRulesReviewBuilder()
                .withNewStatus()
                .withIncomplete(false)
                .withResourceRules(rules)
                .endStatus()
                .build())
        .always();
  }

  /** group/resource → verbs of every recorded request the operator's client made. */
  static Map<String, Set<String>> used(KubernetesMockServer server, String userAgent)
      throws InterruptedException {
    Map<String, Set<String>> used = new TreeMap<>();
    RecordedRequest request;
    while ((request = server.takeRequest(50, TimeUnit.MILLISECONDS)) != null) {
      String agent = request.getHeader("User-Agent");
      if (agent != null && agent.contains(userAgent)) {
        ApiCall.of(request.getMethod(), request.getPath())
            .ifPresent(c -> used.computeIfAbsent(c.key(), k -> new TreeSet<>()).add(c.verb()));
      }
    }
    return used;
  }
}
