package io.streampipe.ingest;

import io.streampipe.api.JobContract;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.api.validation.ValidPipeline;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The ingester in a container: reads the pipeline document the operator mounts from its ConfigMap,
 * Kafka's address from the job's variable, serves metrics and probes on the pipeline's metrics
 * port, and stops gracefully on SIGTERM.
 */
public final class IngestMain {
  private IngestMain() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : JobContract.specPath());
    PipelineDocument read = PipelineDocuments.read(file);
    String servers = System.getenv(JobContract.ENV_BOOTSTRAP_SERVERS);
    if (servers != null
        && !servers.isBlank()
        && read.spec() != null
        && read.spec().getSource() != null) {
      read.spec().getSource().setBootstrapServers(servers);
      read.spec().getSource().setKafkaCluster(null);
    }
    ValidPipeline pipeline;
    try {
      pipeline = ValidPipeline.of(read);
    } catch (ValidPipeline.InvalidPipelineException e) {
      System.err.println(file + " cannot be ingested: " + e.getMessage());
      System.exit(2);
      return;
    }
    var spec = pipeline.spec();
    if (spec.getSource().getBootstrapServers() == null) {
      System.err.println(file + " cannot be ingested: no Kafka bootstrap servers");
      System.exit(2);
    }
    Ingester ingester =
        Ingester.start(
            pipeline,
            spec.getSource().getBootstrapServers(),
            OptionalInt.of(spec.getMonitoring().getPrometheus().getPort()),
            System::getenv);
    Runtime.getRuntime().addShutdownHook(new Thread(ingester::close, "ingest-stop"));
    ingester.awaitTermination();
  }
}
