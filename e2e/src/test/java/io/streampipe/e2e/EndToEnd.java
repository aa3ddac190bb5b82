package io.streampipe.e2e;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.streampipe.api.JobContract;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.api.v1alpha1.PipelineProgress;
import io.streampipe.api.v1alpha1.StreamingPipelineStatus;
import io.streampipe.operator.MockCluster;
import io.streampipe.operator.OperatorConfig;
import io.streampipe.operator.PipelineEdits;
import io.streampipe.operator.StreamingPipeline;
import io.streampipe.operator.TestPipelines;
import io.streampipe.operator.progress.ProgressSettings;
import io.streampipe.operator.runtime.Backends;
import io.streampipe.testkit.LocalStack;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * The operator on fabric8's mock API server with the production backends (CQL and the Kafka Admin
 * API) against the testkit's real Kafka and Cassandra, the Spark operator played by {@link
 * LocalSparkOperator} running the real job, and the progress endpoint read on the job's loopback
 * metrics port. One per test class; each test makes its own pipeline in its own namespace.
 */
final class EndToEnd implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(90);

  final KubernetesClient client;
  final LocalStack stack = LocalStack.shared();
  final LocalSparkOperator spark;
  final Traffic traffic = new Traffic(stack);
  private final Operator operator;

  EndToEnd(KubernetesMockServer server, KubernetesClient client, String name) throws IOException {
    this(server, client, name, UnaryOperator.identity());
  }

  /**
   * @param progress changes to production's progress settings beyond the loopback endpoint and a 2
   *     s poll, e.g. a shorter stall floor
   */
  EndToEnd(
      KubernetesMockServer server,
      KubernetesClient client,
      String name,
      UnaryOperator<ProgressSettings> progress)
      throws IOException {
    this.client = client;
    new MockCluster(client).loadCrds(MockCluster.SPARK_ONLY);
    Path work = Path.of("target", "e2e", name);
    // A claim's directory outlives its application, not the test run.
    deleteRecursively(work);
    spark = new LocalSparkOperator(client, work, jobClasspath());
    OperatorConfig defaults = OperatorConfig.defaults();
    Backends production = Backends.production();
    operator =
        MockCluster.startOperator(
            server,
            "streampipe-operator",
            defaults.withProgress(
                progress
                    .apply(defaults.progress())
                    // The driver Service's name resolves nowhere here; the job listens on loopback.
                    .withEndpoints(
                        p ->
                            URI.create(
                                "http://127.0.0.1:"
                                    + p.spec().getMonitoring().getPrometheus().getPort()
                                    + JobContract.PROGRESS_PATH))
                    .withPeriod(Duration.ofSeconds(2))),
            production.schemas(),
            production.topics());
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** pipeline-job's classes and runtime jars, as its build wrote them. */
  private static String jobClasspath() throws IOException {
    String jars =
        Files.readString(
                Path.of(System.getProperty("streampipe.job.classpath")), StandardCharsets.UTF_8)
            .strip();
    return System.getProperty("streampipe.job.classes") + File.pathSeparator + jars;
  }

  /**
   * The users example on this stack's servers: its own topic and table, a 1 s trigger and a free
   * metrics port, so the pipelines of one class never meet.
   */
  StreamingPipeline users(String ns, String name) throws IOException {
    return onThisStack(TestPipelines.withServers(ns, name, stack.kafka().bootstrapServers()));
  }

  /** An example pipeline moved onto this stack as {@link #users} moves the users example. */
  StreamingPipeline example(String file, String ns, String name) throws IOException {
    StreamingPipeline p =
        new StreamingPipeline(
            ns,
            name,
            PipelineDocuments.read(TestPipelines.projectDir().resolve("examples").resolve(file))
                .spec());
    p.getSpec().getSource().setBootstrapServers(stack.kafka().bootstrapServers());
    return onThisStack(p);
  }

  private StreamingPipeline onThisStack(StreamingPipeline p) throws IOException {
    String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    p.getSpec().getSource().getTopic().setName("users_" + suffix);
    var cassandra = p.getSpec().getSink().getCassandra();
    cassandra.setContactPoints(List.of(stack.cassandra().contactPoint()));
    cassandra.setLocalDatacenter(stack.cassandra().localDatacenter());
    cassandra.getKeyspace().setName("e2e");
    cassandra.setTable("users_" + suffix);
    p.getSpec().getProcessing().setTrigger("1s");
    p.getSpec().getMonitoring().getPrometheus().setPort(freePort());
    return p;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  StreamingPipeline create(StreamingPipeline pipeline) {
    return client.resource(pipeline).create();
  }

  void edit(StreamingPipeline pipeline, UnaryOperator<StreamingPipeline> change) {
    PipelineEdits.edit(
        client, pipeline.getMetadata().getNamespace(), pipeline.getMetadata().getName(), change);
  }

  StreamingPipeline read(StreamingPipeline pipeline) {
    return client
        .resources(StreamingPipeline.class)
        .inNamespace(pipeline.getMetadata().getNamespace())
        .withName(pipeline.getMetadata().getName())
        .get();
  }

  Optional<PipelineCondition> condition(StreamingPipeline pipeline, String type) {
    StreamingPipelineStatus status = read(pipeline).getStatus();
    return status == null || status.getConditions() == null
        ? Optional.empty()
        : status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  String reason(StreamingPipeline pipeline, String type) {
    return condition(pipeline, type).map(PipelineCondition::getReason).orElse("");
  }

  Optional<PipelineProgress> progress(StreamingPipeline pipeline) {
    return Optional.ofNullable(read(pipeline).getStatus())
        .map(StreamingPipelineStatus::getProgress);
  }

  void awaitReady(StreamingPipeline pipeline) {
    await().atMost(WAIT).until(() -> reason(pipeline, "Ready").equals("Ready"));
  }

  @Override
  public void close() {
    operator.stop();
    spark.close();
    traffic.close();
  }
}
