package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import lombok.Getter;
import lombok.Setter;

/**
 * How far a running job has got with its data: the job serves it as JSON at {@code /progress} on
 * its metrics port, and the operator copies it into the pipeline's status.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
public class PipelineProgress {

  @JsonPropertyDescription("The spec generation the running job was started with.")
  private Long generation;

  @JsonPropertyDescription("Records behind the end of the input topic; absent until known.")
  private Long lag;

  @JsonPropertyDescription("Records per second arriving, as Spark measured the last batch.")
  private Double inputRate;

  @JsonPropertyDescription("Records per second processed, as Spark measured the last batch.")
  private Double processingRate;

  @JsonPropertyDescription("The id of the last micro-batch that completed.")
  private Long lastBatchId;

  @JsonPropertyDescription("When the last micro-batch completed, RFC 3339.")
  private String lastBatchTime;

  @JsonPropertyDescription(
      "When the job last found no new record to read (RFC 3339): served by the job so that an"
          + " idle job is not taken for a stalled one; not kept in the status.")
  private String lastIdleTime;

  @JsonPropertyDescription("Records read from the input topic since the job started.")
  private Long read;

  @JsonPropertyDescription("Rows upserted into Cassandra since the job started.")
  private Long written;

  @JsonPropertyDescription("Valid records collapsed into a later one of the same key.")
  private Long deduplicated;

  @JsonPropertyDescription("Records refused and sent to the dead-letter topic since start.")
  private Long deadLettered;

  @JsonPropertyDescription(
      "Refused records by the first rule they broke; rules without any absent.")
  private Map<String, Long> deadLettersByRule = new LinkedHashMap<>();

  @JsonPropertyDescription(
      "Cassandra writes that failed (a timeout, overload, no node) and were tried again since the"
          + " job started; a batch waits while its writes are retried, up to"
          + " sink.cassandra.writeRetryTimeout.")
  private Long writeRetries;

  @JsonPropertyDescription("Milliseconds batches have waited on retried writes since start.")
  private Long writeRetryMillis;

  @JsonPropertyDescription(
      "Rows a write task may keep in flight now: halved when Cassandra times writes out or reports"
          + " overload, grown by one per window of writes answered, up to the job's maximum.")
  private Integer writeConcurrency;

  @JsonPropertyDescription(
      "When the operator last saw these figures change (RFC 3339); kept while they do not.")
  private String observedAt;

  /** A copy without {@link #observedAt}: the figures alone, to tell whether they changed. */
  public PipelineProgress figures() {
    PipelineProgress copy = new PipelineProgress();
    copy.generation = generation;
    copy.lag = lag;
    copy.inputRate = inputRate;
    copy.processingRate = processingRate;
    copy.lastBatchId = lastBatchId;
    copy.lastBatchTime = lastBatchTime;
    copy.lastIdleTime = lastIdleTime;
    copy.read = read;
    copy.written = written;
    copy.deduplicated = deduplicated;
    copy.deadLettered = deadLettered;
    copy.deadLettersByRule =
        deadLettersByRule == null ? null : new LinkedHashMap<>(deadLettersByRule);
    copy.writeRetries = writeRetries;
    copy.writeRetryMillis = writeRetryMillis;
    copy.writeConcurrency = writeConcurrency;
    return copy;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PipelineProgress p
        && Objects.equals(generation, p.generation)
        && Objects.equals(lag, p.lag)
        && Objects.equals(inputRate, p.inputRate)
        && Objects.equals(processingRate, p.processingRate)
        && Objects.equals(lastBatchId, p.lastBatchId)
        && Objects.equals(lastBatchTime, p.lastBatchTime)
        && Objects.equals(lastIdleTime, p.lastIdleTime)
        && Objects.equals(read, p.read)
        && Objects.equals(written, p.written)
        && Objects.equals(deduplicated, p.deduplicated)
        && Objects.equals(deadLettered, p.deadLettered)
        && Objects.equals(deadLettersByRule, p.deadLettersByRule)
        && Objects.equals(writeRetries, p.writeRetries)
        && Objects.equals(writeRetryMillis, p.writeRetryMillis)
        && Objects.equals(writeConcurrency, p.writeConcurrency)
        && Objects.equals(observedAt, p.observedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(generation, lag, lastBatchId, read, written, deadLettered, observedAt);
  }
}
