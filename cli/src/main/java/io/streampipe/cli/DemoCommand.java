package io.streampipe.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.cli.demo.DemoSummary;
import io.streampipe.cli.demo.Progress;
import io.streampipe.cli.produce.EventEncoding;
import io.streampipe.cli.produce.EventGenerator;
import io.streampipe.cli.produce.EventProducer;
import io.streampipe.job.PipelineJob;
import io.streampipe.job.RunningPipeline;
import io.streampipe.job.plan.JobSettings;
import io.streampipe.provisioning.CassandraConnection;
import io.streampipe.provisioning.CassandraSessions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The embedded default: the whole pipeline on a local Kafka, Cassandra and Spark, fully accounted
 * for.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Start a local Kafka and Cassandra, create the topic and table of the example pipeline, run the"
          + " Spark job, produce user sign-up events (some invalid or repeated on purpose) and check"
          + " that every event is accounted for. Exit 0 only if it is."
    })
final class DemoCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec command;

  @Option(
      names = {"-f", "--file"},
      description =
          "Pipeline (default examples/users-pipeline.yaml; examples/users-from-api.yaml with"
              + " --source api).")
  Path file;

  @Option(
      names = "--source",
      defaultValue = "kafka",
      description =
          "kafka: produce events straight to the topic; api: serve them from a local random-user"
              + " style API that the ingester polls (default ${DEFAULT-VALUE}).")
  String source;

  @Option(
      names = "--events",
      defaultValue = "5000",
      description = "Events to produce (default ${DEFAULT-VALUE}).")
  long events;

  @Option(
      names = "--rate",
      defaultValue = "1000",
      description = "Events per second (default ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--invalid-ratio",
      defaultValue = "0.03",
      description = "Share of bad events (default ${DEFAULT-VALUE}).")
  double invalidRatio;

  @Option(
      names = "--duplicate-ratio",
      defaultValue = "0.02",
      description = "Share of repeated events (default ${DEFAULT-VALUE}).")
  double duplicateRatio;

  @Option(
      names = "--trigger",
      defaultValue = "1s",
      description =
          "Micro-batch interval for the demo (default ${DEFAULT-VALUE}); the file's own value with --as-declared.")
  String trigger;

  @Option(
      names = "--as-declared",
      description = "Run with the file's trigger and maxOffsetsPerTrigger.")
  boolean asDeclared;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed of the events.")
  long seed;

  @Option(
      names = "--format",
      description =
          "json or avro: the source format to run the demo in (default: the file's); avro starts a"
              + " local schema registry too.")
  String format;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = command.commandLine().getOut();
    boolean fromApi = "api".equals(source);
    if (!fromApi && !"kafka".equals(source)) {
      throw new UserException("--source must be kafka or api, not " + source);
    }
    if (file == null) {
      file = Path.of(fromApi ? "examples/users-from-api.yaml" : "examples/users-pipeline.yaml");
    }
    PipelineDocument document = SourceFormats.apply(PipelineDocuments.read(file), format);
    if (fromApi && EmbeddedStack.readsAvro(document)) {
      throw new UserException("--source api sends the API's JSON to the topic: use --format json");
    }
    out.printf(
        "starting Kafka and Cassandra%s (real servers, in their own JVMs)...%n",
        EmbeddedStack.readsAvro(document) ? " and a schema registry" : "");
    out.flush();
    long started = System.nanoTime();
    try (EmbeddedStack stack = EmbeddedStack.start(document)) {
      out.printf("  %s, ready in %.1f s%n", stack.describe(), seconds(started));
      ValidPipeline pipeline = Pipelines.validated(tunedForDemo(document), stack.connections());
      out.println("provisioning " + pipeline.name() + " from " + file + ":");
      Provisioning.provision(pipeline, out);
      if (fromApi) {
        EventGenerator generator =
            new EventGenerator(pipeline.spec(), seed, invalidRatio, duplicateRatio);
        return new ApiDemo(pipeline, events, rate, generator).run(pipeline, out);
      }
      return run(pipeline, out);
    }
  }

  private int run(ValidPipeline pipeline, PrintWriter out) throws Exception {
    Path checkpoint = Files.createTempDirectory("streampipe-demo-checkpoint");
    JobSettings settings =
        JobSettings.fromEnvironment(pipeline)
            .withCheckpointLocation(checkpoint.toString())
            .withMetricsPort(0);
    RunningPipeline job = PipelineJob.start(LocalSpark.start(pipeline), pipeline, settings);
    out.printf(
        "job started (trigger %s, metrics on http://localhost:%d/metrics); producing %,d events at %,.0f/s%n",
        pipeline.spec().getProcessing().getTrigger(), job.metricsPort().orElse(-1), events, rate);
    EventGenerator generator =
        new EventGenerator(pipeline.spec(), seed, invalidRatio, duplicateRatio);
    AtomicLong busyMillis = new AtomicLong();
    job.addBatchListener(batch -> busyMillis.addAndGet(batch.durationMillis()));
    long started = System.nanoTime();
    try (EventProducer producer =
            new EventProducer(
                settings.bootstrapServers(),
                pipeline.spec().getSource().getTopic().getName(),
                EventEncoding.of(pipeline.spec()));
        Progress progress = new Progress(out, events, producer::acknowledged, job::totals)) {
      producer.send(generator::next, events, rate, e -> {});
      awaitDrained(job, events);
    }
    double elapsed = seconds(started);
    job.stop();
    DemoSummary summary =
        new DemoSummary(
            pipeline, generator.counts(), job.totals(), elapsed, busyMillis.get() / 1000.0);
    try (CqlSession session =
        CassandraSessions.open(
            Provisioning.cassandra(
                CassandraConnection.of(settings.contactPoints(), settings.localDatacenter())))) {
      return summary.print(session, settings, out) ? 0 : 1;
    }
  }

  /**
   * Waits until the job has read every produced event, or until it clearly stopped making progress.
   */
  static void awaitDrained(RunningPipeline job, long produced) throws InterruptedException {
    long lastRead = -1;
    long lastChange = System.nanoTime();
    Duration patience = Duration.ofSeconds(60);
    while (job.totals().read() < produced && System.nanoTime() - lastChange < patience.toNanos()) {
      if (!job.isActive()) {
        throw new UserException("the job stopped before reading every event");
      }
      if (job.totals().read() != lastRead) {
        lastRead = job.totals().read();
        lastChange = System.nanoTime();
      }
      Thread.sleep(200);
    }
  }

  /** The file's 10 s trigger and 1,000 records per batch suit production, not a one-minute demo. */
  private PipelineDocument tunedForDemo(PipelineDocument document) {
    if (asDeclared) {
      return document;
    }
    var spec = document.spec();
    if (spec.getProcessing() == null) {
      spec.setProcessing(new io.streampipe.api.v1alpha1.ProcessingSpec());
    }
    spec.getProcessing().setTrigger(trigger);
    Long declared = spec.getSource().getMaxOffsetsPerTrigger();
    long perBatch = declared == null ? PipelineDefaults.MAX_OFFSETS_PER_TRIGGER : declared;
    spec.getSource().setMaxOffsetsPerTrigger(Math.max(perBatch, (long) (rate * 10)));
    return document;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
