package io.streampipe.job.source;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks on the driver that the Kafka brokers answer, so that while Spark's Kafka source waits for
 * them (silently: a 20 s outage left no line in the log) the job says what it is waiting for, and
 * for how long.
 */
public final class KafkaWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaWatch.class);
  static final Duration INTERVAL = Duration.ofSeconds(10);

  private final Admin admin;
  private final Duration timeout;
  private final KafkaOutage outage;
  private final Consumer<String> warn;
  private final ScheduledExecutorService timer;

  KafkaWatch(String servers, Duration interval, Consumer<String> warn) {
    this.timeout = interval.dividedBy(2);
    int millis = (int) timeout.toMillis();
    this.admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                AdminClientConfig.CLIENT_ID_CONFIG, "streampipe-kafka-watch",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, millis));
    this.outage = new KafkaOutage(servers);
    this.warn = warn;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "streampipe-kafka-watch");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Watches the brokers, warning in the job's log. */
  public static KafkaWatch start(String servers) {
    return new KafkaWatch(servers, INTERVAL, LOG::warn);
  }

  private void check() {
    try {
      admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      outage.reachable(System.currentTimeMillis()).ifPresent(LOG::info);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      warn.accept(outage.unreachable(System.currentTimeMillis(), cause.toString()));
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    admin.close(Duration.ZERO);
  }
}
