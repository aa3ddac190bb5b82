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
  public static final String SPEC_VALID = "SpecValid";
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
    return aggregate(previous, o, List.of(), now);
  }

  /**
   * The status of a pipeline observed running its last good spec; {@code problems} are the current
   * spec's, empty when it is valid. The parts' conditions stay live while the spec is invalid.
   */
  public static StreamingPipelineStatus aggregate(
      StreamingPipelineStatus previous, Observation o, List<Problem> problems, Instant now) {
    Map<String, Verdict> verdicts = new LinkedHashMap<>();
    verdicts.put(SPEC_VALID, specValid(problems));
    verdicts.put(TOPICS_READY, Verdicts.topics(o));
    verdicts.put(SCHEMA_READY, Verdicts.schema(o));
    verdicts.put(CHECKPOINT_READY, Verdicts.checkpoint(o.checkpoint(), now));
    verdicts.put(JOB_RUNNING, Verdicts.job(o));
    if (o.ingest().wanted()) {
      verdicts.put(INGEST_READY, IngestVerdict.of(o.ingest().deployment()));
    }
    verdicts.put(
        READY,
        problems.isEmpty()
            ? ready(verdicts)
            : Verdict.notOk(Reason.InvalidSpec, refused(problems)));
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
   * The status of a pipeline whose spec is invalid and that has nothing deployed to observe: Ready
   * and SpecValid turn False with every problem, the other conditions stay as they were.
   */
  public static StreamingPipelineStatus invalid(
      StreamingPipelineStatus previous, long generation, List<Problem> problems, Instant now) {
    return replacing(
        previous,
        generation,
        Map.of(
            SPEC_VALID, specValid(problems),
            READY, Verdict.notOk(Reason.InvalidSpec, refused(problems))),
        now);
  }

  /**
   * The status of a pipeline whose valid new spec was not applied (a change refused, or one that
   * waits for a checkpoint reset): Ready turns False with the reason, the other conditions stay,
   * the running parts being untouched.
   */
  public static StreamingPipelineStatus held(
      StreamingPipelineStatus previous,
      long generation,
      Reason reason,
      String message,
      Instant now) {
    return replacing(previous, generation, Map.of(READY, Verdict.notOk(reason, message)), now);
  }

  /**
   * The status after a reconcile failed: Ready turns False with the failure's message, since what
   * the parts are now is unknown; the other conditions keep what was last observed.
   */
  public static StreamingPipelineStatus failed(
      StreamingPipelineStatus previous, long generation, String message, Instant now) {
    return replacing(
        previous, generation, Map.of(READY, Verdict.notOk(Reason.ReconcileError, message)), now);
  }

  private static StreamingPipelineStatus replacing(
      StreamingPipelineStatus previous,
      long generation,
      Map<String, Verdict> replaced,
      Instant now) {
    Map<String, PipelineCondition> old = new LinkedHashMap<>();
    conditionsOf(previous).forEach(c -> old.putIfAbsent(c.getType(), c));
    List<PipelineCondition> conditions = new ArrayList<>();
    for (String type : List.of(SPEC_VALID, READY)) {
      if (!old.containsKey(type) && replaced.containsKey(type)) {
        old.put(type, null);
      }
    }
    old.forEach(
        (type, c) ->
            conditions.add(
                replaced.containsKey(type)
                    ? condition(type, replaced.get(type), c, generation, now)
                    : c));
    StreamingPipelineStatus status = copy(previous);
    // Nothing new was deployed: the job, if any, runs what it ran.
    status.setObservedGeneration(previous == null ? null : previous.getObservedGeneration());
    status.setConditions(conditions);
    return status;
  }

  /**
   * Sets one condition of a status in place, keeping its transition time while its status holds;
   * for conditions observed outside the aggregator (the job's progress).
   */
  static void put(
      StreamingPipelineStatus status,
      StreamingPipelineStatus previous,
      String type,
      Verdict verdict,
      Instant now) {
    PipelineCondition old =
        conditionsOf(previous).stream()
            .filter(c -> type.equals(c.getType()))
            .findFirst()
            .orElse(null);
    long generation = status.getObservedGeneration() == null ? 0 : status.getObservedGeneration();
    List<PipelineCondition> conditions = new ArrayList<>(conditionsOf(status));
    PipelineCondition c = condition(type, verdict, old, generation, now);
    // In its place when the aggregator made it (Ready), else last.
    int at = conditions.stream().map(PipelineCondition::getType).toList().indexOf(type);
    if (at >= 0) {
      conditions.set(at, c);
    } else {
      conditions.add(c);
    }
    status.setConditions(conditions);
  }

  private static Verdict specValid(List<Problem> problems) {
    return problems.isEmpty()
        ? Verdict.ok(Reason.SpecValid, "the spec is valid")
        : Verdict.notOk(
            Reason.InvalidSpec,
            problems.size()
                + " problem(s): "
                + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
  }

  private static String refused(List<Problem> problems) {
    return "invalid spec, nothing changed, the last valid spec still runs: "
        + problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
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
