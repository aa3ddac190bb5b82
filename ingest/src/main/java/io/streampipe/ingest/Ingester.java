package io.streampipe.ingest;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.streampipe.api.deadletter.DeadLetterTopicLimit;
import io.streampipe.api.v1alpha1.IngestSpec;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.api.validation.ValidPipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running ingester: one source thread sending to the input topic, metrics and probes on one port.
 * {@link #close} stops the source, flushes the producer and saves where to resume.
 */
public final class Ingester implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Ingester.class);
  static final Duration SAVE_PERIOD = Duration.ofSeconds(1);
  private static final Duration STOP_WAIT = Duration.ofSeconds(30);

  private final KafkaProducer<byte[], byte[]> producer;
  private final IngestMetrics metrics;
  private final StateKeeper state;
  private final StopSignal stop = new StopSignal();
  private final Thread thread;
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
  private final HTTPServer server;
  private boolean closed;
  private volatile Throwable failure;

  private Ingester(
      ValidPipeline pipeline,
      String bootstrapServers,
      OptionalInt metricsPort,
      Function<String, String> env) {
    StreamingPipelineSpec spec = pipeline.spec();
    IngestSpec ingest = spec.getIngest();
    String topic = spec.getSource().getTopic().getName();
    Source source = Sources.of(ingest, env);
    metrics = new IngestMetrics(pipeline.name());
    producer = Producers.create(bootstrapServers);
    boolean deadLetters = spec.getQuality().getDeadLetter().isEnabled();
    TopicWriter writer =
        new TopicWriter(
            producer,
            topic,
            deadLetters
                ? new EdgeDeadLetter(
                    pipeline.name(),
                    spec.getQuality().getDeadLetter().getTopic().getName(),
                    DeadLetterTopicLimit.valueLimit(
                        DeadLetterTopicLimit.maxMessageBytes(spec), null))
                : null,
            ingest.getRateLimit() == null
                ? TokenBucket.unlimited()
                : new TokenBucket(ingest.getRateLimit()),
            metrics,
            Clock.systemUTC());
    KafkaStateStore store = new KafkaStateStore(bootstrapServers, topic, pipeline.name(), producer);
    store.ensureTopic(spec.getSource().getTopic().getReplicas());
    state = new StateKeeper(store, writer, SAVE_PERIOD);
    SourceContext context =
        new SourceContext(
            new RecordSplitter(
                ingest.getRecordsPath(),
                ingest.getKeyField(),
                ingest.getMaxRecordBytes(),
                nextPath(ingest)),
            writer,
            metrics,
            state,
            ingest.getRetry(),
            stop,
            Clock.systemUTC());
    server = metricsPort.isPresent() ? serve(metricsPort.getAsInt()) : null;
    thread = new Thread(() -> run(source, context), "ingest-" + pipeline.name());
    sampler.scheduleAtFixedRate(metrics::sampleRate, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
    thread.start();
  }

  /**
   * Starts ingesting a valid pipeline that has {@code spec.ingest}.
   *
   * @param metricsPort empty for no endpoint; 0 for any free port
   * @param env where Secret-backed header values are read ({@link HeaderValues#variable})
   */
  public static Ingester start(
      ValidPipeline pipeline,
      String bootstrapServers,
      OptionalInt metricsPort,
      Function<String, String> env) {
    if (pipeline.spec().getIngest() == null) {
      throw new IllegalArgumentException("pipeline " + pipeline.name() + " has no spec.ingest");
    }
    return new Ingester(pipeline, bootstrapServers, metricsPort, env);
  }

  public IngestMetrics metrics() {
    return metrics;
  }

  public OptionalInt metricsPort() {
    return server == null ? OptionalInt.empty() : OptionalInt.of(server.getPort());
  }

  /** Ready once the source has reached its API, and while it runs. */
  public boolean isReady() {
    return thread.isAlive() && !stop.isStopped() && metrics.hasSucceeded();
  }

  /** Waits until the source ends: stopped, or failed (then rethrown). */
  public void awaitTermination() throws InterruptedException {
    thread.join();
    if (failure != null) {
      throw new IllegalStateException("the ingester failed", failure);
    }
  }

  /** Stops, flushes and saves; safe to call more than once (a shutdown hook and a finally). */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stop.stop();
    try {
      thread.join(STOP_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sampler.shutdownNow();
    try {
      state.saveNow();
    } catch (RuntimeException e) {
      LOG.warn("could not save where to resume: {}", e.toString());
    }
    producer.close(STOP_WAIT);
    if (server != null) {
      server.close();
    }
  }

  private void run(Source source, SourceContext context) {
    try {
      source.run(context);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = e;
      LOG.error("the ingester stopped on an error", e);
    }
  }

  private static String nextPath(IngestSpec ingest) {
    var http = ingest.getHttp();
    return http == null || http.getCursor() == null ? null : http.getCursor().getNextPath();
  }

  private HTTPServer serve(int port) {
    try {
      return HTTPServer.builder()
          .port(port)
          .registry(metrics.registry())
          .defaultHandler(new ProbeHandler(this::isReady))
          .buildAndStart();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve metrics on port " + port, e);
    }
  }
}
