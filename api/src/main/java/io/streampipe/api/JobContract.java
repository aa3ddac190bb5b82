package io.streampipe.api;

/**
 * What the operator (or the CLI) and the pipeline-job agree on to run a pipeline: the job reads a
 * StreamingPipeline document from a file and its runtime surroundings from these variables.
 */
public final class JobContract {
  /** Main class of the pipeline-job. */
  public static final String MAIN_CLASS = "io.streampipe.job.PipelineJobMain";

  /** Where the operator mounts the ConfigMap holding the pipeline document. */
  public static final String SPEC_MOUNT_DIR = "/etc/streampipe";

  public static final String SPEC_FILE_NAME = "pipeline.yaml";

  /** Where the operator mounts the checkpoint volume. */
  public static final String CHECKPOINT_MOUNT_DIR = "/var/lib/streampipe/checkpoint";

  /** Overrides source.bootstrapServers, e.g. with the address resolved from a Strimzi Kafka. */
  public static final String ENV_BOOTSTRAP_SERVERS = "STREAMPIPE_KAFKA_BOOTSTRAP_SERVERS";

  /** Overrides sink.cassandra.contactPoints (comma-separated host:port). */
  public static final String ENV_CASSANDRA_CONTACT_POINTS = "STREAMPIPE_CASSANDRA_CONTACT_POINTS";

  /** Cassandra credentials, injected from the Secret named in the spec; never in the document. */
  public static final String ENV_CASSANDRA_USERNAME = "STREAMPIPE_CASSANDRA_USERNAME";

  public static final String ENV_CASSANDRA_PASSWORD = "STREAMPIPE_CASSANDRA_PASSWORD";

  /** Overrides source.registry.url, the registry's Confluent-compatible API. */
  public static final String ENV_REGISTRY_URL = "STREAMPIPE_REGISTRY_URL";

  /**
   * Schema registry credentials (HTTP basic authentication), injected from the Secret named by
   * source.registry.credentialsSecret under the same keys; never in the document.
   */
  public static final String ENV_REGISTRY_USERNAME = "STREAMPIPE_REGISTRY_USERNAME";

  public static final String ENV_REGISTRY_PASSWORD = "STREAMPIPE_REGISTRY_PASSWORD";

  /** Overrides the checkpoint location (a directory or a Hadoop-compatible URI). */
  public static final String ENV_CHECKPOINT_LOCATION = "STREAMPIPE_CHECKPOINT_LOCATION";

  /** The keys of the credentials Secret. */
  public static final String SECRET_USERNAME_KEY = "username";

  public static final String SECRET_PASSWORD_KEY = "password";

  /** Port name of the job's metrics endpoint on the driver pod. */
  public static final String METRICS_PORT_NAME = "metrics";

  public static final String METRICS_PATH = "/metrics";

  /** The job's progress as JSON (a PipelineProgress), served beside /metrics on the same port. */
  public static final String PROGRESS_PATH = "/progress";

  /** The spec generation the operator started the job for; the job reports it in its progress. */
  public static final String ENV_SPEC_GENERATION = "STREAMPIPE_SPEC_GENERATION";

  private JobContract() {}

  /**
   * Where the job keeps its checkpoint: the volume's root, or a directory of its own per reset
   * token, so a reset starts from nothing while the old checkpoint stays on the volume.
   */
  public static String checkpointLocation(String resetToken) {
    return resetToken == null
        ? CHECKPOINT_MOUNT_DIR
        : CHECKPOINT_MOUNT_DIR + "/reset-" + resetToken;
  }

  public static String specPath() {
    return SPEC_MOUNT_DIR + "/" + SPEC_FILE_NAME;
  }
}
