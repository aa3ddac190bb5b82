package io.streampipe.operator.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.api.v1alpha1.StreamingPipelineStatus;
import io.streampipe.api.validation.Problem;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds a pipeline's status from what was observed; pure, so it is tested as logic. */
public final class StatusAggregator {
  public static final String TOPICS_READY = "TopicsReady";
  public static final String SCHEMA_READY = "SchemaReady";
  public static final String CHECKPOINT_READY = "CheckpointReady";
  public static final String JOB_RUNNING = "JobRunning";
  public static final String INGEST_READY = "IngestReady";
  public static final String READY = "Ready";

  private static final ObjectMapper COPIER = new ObjectMapper();

  private StatusAggregator() {}

  /** The status of a valid pipeline. */
  public static StreamingPipelineStatus aggregate(
      StreamingPipelineStatus previous, Observation o, Instant now) {
    Map<String, Verdict> verdicts = new LinkedHashMap<>();
    verdicts.put(TOPICS_READY, Verdicts.topics(o));
    verdicts.put(SCHEMA_READY, Verdicts.schema(o));
    verdicts.put(CHECKPOINT_READY, Verdicts.checkpoint(o.checkpoint(), now));
    verdicts.put(JOB_RUNNING, Verdicts.job(o));
    if (o.ingest().wanted()) {
      verdicts.put(INGEST_READY, IngestVerdict.of(o.ingest().deployment()));
    }
    verdicts.put(READY, ready(verdicts));
    StreamingPipelineStatus status = copy(previous);
    status.setObservedGeneration(o.generation());
    status.setConditions(conditions(previous, verdicts, o.generation(), now));
    status.setTopic(o.topic());
    status.setDeadLetterTopic(o.deadLetterTopic());
    status.setTable(o.table());
    status.setTtl(o.ttl());
    status.setJobState(o.job().map(Verdicts::jobState).orElse(null));
    return status;
  }

  /**
   * The status of a pipeline whose spec is invalid: Ready turns False with every problem, the other
   * conditions stay as they were, because the running parts were left untouched.
   */
  public static StreamingPipelineStatus invalid(
      StreamingPipelineStatus previous, long generation, List<Problem> problems, Instant now) {
    String message =
        "invalid spec, nothing changed: "
            + problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
    return held(previous, generation, Reason.InvalidSpec, message, now);
  }

  /**
   * The status of a pipeline whose new spec was not applied (invalid, or a change refused): Ready
   * turns False with the reason, the other conditions stay, the running parts being untouched.
   */
  public static StreamingPipelineStatus held(
      StreamingPipelineStatus previous,
      long generation,
      Reason reason,
      String message,
      Instant now) {
    List<PipelineCondition> conditions = new ArrayList<>();
    PipelineCondition oldReady = null;
    for (PipelineCondition c : conditionsOf(previous)) {
      if (READY.equals(c.getType())) {
        oldReady = c;
      } else {
        conditions.add(c);
      }
    }
    conditions.add(condition(READY, Verdict.notOk(reason, message), oldReady, generation, now));
    StreamingPipelineStatus status = copy(previous);
    status.setObservedGeneration(generation);
    status.setConditions(conditions);
    return status;
  }

  /** Whether two statuses differ in anything a user would see. */
  public static boolean changed(StreamingPipelineStatus before, StreamingPipelineStatus after) {
    return !COPIER
        .valueToTree(before == null ? new StreamingPipelineStatus() : before)
        .equals(COPIER.valueToTree(after));
  }

  private static Verdict ready(Map<String, Verdict> parts) {
    List<String> waiting =
        parts.entrySet().stream().filter(e -> !e.getValue().ok()).map(Map.Entry::getKey).toList();
    return waiting.isEmpty()
        ? Verdict.ok(Reason.Ready, "the pipeline is running")
        : Verdict.notOk(Reason.NotReady, "waiting for " + String.join(", ", waiting));
  }

  private static List<PipelineCondition> conditions(
      StreamingPipelineStatus previous,
      Map<String, Verdict> verdicts,
      long generation,
      Instant now) {
    Map<String, PipelineCondition> old =
        conditionsOf(previous).stream()
            .collect(Collectors.toMap(PipelineCondition::getType, c -> c, (a, b) -> a));
    List<PipelineCondition> result = new ArrayList<>();
    verdicts.forEach(
        (type, verdict) -> result.add(condition(type, verdict, old.get(type), generation, now)));
    return result;
  }

  private static PipelineCondition condition(
      String type, Verdict verdict, PipelineCondition old, long generation, Instant now) {
    PipelineCondition c = new PipelineCondition();
    c.setType(type);
    c.setStatus(verdict.ok() ? "True" : "False");
    c.setReason(verdict.reason().name());
    c.setMessage(verdict.message());
    c.setObservedGeneration(generation);
    boolean same = old != null && c.getStatus().equals(old.getStatus());
    c.setLastTransitionTime(
        same ? old.getLastTransitionTime() : now.truncatedTo(ChronoUnit.SECONDS).toString());
    return c;
  }

  private static List<PipelineCondition> conditionsOf(StreamingPipelineStatus status) {
    return status == null || status.getConditions() == null ? List.of() : status.getConditions();
  }

  private static StreamingPipelineStatus copy(StreamingPipelineStatus status) {
    return status == null
        ? new StreamingPipelineStatus()
        : COPIER.convertValue(status, StreamingPipelineStatus.class);
  }
}
