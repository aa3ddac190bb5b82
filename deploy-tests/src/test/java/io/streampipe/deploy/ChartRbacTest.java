package io.streampipe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Least privilege: exactly the API calls the operator (and a Spark driver) makes, no wildcard. */
class ChartRbacTest {

  private static final String OPERATOR_ACCOUNT = "streampipe";
  private static final String JOB_ACCOUNT = "streampipe-job";

  /**
   * The operator's API calls by scope, from the chart's rbac/operator-rules.yaml: the one list the
   * templates render and the operator's OperatorRbac (run by ChartRbacIT) checks against the calls
   * it really makes. Here the chart must grant exactly that list, in each way it can be installed.
   */
  private static final Map<String, Map<String, Set<String>>> OPERATOR = OperatorRules.load();

  private static final Map<String, Set<String>> NAMESPACED = OPERATOR.get("namespaced");
  private static final Map<String, Set<String>> CRDS = OPERATOR.get("cluster");
  private static final Map<String, Set<String>> LEASES = OPERATOR.get("leaderElection");

  /** What Spark's driver calls to run and clean up executors. */
  private static final Map<String, Set<String>> SPARK_DRIVER =
      Map.of(
          "/pods",
          Set.of("get", "list", "watch", "create", "patch", "delete", "deletecollection"),
          "/services",
          Set.of("get", "list", "watch", "create", "delete", "deletecollection"),
          "/configmaps",
          Set.of("get", "list", "watch", "create", "delete", "deletecollection"),
          "/persistentvolumeclaims",
          Set.of("get", "list", "watch", "create", "delete", "deletecollection"));

  @Test
  void theOperatorsListIsTheLeastItCouldBe() {
    assertThat(NAMESPACED.get("kafka.strimzi.io/kafkas")).containsExactly("list", "watch");
    // list: the Events of a checkpoint claim that does not bind, read into its condition.
    assertThat(NAMESPACED.get("/events")).containsExactly("create", "list");
    assertThat(NAMESPACED.get("/secrets")).containsExactly("get");
    assertThat(NAMESPACED).doesNotContainKey("events.k8s.io/events");
    // delete: a suspended pipeline's job is stopped by deleting its SparkApplication.
    assertThat(NAMESPACED.get("sparkoperator.k8s.io/sparkapplications"))
        .containsExactlyInAnyOrder("list", "watch", "create", "update", "patch", "delete");
    assertThat(NAMESPACED.get("apps/deployments"))
        .containsExactlyInAnyOrder("list", "watch", "create", "update", "patch", "delete");
    assertThat(CRDS)
        .isEqualTo(Map.of("apiextensions.k8s.io/customresourcedefinitions", Set.of("get")));
  }

  @Test
  void allNamespacesUsesOneClusterRoleWithExactlyTheOperatorsCalls() {
    List<HasMetadata> resources = ChartRenderer.resources("default");

    assertThat(operatorRoles(resources)).isEmpty();
    assertThat(grants(clusterRoles(resources))).isEqualTo(merge(NAMESPACED, CRDS));
    assertBound(resources);
  }

  @Test
  void namespaceListUsesARolePerNamespaceAndOnlyACrdReaderClusterWide() {
    List<HasMetadata> resources = ChartRenderer.resources("namespace-list");
    List<Role> roles = operatorRoles(resources);

    assertThat(grants(clusterRoles(resources))).isEqualTo(new TreeMap<>(CRDS));
    assertThat(roles)
        .map(r -> r.getMetadata().getNamespace())
        .containsExactlyInAnyOrder("team-a", "team-b");
    roles.forEach(r -> assertThat(grants(r.getRules())).isEqualTo(new TreeMap<>(NAMESPACED)));
    assertBound(resources);
  }

  @Test
  void leaderElectionAddsLeasesInTheOperatorsNamespaceOnly() {
    List<HasMetadata> resources = ChartRenderer.resources("ha");
    List<Role> roles = operatorRoles(resources);

    assertThat(roles).hasSize(1);
    assertThat(roles.get(0).getMetadata().getNamespace()).isEqualTo(ChartRenderer.NAMESPACE);
    assertThat(grants(roles.get(0).getRules())).isEqualTo(new TreeMap<>(LEASES));
    assertBound(resources);
  }

  @Test
  void sparkDriversGetTheirOwnAccountWherePipelinesRun() {
    assertThat(jobRoleNamespaces("default")).containsExactly(ChartRenderer.NAMESPACE);
    assertThat(jobRoleNamespaces("namespace-list")).containsExactly("team-a", "team-b");
    for (Role role : jobRoles(ChartRenderer.resources("namespace-list"))) {
      assertThat(grants(role.getRules())).isEqualTo(new TreeMap<>(SPARK_DRIVER));
    }
    assertThat(
            ChartRenderer.ofType(ChartRenderer.resources("namespace-list"), ServiceAccount.class))
        .map(a -> a.getMetadata().getNamespace() + "/" + a.getMetadata().getName())
        .containsExactlyInAnyOrder(
            ChartRenderer.NAMESPACE + "/" + OPERATOR_ACCOUNT,
            "team-a/" + JOB_ACCOUNT,
            "team-b/" + JOB_ACCOUNT);
  }

