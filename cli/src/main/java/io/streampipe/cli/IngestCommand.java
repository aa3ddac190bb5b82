package io.streampipe.cli;

import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.ingest.Ingester;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs a pipeline's ingester alone: the API into the input topic, until stopped. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Read the API named in spec.ingest (HTTP polling, Server-Sent Events or WebSocket) and send"
          + " each record to the pipeline's input topic until Ctrl-C, which flushes and saves"
          + " where to resume.",
      "Header values from a Secret come from STREAMPIPE_SECRET_<SECRET>_<KEY> variables."
    })
final class IngestCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec command;

  @Mixin PipelineFile file;

  @Mixin ConnectionOptions connections;

  @Option(
      names = "--metrics-port",
      description =
          "Port of /metrics, /live and /ready (default: spec.monitoring.prometheus.port).")
  Integer metricsPort;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = command.commandLine().getOut();
    ValidPipeline pipeline = Pipelines.validated(file.read(), connections);
    if (pipeline.spec().getIngest() == null) {
      throw new UserException("pipeline " + pipeline.name() + " has no spec.ingest");
    }
    int port =
        metricsPort != null
            ? metricsPort
            : pipeline.spec().getMonitoring().getPrometheus().getPort();
    try (Ingester ingester = IngestRuns.startIfDeclared(pipeline, port, out)) {
      ingester.awaitTermination();
    }
    return 0;
  }
}
