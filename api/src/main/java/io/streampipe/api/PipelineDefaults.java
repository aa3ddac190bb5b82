package io.streampipe.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streampipe.api.v1alpha1.BudgetAction;
import io.streampipe.api.v1alpha1.BudgetSpec;
import io.streampipe.api.v1alpha1.CassandraSinkSpec;
import io.streampipe.api.v1alpha1.CheckpointSpec;
import io.streampipe.api.v1alpha1.DeadLetterSpec;
import io.streampipe.api.v1alpha1.DeletionPolicy;
import io.streampipe.api.v1alpha1.KeyspaceSpec;
import io.streampipe.api.v1alpha1.MonitoringSpec;
import io.streampipe.api.v1alpha1.ProcessingSpec;
import io.streampipe.api.v1alpha1.PrometheusSpec;
import io.streampipe.api.v1alpha1.QualitySpec;
import io.streampipe.api.v1alpha1.ReplicationSpec;
import io.streampipe.api.v1alpha1.SourceSpec;
import io.streampipe.api.v1alpha1.SparkResources;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.api.v1alpha1.TopicSpec;
import io.streampipe.api.v1alpha1.WriteBatchSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The one place where defaults are applied; everything downstream reads a defaulted spec. */
public final class PipelineDefaults {
  public static final String STARTING_OFFSETS = "earliest";
  public static final long MAX_OFFSETS_PER_TRIGGER = 100_000;
  public static final int PARTITIONS = 3;
  public static final int REPLICAS = 1;
  public static final String RETENTION = "7d";
  public static final String DEAD_LETTER_SUFFIX = ".dlq";
  public static final String LOCAL_DATACENTER = "datacenter1";
  public static final int REPLICATION_FACTOR = 1;
  public static final String TRIGGER = "10s";
  public static final String CHECKPOINT_SIZE = "1Gi";
  public static final int METRICS_PORT = 9464;
  public static final String SPARK_MEMORY = "1g";
  public static final int WRITE_BATCH_ROWS = 10;
  public static final int WRITE_BATCH_BYTES = 4608;
  public static final String WRITE_RETRY_TIMEOUT = "2m";
  public static final String BUDGET_WINDOW = "10m";
  public static final String FORMAT_JSON = "json";
  public static final String FORMAT_AVRO = "avro";
  public static final String SUBJECT_SUFFIX = "-value";

  private static final ObjectMapper COPIER = new ObjectMapper();

  private PipelineDefaults() {}

  /** A copy of the spec with every default filled in; the argument is left untouched. */
  public static StreamingPipelineSpec apply(StreamingPipelineSpec original) {
    StreamingPipelineSpec spec = COPIER.convertValue(original, StreamingPipelineSpec.class);
    SourceSpec source = orNew(spec.getSource(), SourceSpec::new, spec::setSource);
    source.setStartingOffsets(or(source.getStartingOffsets(), STARTING_OFFSETS));
    source.setMaxOffsetsPerTrigger(or(source.getMaxOffsetsPerTrigger(), MAX_OFFSETS_PER_TRIGGER));
    TopicSpec input = orNew(source.getTopic(), TopicSpec::new, source::setTopic);
    topicDefaults(input, null);
    source.setFormat(or(source.getFormat(), FORMAT_JSON));
    if (source.getRegistry() != null
        && source.getRegistry().getSubject() == null
        && input.getName() != null) {
      source.getRegistry().setSubject(input.getName() + SUBJECT_SUFFIX);
    }
    qualityDefaults(spec, input);
    sinkDefaults(orNew(spec.getSink(), io.streampipe.api.v1alpha1.SinkSpec::new, spec::setSink));
    processingDefaults(orNew(spec.getProcessing(), ProcessingSpec::new, spec::setProcessing));
    MonitoringSpec monitoring =
        orNew(spec.getMonitoring(), MonitoringSpec::new, spec::setMonitoring);
    PrometheusSpec prometheus =
        orNew(monitoring.getPrometheus(), PrometheusSpec::new, monitoring::setPrometheus);
    prometheus.setEnabled(prometheus.isEnabled());
    prometheus.setPort(or(prometheus.getPort(), METRICS_PORT));
    spec.setDeletionPolicy(or(spec.getDeletionPolicy(), DeletionPolicy.Retain));
    spec.setSuspend(or(spec.getSuspend(), false));
    IngestDefaults.apply(spec.getIngest());
    return spec;
  }

