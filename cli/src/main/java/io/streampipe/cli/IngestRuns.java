package io.streampipe.cli;

import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.ingest.IngestMetrics;
import io.streampipe.ingest.Ingester;
import io.streampipe.ingest.SourceUrl;
import io.streampipe.provisioning.KafkaTopicProvisioner;
import java.io.PrintWriter;
import java.net.URI;
import java.util.OptionalInt;

/** Starts the ingester of a pipeline from the command line: its topics first, then the source. */
public final class IngestRuns {
  private IngestRuns() {}

  /**
   * The ingester of a validated pipeline with {@code spec.ingest}, or null when it has none.
   *
   * @param metricsPort 0 for any free port
   */
  public static Ingester startIfDeclared(ValidPipeline pipeline, int metricsPort, PrintWriter out) {
    StreamingPipelineSpec spec = pipeline.spec();
    if (spec.getIngest() == null) {
      return null;
    }
    String bootstrap = ConnectionOptions.bootstrapOf(spec);
    Endpoints.requireReachable("Kafka", bootstrap, 9092);
    try (KafkaTopicProvisioner topics = KafkaTopicProvisioner.connect(bootstrap)) {
      topics.ensure(spec.getSource().getTopic());
      if (spec.getQuality().getDeadLetter().isEnabled()) {
        topics.ensure(spec.getQuality().getDeadLetter().getTopic());
      }
    }
    Ingester ingester =
        Ingester.start(pipeline, bootstrap, OptionalInt.of(metricsPort), System::getenv);
    // Ctrl-C ends the JVM before main gets back: flushing and saving the cursor must be a hook.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  ingester.close();
                  out.println(summary(ingester.metrics().totals()));
                  out.flush();
                },
                "ingest-stop"));
    out.printf(
        "ingesting %s into %s; metrics on http://localhost:%d/metrics%n",
        source(spec), spec.getSource().getTopic().getName(), ingester.metricsPort().getAsInt());
    out.flush();
    return ingester;
  }

  /** One line: what came in and where it went. */
  public static String summary(IngestMetrics.Totals totals) {
    return String.format(
        "ingested %d records: %d sent to the topic, %d dead-lettered at the edge, %d failed",
        totals.received(), totals.sent(), totals.deadLettered(), totals.failed());
  }

  private static String source(StreamingPipelineSpec spec) {
    var ingest = spec.getIngest();
    if (ingest.getHttp() != null) {
      return redacted(ingest.getHttp().getUrl()) + " every " + ingest.getHttp().getInterval();
    }
    return redacted(
        ingest.getSse() != null ? ingest.getSse().getUrl() : ingest.getWebsocket().getUrl());
  }

  private static String redacted(String url) {
    return SourceUrl.redacted(URI.create(url));
  }
}
