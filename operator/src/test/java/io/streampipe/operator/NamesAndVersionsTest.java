package io.streampipe.operator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.streampipe.operator.dependent.TopicApiVersion;
import io.streampipe.operator.desired.Names;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    assertThat(config.checkpointBindGrace()).isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void theSparkVersionIsTheOneTheJobIsBuiltWith() throws Exception {
    String pom = Files.readString(TestPipelines.projectDir().resolve("pom.xml"), UTF_8);
    Matcher declared = Pattern.compile("<spark.version>([^<]+)</spark.version>").matcher(pom);
    assertThat(declared.find()).isTrue();
    assertThat(OperatorConfig.defaults().sparkVersion()).isEqualTo(declared.group(1));
    assertThat(OperatorConfig.fromEnv(Map.of("STREAMPIPE_SPARK_VERSION", "3.5.1")).sparkVersion())
        .isEqualTo("3.5.1");
  }

  private static io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition crd(
      Map<String, Boolean> served) {
    var builder = new CustomResourceDefinitionBuilder().withNewSpec();
    served.forEach((v, s) -> builder.addNewVersion().withName(v).withServed(s).endVersion());
    return builder.endSpec().build();
  }
}
