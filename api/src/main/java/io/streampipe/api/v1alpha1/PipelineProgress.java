package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How far a running job has got with its data: the job serves it as JSON at {@code /progress} on
 * its metrics port, and the operator copies it into the pipeline's status.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
      "When the operator last saw these figures change (RFC 3339); kept while they do not.")
  private String observedAt;

  public Long getGeneration() {
    return generation;
  }

  public void setGeneration(Long generation) {
    this.generation = generation;
  }

  public Long getLag() {
    return lag;
  }

  public void setLag(Long lag) {
    this.lag = lag;
  }

  public Double getInputRate() {
    return inputRate;
  }

  public void setInputRate(Double inputRate) {
    this.inputRate = inputRate;
  }

  public Double getProcessingRate() {
    return processingRate;
  }

  public void setProcessingRate(Double processingRate) {
    this.processingRate = processingRate;
  }

  public Long getLastBatchId() {
    return lastBatchId;
  }

  public void setLastBatchId(Long lastBatchId) {
    this.lastBatchId = lastBatchId;
  }

  public String getLastBatchTime() {
    return lastBatchTime;
  }

  public void setLastBatchTime(String lastBatchTime) {
    this.lastBatchTime = lastBatchTime;
  }

  public Long getRead() {
    return read;
  }

  public void setRead(Long read) {
    this.read = read;
  }

  public Long getWritten() {
    return written;
  }

  public void setWritten(Long written) {
    this.written = written;
  }

  public Long getDeduplicated() {
    return deduplicated;
  }

  public void setDeduplicated(Long deduplicated) {
    this.deduplicated = deduplicated;
  }

  public Long getDeadLettered() {
    return deadLettered;
  }

  public void setDeadLettered(Long deadLettered) {
    this.deadLettered = deadLettered;
  }

  public Map<String, Long> getDeadLettersByRule() {
    return deadLettersByRule;
  }

  public void setDeadLettersByRule(Map<String, Long> deadLettersByRule) {
    this.deadLettersByRule = deadLettersByRule;
  }

  public String getObservedAt() {
    return observedAt;
  }

  public void setObservedAt(String observedAt) {
    this.observedAt = observedAt;
  }

  /** A copy without {@link #observedAt}: the figures alone, to tell whether they changed. */
  public PipelineProgress figures() {
    PipelineProgress copy = new PipelineProgress();
    copy.generation = generation;
    copy.lag = lag;
    copy.inputRate = inputRate;
    copy.processingRate = processingRate;
    copy.lastBatchId = lastBatchId;
    copy.lastBatchTime = lastBatchTime;
    copy.read = read;
    copy.written = written;
    copy.deduplicated = deduplicated;
    copy.deadLettered = deadLettered;
    copy.deadLettersByRule =
        deadLettersByRule == null ? null : new LinkedHashMap<>(deadLettersByRule);
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
        && Objects.equals(read, p.read)
        && Objects.equals(written, p.written)
        && Objects.equals(deduplicated, p.deduplicated)
        && Objects.equals(deadLettered, p.deadLettered)
        && Objects.equals(deadLettersByRule, p.deadLettersByRule)
        && Objects.equals(observedAt, p.observedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(generation, lag, lastBatchId, read, written, deadLettered, observedAt);
  }
}