  @Test
  void noValuesSetGrantsAWildcard() {
    for (var values : ChartRenderer.ciValuesFiles()) {
      List<HasMetadata> resources = StrictManifests.parseAll(ChartRenderer.template(values));
      Stream.concat(
              clusterRoles(resources).stream(),
              ChartRenderer.ofType(resources, Role.class).stream()
                  .flatMap(r -> r.getRules().stream()))
          .forEach(
              rule -> {
                assertThat(rule.getVerbs()).as(values + " verbs").doesNotContain("*");
                assertThat(rule.getResources()).as(values + " resources").doesNotContain("*");
                assertThat(rule.getApiGroups()).as(values + " apiGroups").doesNotContain("*");
                assertThat(rule.getResourceNames()).as(values + " resourceNames").isNullOrEmpty();
                assertThat(rule.getNonResourceURLs())
                    .as(values + " nonResourceURLs")
                    .isNullOrEmpty();
              });
    }
  }

  private static boolean isJobRbac(HasMetadata resource) {
    return "spark-driver"
        .equals(resource.getMetadata().getLabels().get("app.kubernetes.io/component"));
  }

  private static List<Role> operatorRoles(List<HasMetadata> resources) {
    return ChartRenderer.ofType(resources, Role.class).stream().filter(r -> !isJobRbac(r)).toList();
  }

  private static List<Role> jobRoles(List<HasMetadata> resources) {
    return ChartRenderer.ofType(resources, Role.class).stream().filter(r -> isJobRbac(r)).toList();
  }

  private static List<String> jobRoleNamespaces(String values) {
    return jobRoles(ChartRenderer.resources(values)).stream()
        .map(r -> r.getMetadata().getNamespace())
        .sorted()
        .toList();
  }

  private static List<PolicyRule> clusterRoles(List<HasMetadata> resources) {
    return ChartRenderer.ofType(resources, ClusterRole.class).stream()
        .flatMap(r -> r.getRules().stream())
        .toList();
  }

  private static Map<String, Set<String>> grants(List<PolicyRule> rules) {
    Map<String, Set<String>> grants = new TreeMap<>();
    for (PolicyRule rule : rules) {
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          grants
              .computeIfAbsent(group + "/" + resource, k -> new TreeSet<>())
              .addAll(rule.getVerbs());
        }
      }
    }
    return grants;
  }

  @SafeVarargs
  private static Map<String, Set<String>> merge(Map<String, Set<String>>... maps) {
    Map<String, Set<String>> merged = new TreeMap<>();
    for (Map<String, Set<String>> map : maps) {
      merged.putAll(map);
    }
    return merged;
  }

  /**
   * Every role is bound, the operator's only to its ServiceAccount in the release namespace, a
   * driver role only to the driver account of its own namespace.
   */
  private static void assertBound(List<HasMetadata> resources) {
    Set<String> roles = new TreeSet<>();
    ChartRenderer.ofType(resources, ClusterRole.class)
        .forEach(r -> roles.add("ClusterRole/" + r.getMetadata().getName()));
    ChartRenderer.ofType(resources, Role.class)
        .forEach(
            r ->
                roles.add(
                    "Role/" + r.getMetadata().getNamespace() + "/" + r.getMetadata().getName()));
    Set<String> bound = new TreeSet<>();
    for (ClusterRoleBinding b : ChartRenderer.ofType(resources, ClusterRoleBinding.class)) {
      bound.add(b.getRoleRef().getKind() + "/" + b.getRoleRef().getName());
      assertThat(b.getSubjects()).map(ChartRbacTest::subject).containsExactly(operatorSubject());
    }
    for (RoleBinding b : ChartRenderer.ofType(resources, RoleBinding.class)) {
      String namespace = b.getMetadata().getNamespace();
      bound.add(b.getRoleRef().getKind() + "/" + namespace + "/" + b.getRoleRef().getName());
      String expected =
          isJobRbac(b) ? "ServiceAccount/" + namespace + "/" + JOB_ACCOUNT : operatorSubject();
      assertThat(b.getSubjects()).map(ChartRbacTest::subject).containsExactly(expected);
    }
    assertThat(bound).isEqualTo(roles);
  }

  private static String subject(Subject s) {
    return s.getKind() + "/" + s.getNamespace() + "/" + s.getName();
  }

  private static String operatorSubject() {
    return "ServiceAccount/" + ChartRenderer.NAMESPACE + "/" + OPERATOR_ACCOUNT;
  }
}
