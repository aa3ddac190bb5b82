package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.streampipe.operator.dependent.TopicApiVersion;
import io.streampipe.operator.desired.Names;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Naming, KafkaTopic version negotiation and configuration from the environment. */
class NamesAndVersionsTest {
  @Test
  void kafkaTopicNamesAreDnsSafeAndDistinct() {
    assertThat(Names.kafkaTopic("orders")).isEqualTo("orders");
    assertThat(Names.kafkaTopic("users_created")).startsWith("users-created-");
    assertThat(Names.kafkaTopic("users_created")).isNotEqualTo(Names.kafkaTopic("users-created"));
    assertThat(Names.kafkaTopic("Users.Created")).matches("[a-z0-9.-]+");
  }

  @Test
  void negotiatesV1ElseV1beta2() {
    assertThat(TopicApiVersion.of(crd(Map.of("v1beta2", true, "v1", true)))).isEqualTo("v1");
    assertThat(TopicApiVersion.of(crd(Map.of("v1beta2", true, "v1", false)))).isEqualTo("v1beta2");
  }

  @Test
  void configComesFromTheEnvironment() {
    OperatorConfig config =
        OperatorConfig.fromEnv(
            Map.of(
                "STREAMPIPE_WATCH_NAMESPACES", "a, b",
                "STREAMPIPE_DEFAULT_KAFKA_CLUSTER", "events",
                "STREAMPIPE_DEFAULT_CASSANDRA_CONTACT_POINTS", "c1:9042,c2",
                "STREAMPIPE_RECONCILE_CONCURRENCY", "4",
                "STREAMPIPE_LEADER_ELECTION_ENABLED", "true",
                "POD_NAMESPACE", "ops"));
    assertThat(config.watchNamespaces()).containsExactlyInAnyOrder("a", "b");
    assertThat(config.defaultKafkaCluster()).contains("events");
    assertThat(config.defaultCassandraContactPoints()).containsExactly("c1:9042", "c2");
    assertThat(config.reconcileConcurrency()).isEqualTo(4);
    assertThat(config.leaderElection()).isTrue();
    assertThat(config.leaseNamespace()).contains("ops");
    assertThat(OperatorConfig.defaults().jobImage()).matches("^[^$]+/pipeline-job:[^$]+$");
  }

  private static io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition crd(
      Map<String, Boolean> served) {
    var builder = new CustomResourceDefinitionBuilder().withNewSpec();
    served.forEach((v, s) -> builder.addNewVersion().withName(v).withServed(s).endVersion());
    return builder.endSpec().build();
  }
}
