package io.streampipe.operator.status;

import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.api.v1alpha1.StreamingPipelineStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which status changes deserve a Kubernetes Event: the pipeline becoming Ready or losing it, and a
 * part entering a failure. Progress (topics pending, job starting…) is in the status, not in
 * Events: a thousand pipelines being set up would otherwise flood the API server and `kubectl get
 * events`.
 */
public final class Notices {
  /** Reasons that mean something is wrong and someone may have to act. */
  static final Set<Reason> FAILURES =
      EnumSet.of(
          Reason.InvalidSpec,
          Reason.SchemaChangeRefused,
          Reason.SchemaIncompatible,
          Reason.RegistryUnreachable,
          Reason.CassandraUnreachable,
          Reason.CredentialsMissing,
          Reason.JobFailed,
          Reason.TopicsRefused,
          Reason.KafkaUnreachable,
          Reason.CheckpointResizeRefused,
          Reason.ProgressUnreachable,
          Reason.Stalled,
          Reason.LagGrowing,
          Reason.BudgetExceeded);

  /** Conditions whose return to True is a Normal Event. */
  private static final Set<String> RECOVERIES =
      Set.of(ProgressStatus.PROGRESSING, SuspensionStatus.DATA_QUALITY);

  /** One Event to record. */
  public record Notice(String type, String reason, String message) {}

  private Notices() {}

  public static List<Notice> between(
      StreamingPipelineStatus before, StreamingPipelineStatus after) {
    Map<String, PipelineCondition> old =
        conditionsOf(before).stream()
            .collect(
                Collectors.toMap(PipelineCondition::getType, Function.identity(), (a, b) -> a));
    List<Notice> notices = new ArrayList<>();
    for (PipelineCondition c : conditionsOf(after)) {
      PipelineCondition was = old.get(c.getType());
      boolean wasTrue = was != null && "True".equals(was.getStatus());
      boolean isTrue = "True".equals(c.getStatus());
      String text = c.getType() + ": " + c.getMessage();
      if (isFailure(c) && (was == null || !Objects.equals(was.getReason(), c.getReason()))) {
        // Ready repeats a failing part's reason (InvalidSpec): one Event for one failure.
        if (notices.stream().noneMatch(n -> n.reason().equals(c.getReason()))) {
          notices.add(new Notice("Warning", c.getReason(), text));
        }
      } else if (SuspensionStatus.SUSPENDED.equals(c.getType()) && isTrue != wasTrue) {
        Notice notice = suspension(c, isTrue, text);
        if (notices.stream().noneMatch(n -> n.reason().equals(notice.reason()))) {
          notices.add(notice);
        }
      } else if (RECOVERIES.contains(c.getType()) && isTrue && was != null && !wasTrue) {
        notices.add(new Notice("Normal", c.getReason(), text));
      } else if (StatusAggregator.READY.equals(c.getType()) && isTrue && !wasTrue) {
        notices.add(new Notice("Normal", c.getReason(), text));
      } else if (StatusAggregator.READY.equals(c.getType())
          && !isTrue
          && wasTrue
          // A suspension has its own Event.
          && !Reason.Suspended.name().equals(c.getReason())) {
        notices.add(new Notice("Warning", c.getReason(), text));
      }
    }
    return notices;
  }

  /**
   * Suspended at the user's request is a Normal Event; by the budget a Warning, one with the
   * DataQuality Event of the same reason.
   */
  private static Notice suspension(PipelineCondition c, boolean isTrue, String text) {
    if (!isTrue) {
      return new Notice("Normal", Reason.Resumed.name(), text);
    }
    return Reason.BudgetExceeded.name().equals(c.getReason())
        ? new Notice("Warning", c.getReason(), text)
        : new Notice("Normal", Reason.Suspended.name(), text);
  }

  private static boolean isFailure(PipelineCondition c) {
    return !"True".equals(c.getStatus())
        && FAILURES.stream().anyMatch(r -> r.name().equals(c.getReason()));
  }

  private static List<PipelineCondition> conditionsOf(StreamingPipelineStatus status) {
    return status == null || status.getConditions() == null ? List.of() : status.getConditions();
  }
}