  private static void topicDefaults(TopicSpec topic, TopicSpec inheritFrom) {
    topic.setPartitions(
        or(topic.getPartitions(), inheritFrom == null ? PARTITIONS : inheritFrom.getPartitions()));
    topic.setReplicas(
        or(topic.getReplicas(), inheritFrom == null ? REPLICAS : inheritFrom.getReplicas()));
    topic.setRetention(
        or(topic.getRetention(), inheritFrom == null ? RETENTION : inheritFrom.getRetention()));
    topic.setConfig(or(topic.getConfig(), new HashMap<>()));
  }

  private static void qualityDefaults(StreamingPipelineSpec spec, TopicSpec input) {
    QualitySpec quality = orNew(spec.getQuality(), QualitySpec::new, spec::setQuality);
    DeadLetterSpec deadLetter =
        orNew(quality.getDeadLetter(), DeadLetterSpec::new, quality::setDeadLetter);
    deadLetter.setEnabled(deadLetter.isEnabled());
    if (deadLetter.isEnabled()) {
      TopicSpec dlq = orNew(deadLetter.getTopic(), TopicSpec::new, deadLetter::setTopic);
      if (dlq.getName() == null && input.getName() != null) {
        dlq.setName(input.getName() + DEAD_LETTER_SUFFIX);
      }
      topicDefaults(dlq, input);
    }
    if (quality.getDedupKeys() == null || quality.getDedupKeys().isEmpty()) {
      List<String> keys =
          spec.getSchema() == null || spec.getSchema().getPrimaryKey() == null
              ? new ArrayList<>()
              : spec.getSchema().getPrimaryKey().columns();
      quality.setDedupKeys(keys);
    }
    BudgetSpec budget = quality.getBudget();
    if (budget != null) {
      budget.setWindow(or(budget.getWindow(), BUDGET_WINDOW));
      budget.setOnExceeded(or(budget.getOnExceeded(), BudgetAction.Warn));
    }
  }

  private static void sinkDefaults(io.streampipe.api.v1alpha1.SinkSpec sink) {
    CassandraSinkSpec cassandra =
        orNew(sink.getCassandra(), CassandraSinkSpec::new, sink::setCassandra);
    cassandra.setLocalDatacenter(or(cassandra.getLocalDatacenter(), LOCAL_DATACENTER));
    cassandra.setContactPoints(or(cassandra.getContactPoints(), new ArrayList<>()));
    cassandra.setTtl(or(cassandra.getTtl(), "0"));
    cassandra.setWriteRetryTimeout(or(cassandra.getWriteRetryTimeout(), WRITE_RETRY_TIMEOUT));
    WriteBatchSpec batch =
        orNew(cassandra.getWriteBatch(), WriteBatchSpec::new, cassandra::setWriteBatch);
    batch.setMaxRows(or(batch.getMaxRows(), WRITE_BATCH_ROWS));
    batch.setMaxBytes(or(batch.getMaxBytes(), WRITE_BATCH_BYTES));
    KeyspaceSpec keyspace =
        orNew(cassandra.getKeyspace(), KeyspaceSpec::new, cassandra::setKeyspace);
    ReplicationSpec replication =
        orNew(keyspace.getReplication(), ReplicationSpec::new, keyspace::setReplication);
    replication.setStrategy(or(replication.getStrategy(), ReplicationSpec.SIMPLE));
    if (ReplicationSpec.SIMPLE.equals(replication.getStrategy())) {
      replication.setReplicationFactor(or(replication.getReplicationFactor(), REPLICATION_FACTOR));
    } else {
      replication.setDatacenters(or(replication.getDatacenters(), Map.of()));
    }
  }

  private static void processingDefaults(ProcessingSpec processing) {
    processing.setTrigger(or(processing.getTrigger(), TRIGGER));
    SparkResources driver =
        orNew(processing.getDriver(), SparkResources::new, processing::setDriver);
    driver.setCores(or(driver.getCores(), 1));
    driver.setMemory(or(driver.getMemory(), SPARK_MEMORY));
    SparkResources executor =
        orNew(processing.getExecutor(), SparkResources::new, processing::setExecutor);
    executor.setInstances(or(executor.getInstances(), 1));
    executor.setCores(or(executor.getCores(), 1));
    executor.setMemory(or(executor.getMemory(), SPARK_MEMORY));
    CheckpointSpec checkpoint =
        orNew(processing.getCheckpoint(), CheckpointSpec::new, processing::setCheckpoint);
    checkpoint.setSize(or(checkpoint.getSize(), CHECKPOINT_SIZE));
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }

  private static <T> T orNew(T value, Supplier<T> create, Consumer<T> set) {
    if (value != null) {
      return value;
    }
    T created = create.get();
    set.accept(created);
    return created;
  }
}
