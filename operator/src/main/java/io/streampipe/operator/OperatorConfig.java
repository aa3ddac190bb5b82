package io.streampipe.operator;

import io.streampipe.api.CommaList;
import io.streampipe.operator.progress.ProgressSettings;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The operator's settings, read once from the environment so a Helm chart sets them all.
 *
 * @param watchNamespaces empty means every namespace
 * @param defaultKafkaCluster Strimzi Kafka used when a pipeline names neither cluster nor servers
 * @param defaultBootstrapServers used when a pipeline names neither (and no default cluster)
 * @param cassandraDeleteAttempts how often deletion tries to drop a table before giving up
 * @param checkpointBindGrace how long a checkpoint claim may stay Pending and still count as ready
 *     (a WaitForFirstConsumer claim binds only once the driver is scheduled)
 * @param polling how often the Cassandra table and Admin-API topics are observed
 * @param progress how the jobs' progress endpoints are read
 */
public record OperatorConfig(
    Set<String> watchNamespaces,
    Optional<String> defaultKafkaCluster,
    Optional<String> defaultBootstrapServers,
    List<String> defaultCassandraContactPoints,
    String defaultCassandraDatacenter,
    int reconcileConcurrency,
    String jobImage,
    String jobApplicationFile,
    String jobServiceAccount,
    String sparkVersion,
    boolean leaderElection,
    String leaseName,
    Optional<String> leaseNamespace,
    int managementPort,
    int cassandraDeleteAttempts,
    Duration cassandraRetryInterval,
    Duration checkpointBindGrace,
    PollingPeriods polling,
    ProgressSettings progress) {

  public static final String DEFAULT_JOB_APPLICATION_FILE =
      "local:///opt/streampipe/pipeline-job.jar";

  /** Reads the settings from environment variables; unset ones take their defaults. */
  public static OperatorConfig fromEnv(Map<String, String> env) {
    return new OperatorConfig(
        Set.copyOf(CommaList.split(env.get("STREAMPIPE_WATCH_NAMESPACES"))),
        nonBlank(env.get("STREAMPIPE_DEFAULT_KAFKA_CLUSTER")),
        nonBlank(env.get("STREAMPIPE_DEFAULT_BOOTSTRAP_SERVERS")),
        CommaList.split(env.get("STREAMPIPE_DEFAULT_CASSANDRA_CONTACT_POINTS")),
        nonBlank(env.get("STREAMPIPE_DEFAULT_CASSANDRA_DATACENTER")).orElse("datacenter1"),
        Integer.parseInt(env.getOrDefault("STREAMPIPE_RECONCILE_CONCURRENCY", "10")),
        nonBlank(env.get("STREAMPIPE_JOB_IMAGE")).orElseGet(() -> built("job.image")),
        nonBlank(env.get("STREAMPIPE_JOB_APPLICATION_FILE")).orElse(DEFAULT_JOB_APPLICATION_FILE),
        nonBlank(env.get("STREAMPIPE_JOB_SERVICE_ACCOUNT")).orElse("streampipe-job"),
        nonBlank(env.get("STREAMPIPE_SPARK_VERSION")).orElseGet(() -> built("spark.version")),
        Boolean.parseBoolean(env.getOrDefault("STREAMPIPE_LEADER_ELECTION_ENABLED", "false")),
        nonBlank(env.get("STREAMPIPE_LEADER_ELECTION_LEASE_NAME")).orElse("streampipe-operator"),
        nonBlank(env.get("STREAMPIPE_LEADER_ELECTION_LEASE_NAMESPACE"))
            .or(() -> nonBlank(env.get("POD_NAMESPACE"))),
        Integer.parseInt(env.getOrDefault("STREAMPIPE_MANAGEMENT_PORT", "8080")),
        Integer.parseInt(env.getOrDefault("STREAMPIPE_CASSANDRA_DELETE_ATTEMPTS", "5")),
        Duration.ofSeconds(
            Long.parseLong(env.getOrDefault("STREAMPIPE_CASSANDRA_RETRY_SECONDS", "10"))),
        Duration.ofSeconds(
            Long.parseLong(env.getOrDefault("STREAMPIPE_CHECKPOINT_BIND_GRACE_SECONDS", "180"))),
        new PollingPeriods(
            Duration.ofSeconds(
                Long.parseLong(env.getOrDefault("STREAMPIPE_POLL_NOT_READY_SECONDS", "30"))),
            Duration.ofSeconds(
                Long.parseLong(env.getOrDefault("STREAMPIPE_POLL_READY_SECONDS", "300")))),
        ProgressSettings.fromEnv(env));
  }

  /** Defaults only: what tests and {@code render} use. */
  public static OperatorConfig defaults() {
    return fromEnv(Map.of());
  }

  public OperatorConfig withDefaultKafkaCluster(String cluster) {
    return with(
        Optional.ofNullable(cluster),
        cassandraDeleteAttempts,
        cassandraRetryInterval,
        checkpointBindGrace,
        polling,
        progress);
  }

  public OperatorConfig withCassandraRetries(int attempts, Duration interval) {
    return with(defaultKafkaCluster, attempts, interval, checkpointBindGrace, polling, progress);
  }

  public OperatorConfig withCheckpointBindGrace(Duration grace) {
    return with(
        defaultKafkaCluster,
        cassandraDeleteAttempts,
        cassandraRetryInterval,
        grace,
        polling,
        progress);
  }

  public OperatorConfig withPolling(PollingPeriods periods) {
    return with(
        defaultKafkaCluster,
        cassandraDeleteAttempts,
        cassandraRetryInterval,
        checkpointBindGrace,
        periods,
        progress);
  }

  /** A copy reading progress elsewhere or at another period; tests point it at a local job. */
  public OperatorConfig withProgress(ProgressSettings settings) {
    return with(
        defaultKafkaCluster,
        cassandraDeleteAttempts,
        cassandraRetryInterval,
        checkpointBindGrace,
        polling,
        settings);
  }

  /** A copy with the settings the render command and the tests change; the rest as they are. */
  private OperatorConfig with(
      Optional<String> kafkaCluster,
      int deleteAttempts,
      Duration retryInterval,
      Duration bindGrace,
      PollingPeriods periods,
      ProgressSettings progressSettings) {
    return new OperatorConfig(
        watchNamespaces,
        kafkaCluster,
        defaultBootstrapServers,
        defaultCassandraContactPoints,
        defaultCassandraDatacenter,
        reconcileConcurrency,
        jobImage,
        jobApplicationFile,
        jobServiceAccount,
        sparkVersion,
        leaderElection,
        leaseName,
        leaseNamespace,
        managementPort,
        deleteAttempts,
        retryInterval,
        bindGrace,
        periods,
        progressSettings);
  }

  /**
   * A value this build was released with, filtered from the parent POM: the job image, and the
   * Spark version the job is built against (what its SparkApplication must declare).
   */
  static String built(String key) {
    try (InputStream in =
        OperatorConfig.class.getResourceAsStream("/streampipe-operator.properties")) {
      Properties properties = new Properties();
      properties.load(in);
      return Optional.ofNullable(properties.getProperty(key))
          .orElseThrow(() -> new IllegalStateException(key + " is missing from the build"));
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("streampipe-operator.properties is missing", e);
    }
  }

  private static Optional<String> nonBlank(String value) {
    return Optional.ofNullable(value).map(String::trim).filter(s -> !s.isEmpty());
  }
}
