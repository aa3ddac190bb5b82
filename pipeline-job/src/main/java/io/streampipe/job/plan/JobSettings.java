package io.streampipe.job.plan;

import io.streampipe.api.CommaList;
import io.streampipe.api.JobContract;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.job.write.BatchLimits;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The job's surroundings: the spec's addresses with the {@link JobContract} environment overrides
 * applied, credentials (from the environment only) and tuning. Its toString never shows the
 * password.
 *
 * @param metricsPort port of /metrics; 0 picks a free port, negative disables it
 * @param maxInFlight rows written to Cassandra and not yet answered, per task
 * @param writeBatch how many rows one Cassandra request may carry
 */
public record JobSettings(
    String bootstrapServers,
    List<String> contactPoints,
    String localDatacenter,
    String username,
    String password,
    String checkpointLocation,
    int metricsPort,
    int maxInFlight,
    BatchLimits writeBatch)
    implements Serializable {

  public static final int DEFAULT_MAX_IN_FLIGHT = 256;

  public JobSettings {
    contactPoints = List.copyOf(contactPoints);
  }

  /** Settings from this process's environment. */
  public static JobSettings fromEnvironment(ValidPipeline pipeline) {
    return resolve(pipeline, System.getenv());
  }

  /** Settings from the document and an environment, the environment winning. */
  public static JobSettings resolve(ValidPipeline pipeline, Map<String, String> env) {
    StreamingPipelineSpec spec = pipeline.spec();
    var cassandra = spec.getSink().getCassandra();
    String servers =
        env.getOrDefault(JobContract.ENV_BOOTSTRAP_SERVERS, spec.getSource().getBootstrapServers());
    if (servers == null || servers.isBlank()) {
      throw new IllegalArgumentException(
          "no Kafka bootstrap servers: set " + JobContract.ENV_BOOTSTRAP_SERVERS);
    }
    String points = env.get(JobContract.ENV_CASSANDRA_CONTACT_POINTS);
    List<String> contactPoints =
        points != null && !points.isBlank()
            ? CommaList.split(points)
            : cassandra.getContactPoints();
    if (contactPoints.isEmpty()) {
      throw new IllegalArgumentException(
          "no Cassandra contact points: set " + JobContract.ENV_CASSANDRA_CONTACT_POINTS);
    }
    var prometheus = spec.getMonitoring().getPrometheus();
    return new JobSettings(
        servers.trim(),
        contactPoints,
        cassandra.getLocalDatacenter(),
        env.get(JobContract.ENV_CASSANDRA_USERNAME),
        env.get(JobContract.ENV_CASSANDRA_PASSWORD),
        env.getOrDefault(JobContract.ENV_CHECKPOINT_LOCATION, JobContract.CHECKPOINT_MOUNT_DIR),
        prometheus.isEnabled() ? prometheus.getPort() : -1,
        DEFAULT_MAX_IN_FLIGHT,
        new BatchLimits(
            cassandra.getWriteBatch().getMaxRows(), cassandra.getWriteBatch().getMaxBytes()));
  }

  public JobSettings withCheckpointLocation(String location) {
    return new JobSettings(
        bootstrapServers,
        contactPoints,
        localDatacenter,
        username,
        password,
        location,
        metricsPort,
        maxInFlight,
        writeBatch);
  }

  public JobSettings withMetricsPort(int port) {
    return new JobSettings(
        bootstrapServers,
        contactPoints,
        localDatacenter,
        username,
        password,
        checkpointLocation,
        port,
        maxInFlight,
        writeBatch);
  }

  public JobSettings withMaxInFlight(int rows) {
    return new JobSettings(
        bootstrapServers,
        contactPoints,
        localDatacenter,
        username,
        password,
        checkpointLocation,
        metricsPort,
        rows,
        writeBatch);
  }

  public JobSettings withWriteBatch(BatchLimits limits) {
    return new JobSettings(
        bootstrapServers,
        contactPoints,
        localDatacenter,
        username,
        password,
        checkpointLocation,
        metricsPort,
        maxInFlight,
        limits);
  }

  public boolean metricsEnabled() {
    return metricsPort >= 0;
  }

  @Override
  public String toString() {
    return "JobSettings[bootstrapServers="
        + bootstrapServers
        + ", contactPoints="
        + contactPoints
        + ", localDatacenter="
        + localDatacenter
        + ", username="
        + (username == null ? "none" : "set")
        + ", password="
        + (password == null ? "none" : "****")
        + ", checkpointLocation="
        + checkpointLocation
        + ", metricsPort="
        + metricsPort
        + ", maxInFlight="
        + maxInFlight
        + ", writeBatch="
        + writeBatch
        + "]";
  }
}
