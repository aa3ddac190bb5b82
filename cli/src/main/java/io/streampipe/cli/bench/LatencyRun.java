package io.streampipe.cli.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import io.streampipe.api.Durations;
import io.streampipe.api.cql.CqlStatements;
import io.streampipe.api.cql.TableDefinition;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.cli.produce.EventEncoding;
import io.streampipe.cli.produce.EventGenerator;
import io.streampipe.cli.produce.EventKind;
import io.streampipe.cli.produce.EventProducer;
import io.streampipe.cli.produce.GeneratedEvent;
import io.streampipe.job.PipelineJob;
import io.streampipe.job.RunningPipeline;
import io.streampipe.job.plan.JobSettings;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.sql.SparkSession;

/**
 * Produce time → row readable, at a steady rate, with the declared trigger: the producer samples
 * about {@link #SAMPLES_PER_SECOND} valid events a second (after a warm-up) and a poller finds when
 * each becomes readable in Cassandra.
 */
final class LatencyRun {
  static final int SAMPLES_PER_SECOND = 10;

  /** The latencies seen, and how many samples were never seen before the deadline. */
  record Result(List<Long> latenciesMillis, int unseen, Duration trigger, double rate) {}

  private final SparkSession spark;
  private final BenchPipelines pipelines;
  private final CqlSession session;

  LatencyRun(SparkSession spark, BenchPipelines pipelines, CqlSession session) {
    this.spark = spark;
    this.pipelines = pipelines;
    this.session = session;
  }

  Result run(ValidPipeline reference, double rate, Duration warmUp, Duration measured)
      throws InterruptedException {
    String trigger = reference.spec().getProcessing().getTrigger();
    Duration interval = Durations.require(trigger);
    // Three intervals' worth per batch: the bound must never be what holds the job back.
    long bound = Math.max(1000, (long) (rate * interval.toSeconds() * 3));
    ValidPipeline pipeline = pipelines.fresh("latency", trigger, bound);
    JobSettings settings = pipelines.settings(pipeline);
    TableDefinition table = TableDefinition.desired(pipeline.spec());
    VisibilityPoller poller =
        new VisibilityPoller(session, CqlStatements.qualified(table.keyspace(), table.table()));
    try (RunningPipeline job = PipelineJob.start(spark, pipeline, settings)) {
      AtomicBoolean producing = new AtomicBoolean(true);
      Thread producer =
          new Thread(() -> produce(pipeline, settings, rate, warmUp, measured, poller, producing));
      producer.setName("bench-latency-producer");
      producer.start();
      long deadline =
          System.nanoTime() + warmUp.plus(measured).plus(interval.multipliedBy(6)).toNanos();
      List<Long> latencies = poller.run(producing::get, deadline);
      producer.join();
      return new Result(latencies, poller.unseen(), interval, rate);
    }
  }

  private static void produce(
      ValidPipeline pipeline,
      JobSettings settings,
      double rate,
      Duration warmUp,
      Duration measured,
      VisibilityPoller poller,
      AtomicBoolean producing) {
    EventGenerator generator = new EventGenerator(pipeline.spec(), 7, 0.02, 0);
    long total = (long) (rate * warmUp.plus(measured).toSeconds());
    long firstSampled = (long) (rate * warmUp.toSeconds());
    long every = Math.max(1, (long) (rate / SAMPLES_PER_SECOND));
    long[] index = {0};
    try (EventProducer producer =
        new EventProducer(
            settings.bootstrapServers(),
            pipeline.spec().getSource().getTopic().getName(),
            EventEncoding.of(pipeline.spec()))) {
      producer.send(
          generator::next,
          total,
          rate,
          event -> sample(event, index[0]++, firstSampled, every, poller));
    } finally {
      producing.set(false);
    }
  }

  private static void sample(
      GeneratedEvent event, long index, long firstSampled, long every, VisibilityPoller poller) {
    if (index >= firstSampled && index % every == 0 && event.kind() == EventKind.VALID) {
      poller.sampled(UUID.fromString(event.key()), System.nanoTime());
    }
  }
}
