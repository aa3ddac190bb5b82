package io.streampipe.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.cli.demo.Accounting;
import io.streampipe.cli.demo.DemoSummary;
import io.streampipe.cli.demo.Progress;
import io.streampipe.cli.demo.UserApiServer;
import io.streampipe.cli.produce.EventGenerator;
import io.streampipe.ingest.IngestMetrics;
import io.streampipe.ingest.Ingester;
import io.streampipe.job.PipelineJob;
import io.streampipe.job.RunningPipeline;
import io.streampipe.job.plan.JobSettings;
import io.streampipe.provisioning.CassandraConnection;
import io.streampipe.provisioning.CassandraSessions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo with events starting at an API: a local random-user style service, the ingester polling
 * it into the topic, the job into Cassandra, and every served event accounted for.
 */
final class ApiDemo {
  private static final String POLL_INTERVAL = "100ms";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final long events;
  private final double rate;
  private final EventGenerator generator;

  ApiDemo(ValidPipeline pipeline, long events, double rate, EventGenerator generator) {
    if (pipeline.spec().getIngest() == null || pipeline.spec().getIngest().getHttp() == null) {
      throw new UserException(
          "--source api needs a pipeline with spec.ingest.http, like examples/users-from-api.yaml");
    }
    this.events = events;
    this.rate = rate;
    this.generator = generator;
  }

  int run(ValidPipeline pipeline, PrintWriter out) throws Exception {
    JobSettings settings =
        JobSettings.fromEnvironment(pipeline)
            .withCheckpointLocation(
                Files.createTempDirectory("streampipe-demo-checkpoint").toString())
            .withMetricsPort(0);
    RunningPipeline job = PipelineJob.start(LocalSpark.start(pipeline), pipeline, settings);
    AtomicLong busyMillis = new AtomicLong();
    job.addBatchListener(batch -> busyMillis.addAndGet(batch.durationMillis()));
    long started = System.nanoTime();
    IngestMetrics.Totals ingested;
    try (UserApiServer api = new UserApiServer(generator::next, events)) {
      var ingest = pipeline.spec().getIngest();
      ingest.getHttp().setUrl(api.url());
      ingest.getHttp().setInterval(POLL_INTERVAL);
      ingest.setRateLimit(rate);
      out.printf(
          "job started (trigger %s); serving %,d users at %s, ingested at %,.0f/s%n",
          pipeline.spec().getProcessing().getTrigger(), events, api.url(), rate);
      try (Ingester ingester = IngestRuns.startIfDeclared(pipeline, 0, out);
          Progress progress =
              new Progress(out, events, () -> ingester.metrics().totals().sent(), job::totals)) {
        awaitIngested(api, ingester);
        ingester.close();
        ingested = ingester.metrics().totals();
        DemoCommand.awaitDrained(job, ingested.sent());
      }
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    job.stop();
    DemoSummary summary =
        new DemoSummary(
            pipeline, generator.counts(), job.totals(), elapsed, busyMillis.get() / 1000.0);
    out.println("  ingester: " + IngestRuns.summary(ingested));
    try (CqlSession session =
        CassandraSessions.open(
            Provisioning.cassandra(
                CassandraConnection.of(settings.contactPoints(), settings.localDatacenter())))) {
      return summary.print(
              session,
              settings,
              out,
              (rows, deadLetters) ->
                  Accounting.checks(generator.counts(), ingested, job.totals(), rows, deadLetters))
          ? 0
          : 1;
    }
  }

  /** Until the service has served everything and the ingester has received it all. */
  private void awaitIngested(UserApiServer api, Ingester ingester) throws InterruptedException {
    long last = -1;
    long lastChange = System.nanoTime();
    while (!(api.exhausted() && ingester.metrics().totals().received() >= events)) {
      long received = ingester.metrics().totals().received();
      if (received != last) {
        last = received;
        lastChange = System.nanoTime();
      } else if (System.nanoTime() - lastChange > PATIENCE.toNanos()) {
        throw new UserException("the ingester made no progress for " + PATIENCE.toSeconds() + " s");
      }
      Thread.sleep(100);
    }
  }
}
