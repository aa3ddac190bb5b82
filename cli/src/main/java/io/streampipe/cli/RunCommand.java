package io.streampipe.cli;

import io.streampipe.api.PipelineDocument;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.job.PipelineJob;
import io.streampipe.job.RunningPipeline;
import io.streampipe.job.plan.JobSettings;
import io.streampipe.testkit.LocalStack;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Provisions a pipeline and runs its job locally until stopped. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Create the pipeline's topics and table, then run its Spark job (local mode) until Ctrl-C,"
          + " which lets the batch in flight finish. With spec.ingest, the ingester runs beside"
          + " the job.",
      "Credentials: STREAMPIPE_CASSANDRA_USERNAME and STREAMPIPE_CASSANDRA_PASSWORD."
    })
final class RunCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec command;

  @Mixin PipelineFile file;

  @Mixin ConnectionOptions connections;

  @Option(
      names = "--embedded",
      description = "Start a local Kafka and Cassandra first and use them.")
  boolean embedded;

  @Option(
      names = "--checkpoint",
      description =
          "Checkpoint directory (default .streampipe/checkpoints/<pipeline>, or a fresh one with --embedded); keep it to resume where the job stopped.")
  Path checkpoint;

  @Option(
      names = "--metrics-port",
      description = "Port of /metrics (default: spec.monitoring.prometheus.port).")
  Integer metricsPort;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = command.commandLine().getOut();
    PipelineDocument document = file.read();
    try (EmbeddedStack stack = embedded ? startEmbedded(document, out) : null) {
      ValidPipeline pipeline = Pipelines.validated(document, connections);
      Provisioning.provision(pipeline, out);
      JobSettings settings = settings(pipeline);
      RunningPipeline running = PipelineJob.start(LocalSpark.start(pipeline), pipeline, settings);
      io.streampipe.job.GracefulShutdown.install(running, RunningPipeline.DEFAULT_STOP_WAIT);
      out.printf(
          "pipeline %s running; checkpoint %s%s; Ctrl-C stops it%n",
          pipeline.name(),
          settings.checkpointLocation(),
          running.metricsPort().isPresent()
              ? "; metrics on http://localhost:" + running.metricsPort().getAsInt() + "/metrics"
              : "");
      out.flush();
      try (io.streampipe.ingest.Ingester ingester = IngestRuns.startIfDeclared(pipeline, 0, out)) {
        running.awaitTermination();
      }
    }
    return 0;
  }

  private EmbeddedStack startEmbedded(PipelineDocument document, PrintWriter out) {
    boolean avro = EmbeddedStack.readsAvro(document);
    out.println("starting Kafka and Cassandra" + (avro ? " and a schema registry..." : "..."));
    out.flush();
    EmbeddedStack started = EmbeddedStack.start(document);
    LocalStack stack = started.servers();
    connections.bootstrapServers = stack.kafka().bootstrapServers();
    connections.cassandra = stack.cassandra().contactPoint();
    connections.registry = avro ? started.registryUrl() : connections.registry;
    out.println("  Kafka bootstrap servers: " + connections.bootstrapServers);
    out.println(
        "  Cassandra contact point: "
            + connections.cassandra
            + " (datacenter "
            + stack.cassandra().localDatacenter()
            + ")");
    if (avro) {
      out.println("  schema registry: " + connections.registry);
    }
    return started;
  }

  private JobSettings settings(ValidPipeline pipeline) throws IOException {
    JobSettings settings =
        JobSettings.fromEnvironment(pipeline)
            .withCheckpointLocation(checkpointFor(pipeline).toAbsolutePath().toString());
    return metricsPort == null ? settings : settings.withMetricsPort(metricsPort);
  }

  /**
   * Embedded servers start empty, so offsets kept from an earlier run would point past their end:
   * they get a fresh checkpoint unless the user names one.
   */
  private Path checkpointFor(ValidPipeline pipeline) throws IOException {
    if (checkpoint != null) {
      return checkpoint;
    }
    return embedded
        ? Files.createTempDirectory("streampipe-" + pipeline.name() + "-checkpoint")
        : Path.of(".streampipe", "checkpoints", pipeline.name());
  }
}
