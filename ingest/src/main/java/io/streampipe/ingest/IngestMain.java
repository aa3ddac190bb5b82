package io.streampipe.ingest;

import io.streampipe.api.JobContract;
import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.api.validation.PipelineValidator;
import io.streampipe.api.validation.Problem;
import java.nio.file.Path;
import java.util.List;
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
    var spec = PipelineDefaults.apply(read.spec());
    String servers = System.getenv(JobContract.ENV_BOOTSTRAP_SERVERS);
    if (servers != null && !servers.isBlank()) {
      spec.getSource().setBootstrapServers(servers);
      spec.getSource().setKafkaCluster(null);
    }
    List<Problem> problems = PipelineValidator.validate(spec);
    if (!problems.isEmpty() || spec.getSource().getBootstrapServers() == null) {
      System.err.println(file + " cannot be ingested: " + problems);
      System.exit(2);
    }
    PipelineDocument pipeline = new PipelineDocument(read.name(), read.namespace(), spec);
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
