package io.streampipe.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.v1alpha1.FieldSpec;
import io.streampipe.api.v1alpha1.RegistrySpec;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.provisioning.registry.RegisteredSchema;
import io.streampipe.provisioning.registry.RegistryUnavailableException;
import io.streampipe.provisioning.registry.SchemaRegistryClient;
import io.streampipe.provisioning.registry.SubjectChange.Action;
import io.streampipe.testkit.LocalStack;
import io.streampipe.testkit.SchemaRegistryServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An Avro pipeline provisioned against a real registry, Kafka and Cassandra: its schema registered
 * under BACKWARD, then evolved compatibly, and an incompatible change refused before anything.
 */
class SubjectProvisioningIT {
  private static SchemaRegistryServer registry;
  private static SchemaRegistryClient client;
  private static LocalStack stack;
  private static CqlSession session;

  @BeforeAll
  static void start() {
    registry = new SchemaRegistryServer().start();
    client = new SchemaRegistryClient(registry.url(), null, null, 1, Duration.ZERO);
    stack = LocalStack.shared();
    session =
        CassandraSessions.open(
            CassandraConnection.of(
                List.of(stack.cassandra().contactPoint()), stack.cassandra().localDatacenter()));
  }

  @AfterAll
  static void stop() {
    session.close();
    registry.stop();
  }

  @Test
  void registersOnceEvolvesCompatiblyAndRefusesARequiredFieldBeforeAnything() throws Exception {
    PipelineDocument users = avroUsers("subject-it", registry.url());
    String subject = "subject-it.users-value";

    ProvisioningSummary first = provision(users);
    assertThat(first.isReady()).as(String.join("\n", first.lines())).isTrue();
    assertThat(first.subject().orElseThrow().action()).isEqualTo(Action.REGISTER);
    assertThat(client.latest(subject).map(RegisteredSchema::version)).contains(1);
    assertThat(compatibilityLevel(subject)).contains("BACKWARD");

    ProvisioningSummary again = provision(users);
    assertThat(again.subject().orElseThrow().action()).isEqualTo(Action.UNCHANGED);
    assertThat(again.lines()).isEmpty();

    users.spec().getSchema().getFields().add(new FieldSpec("nickname", "text", false));
    ProvisioningSummary compatible = provision(users);
    assertThat(compatible.isReady()).as(String.join("\n", compatible.lines())).isTrue();
    assertThat(compatible.lines())
        .contains(
            "registry subject " + subject + ": register a new version, compatible with version 1");
    assertThat(client.latest(subject).map(RegisteredSchema::version)).contains(2);

    users.spec().getSchema().getFields().add(new FieldSpec("age", "int", true));
    ProvisioningSummary refused = provision(users);
    assertThat(refused.isReady()).isFalse();
    assertThat(refused.lines())
        .singleElement()
        .asString()
        .startsWith("refused: registry subject " + subject + ": refused against version 2:")
        .contains("field age: a required field without a default cannot be added under BACKWARD");
    assertThat(client.latest(subject).map(RegisteredSchema::version)).contains(2);
    assertThat(columns("subject_it", "created_users")).contains("nickname").doesNotContain("age");
  }

  @Test
  void anUnreachableRegistryIsAnErrorAndNothingIsApplied() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String closed = "http://127.0.0.1:" + port + "/apis/ccompat/v6";
    PipelineDocument users = avroUsers("subject-down", closed);

    assertThatThrownBy(() -> provision(users))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining(closed);
    try (KafkaTopicProvisioner kafka =
        KafkaTopicProvisioner.connect(stack.kafka().bootstrapServers())) {
      assertThat(kafka.describe("subject-down.users")).isEmpty();
    }
    assertThat(columns("subject_down", "created_users")).isEmpty();
  }

  private static PipelineDocument avroUsers(String prefix, String url) {
    PipelineDocument users = Pipelines.users();
    users.spec().getSource().getTopic().setName(prefix + ".users");
    users.spec().getSink().getCassandra().getKeyspace().setName(prefix.replace('-', '_'));
    users.spec().getSource().setFormat("avro");
    RegistrySpec spec = new RegistrySpec();
    spec.setUrl(url);
    users.spec().getSource().setRegistry(spec);
    users.spec().getSchema().setFields(new ArrayList<>(users.spec().getSchema().getFields()));
    return users;
  }

  private static ProvisioningSummary provision(PipelineDocument document) {
    return PipelineProvisioner.provision(
        ValidPipeline.of(document),
        new PipelineConnections(
            stack.kafka().bootstrapServers(),
            CassandraConnection.of(
                List.of(stack.cassandra().contactPoint()), stack.cassandra().localDatacenter())));
  }

  private static List<String> columns(String keyspace, String table) {
    return new CqlSchemaProvisioner(session)
        .observe(keyspace, table)
        .existing()
        .map(t -> List.copyOf(t.columns().keySet()))
        .orElse(List.of());
  }

  private static String compatibilityLevel(String subject) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(registry.url() + "/config/" + subject)).build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .body();
  }
}
